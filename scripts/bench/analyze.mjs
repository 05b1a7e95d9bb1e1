// Extraction speed and memory: full analysis (decode + vision + audio, in the analyze worker of the built app in the
// system Chromium) of a 10 s 1280×720 30 fps H.264 + AAC file, next to ffmpeg decoding alone and an ffmpeg analysis
// chain (signalstats, scdet, astats, aspectralstats) on the same file in the same run; then the renderer processes'
// peak memory for a 2 s and a 30 s file of the same kind (it must not grow with length).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withSession, REPO_ROOT } from '../../bin/lib/session.mjs';

const ownDist = process.env.MR_DIST ? null : mkdtempSync(join(tmpdir(), 'mr-bench-analyze-'));
if (ownDist) process.env.MR_DIST = join(ownDist, 'dist');
const dir = join(REPO_ROOT, '.bench');
mkdirSync(dir, { recursive: true });

function make(seconds) {
  const file = join(dir, `analyze-720p-${seconds}s.mp4`);
  if (!existsSync(file)) {
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=s=1280x720:r=30:d=${seconds}`, '-f', 'lavfi', '-i', `sine=f=440:r=48000:d=${seconds}`,
      '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart', file]);
  }
  return file;
}

function timed(args) {
  const t0 = performance.now();
  const r = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`ffmpeg ${args.join(' ')}: ${r.stderr}`);
  return (performance.now() - t0) / 1000;
}

const ten = make(10);
const frames = 300;
const decodeS = Math.min(timed(['-threads', '1', '-i', ten, '-f', 'null', '-']), timed(['-threads', '1', '-i', ten, '-f', 'null', '-']));
const chainS = timed(['-threads', '1', '-i', ten, '-vf', 'signalstats,scdet', '-af', 'astats,aspectralstats', '-f', 'null', '-']);
const short = make(2);
const long = make(30);

/** Resident memory (kB) of the browser's renderer processes, from CDP's process list and /proc. */
async function rendererRssKb(cdp) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  let kb = 0;
  for (const p of processInfo) {
    if (p.type !== 'renderer') continue;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      // process gone
    }
  }
  return kb;
}

let first = true;
const results = await withSession({ rebuild: true }, async (page) => {
  const cdp = await page.context().browser().newBrowserCDPSession();
  const selector = await page.evaluate(() => window.motionRegistries.analyzePrepareInput());
  await page.setInputFiles(selector, [ten, short, long]);
  const out = {};
  for (const [k, index] of [['ten', 0], ['ten', 0], ['short', 1], ['long', 2]]) {
    let peak = 0;
    let running = true;
    const t0 = performance.now();
    const job = page.evaluate((i) => window.motionRegistries.analyzeInputFile(i), index).finally(() => (running = false));
    while (running) {
      peak = Math.max(peak, await rendererRssKb(cdp));
      await new Promise((r) => setTimeout(r, 100));
    }
    const report = await job;
    if (report.error) throw new Error(`${k}: ${report.error.code}: ${report.error.message}`);
    const seconds = (performance.now() - t0) / 1000;
    if (k === 'ten' && first) {
      first = false; // the first run includes the worker's start and module loading
      continue;
    }
    out[k] = { seconds, frames: report.frames.length, peakMb: peak / 1024 };
  }
  return out;
});
if (ownDist) rmSync(ownDist, { recursive: true, force: true });

const fps = (s) => frames / s;
const a = results.ten;
console.log(`file: 10 s 1280×720 30 fps H.264 + AAC (${frames} frames), analysis raster 640×360`);
console.log(`full analysis (browser worker)       ${a.seconds.toFixed(2)} s  ${fps(a.seconds).toFixed(1)} frames/s  (${(10 / a.seconds).toFixed(2)} × real time)`);
console.log(`ffmpeg decode only (1 thread)        ${decodeS.toFixed(2)} s  ${fps(decodeS).toFixed(1)} frames/s`);
console.log(`ffmpeg signalstats+scdet+astats+aspectralstats (1 thread) ${chainS.toFixed(2)} s  ${fps(chainS).toFixed(1)} frames/s`);
console.log(`ratios: analysis / ffmpeg decode = ${(a.seconds / decodeS).toFixed(1)} × slower; analysis / ffmpeg chain = ${(a.seconds / chainS).toFixed(1)} × slower`);
console.log(`memory (renderer processes' peak RSS while analysing): 2 s file ${results.short.peakMb.toFixed(0)} MB (${results.short.frames} frames), 30 s file ${results.long.peakMb.toFixed(0)} MB (${results.long.frames} frames): +${(results.long.peakMb - results.short.peakMb).toFixed(0)} MB for 15 × the length`);
