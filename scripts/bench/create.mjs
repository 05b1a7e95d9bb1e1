// Creation speed: render + encode throughput (frames/s) of createClip (render worker: pure colour field on an
// OffscreenCanvas, H.264 through WebCodecs, audio mixed and muxed) in the built app in the system Chromium, at
// 320×240 and 1280×720, next to ffmpeg's libx264 encoding a same-size generated source (testsrc2, and testsrc2 with
// per-pixel noise, closer to pure per-pixel colours) in the same run, printed as figures and ratios.
// Run: npm run bench create (or node scripts/bench/create.mjs)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { withSession } from '../../bin/lib/session.mjs';

const ownDist = process.env.MR_DIST ? null : mkdtempSync(join(tmpdir(), 'mr-bench-create-'));
if (ownDist) process.env.MR_DIST = join(ownDist, 'dist');

const FPS = 30;
// [width, height, seconds, cell size px]: 1 px is truly per pixel (all-intra H.264), 4 px survives 4:2:0 with P-frames.
const CASES = [
  [320, 240, 4, 1],
  [320, 240, 4, 4],
  [1280, 720, 2, 1],
  [1280, 720, 2, 4],
];

/** Seconds ffmpeg takes to encode `seconds` of a generated source with libx264 (default preset), best of two. */
function ffmpegSeconds(w, h, seconds, noise) {
  const src = `testsrc2=s=${w}x${h}:r=${FPS}:d=${seconds}${noise ? ',noise=alls=60:allf=t+u' : ''}`;
  let best = Infinity;
  for (let k = 0; k < 2; k++) {
    const t0 = performance.now();
    const r = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', src, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-f', 'null', '-'], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`ffmpeg: ${r.stderr}`);
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return best;
}

const made = await withSession({ rebuild: true }, async (page) => {
  const make = (w, h, s, cell, seed) =>
    page.evaluate(async (req) => {
      const r = await window.motionRegistries.createMake(req);
      window.motionRegistries.createRelease(r.id);
      return { frames: r.spec.frame_count, bytes: r.bytes, stats: r.stats };
    }, { instruction: {}, seed, width: w, height: h, fps: FPS, duration_s: s, cellSize: cell, mode: 'pure' });
  await make(320, 240, 0.5, 1, 'warm-up'); // the first clip pays for the worker's module loading
  const out = [];
  for (const [w, h, s, cell] of CASES) {
    let best = null;
    for (const seed of ['bench-a', 'bench-b']) {
      const r = await make(w, h, s, cell, seed);
      if (!best || r.stats.total_ms < best.stats.total_ms) best = r;
    }
    out.push({ w, h, s, cell, ...best });
  }
  return out;
});
if (ownDist) rmSync(ownDist, { recursive: true, force: true });

const f1 = (v) => v.toFixed(1).padStart(7);
console.log(`creation benchmark: ${FPS} fps, pure mode, best of 2 seeds; ${cpus().length} CPU cores; ffmpeg libx264 (default preset, all threads) on a generated source of the same size and length`);
console.log('size        cell  frames  render f/s  render+encode f/s  whole clip f/s  Mb/s   x264 testsrc2 f/s  x264 noisy f/s  ratio create/x264 (testsrc2, noisy)');
for (const r of CASES.map((c, i) => ({ ...made[i], c }))) {
  const { w, h, s, cell, frames, bytes, stats } = r;
  const renderFps = frames / (stats.render_ms / 1000);
  const workerFps = frames / ((stats.render_ms + stats.encode_ms) / 1000);
  const wholeFps = frames / (stats.total_ms / 1000);
  const x264 = frames / ffmpegSeconds(w, h, s, false);
  const x264n = frames / ffmpegSeconds(w, h, s, true);
  console.log(
    `${`${w}×${h}`.padEnd(11)} ${String(cell).padStart(3)}px ${String(frames).padStart(6)} ${f1(renderFps)}     ${f1(workerFps)}           ${f1(wholeFps)}     ${((bytes * 8) / s / 1e6).toFixed(1).padStart(5)}  ${f1(x264)}            ${f1(x264n)}        ${(workerFps / x264).toFixed(2)} ×, ${(workerFps / x264n).toFixed(2)} ×`,
  );
}
console.log('render f/s: drawing the frames only; render+encode: the worker (draw, H.264, mux); whole clip: with the OfflineAudioContext mix and the worker start');
