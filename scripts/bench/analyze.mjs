// Extraction speed and memory (issue 18): the full analysis (decode + vision + audio, in the built app's analyze
// worker in the system Chromium) of real-looking clips, next to ffmpeg decoding the same file and ffmpeg's analysis
// chain (signalstats, scdet, astats, aspectralstats) on it, measured in the same run; wall time and CPU time (the
// browser's processes from CDP, ffmpeg's from -benchmark). Then the peak memory of the real CLI (`analyze FILE
// --out DIR`, its report streamed) and of its renderer for a 1-minute and a 10-minute 1080p file, each in its own
// processes (MR_BENCH_LONG=0 skips the 10-minute file: it takes many minutes; MR_BENCH_MEMORY_ONLY=1 runs only the
// memory part; MR_BENCH_SPEED_ONLY=1 only the speed part, MR_BENCH_ONE_WORKER=0 skips the one-worker runs,
// MR_BENCH_RANGES=0 the range-split runs). Each clip is analysed on both cores split by stage (the second worker
// measuring each frame's colours, src/media/analyze-parallel.ts), on both cores split by frame ranges (each worker
// decoding and measuring half the frames, src/media/analyze-ranges.ts) and in one worker, right after ffmpeg's
// references on it, so all see the same load. The speed part is helper
// "split"'s, the memory part (benchMemory and its helpers) helper "stream"'s.
//
// Quiet-machine speed run (~4–6 min on 2 quiet cores): MR_BENCH_SPEED_ONLY=1 node scripts/bench/analyze.mjs
// (MR_BENCH_CLIPS=photo-720p,grain-720p-10 for some clips only)
//
// Clips (made by ffmpeg into .bench/, not committed):
// - grain: Debian mate-backgrounds photos in turn (a cut every 2 s), each slowly zoomed and panned, temporal
//   grain (the noisy content of real footage) at a camera-like bit rate (≤ 12 Mbit/s), pink-noise + tone AAC;
// - photo: one still photo moved by a camera (zoom and pan), light grain, the same audio;
// - scroll (the memory files, cheap to make at any length; made in the system's tmp dir, kept there for the next
//   run): a photo panned back and forth, light grain.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, withSession, REPO_ROOT } from '../../bin/lib/session.mjs';

const PHOTOS = ['Garden', 'Storm', 'Aqua', 'GreenMeadow', 'Wood'].map((n) => `/usr/share/backgrounds/mate/nature/${n}.jpg`);
const LONG = process.env.MR_BENCH_LONG !== '0';
const MEMORY_ONLY = process.env.MR_BENCH_MEMORY_ONLY === '1';
const SPEED_ONLY = process.env.MR_BENCH_SPEED_ONLY === '1';
const ONE_WORKER = process.env.MR_BENCH_ONE_WORKER !== '0';
const RANGES = process.env.MR_BENCH_RANGES !== '0';
const ownDist = process.env.MR_DIST ? null : mkdtempSync(join(tmpdir(), 'mr-bench-analyze-'));
if (ownDist) process.env.MR_DIST = join(ownDist, 'dist');
const dir = join(REPO_ROOT, '.bench');
mkdirSync(dir, { recursive: true });

/** Makes (once) a clip of `kind` at width×height for `seconds`, 30 fps H.264 yuv420p + AAC. */
function make(kind, width, height, seconds, preset = 'veryfast', into = dir) {
  const file = join(into, `analyze-${kind}-${height}p-${seconds}s.mp4`);
  if (existsSync(file)) return file;
  // made under a temporary name: an interrupted run leaves no half file to be taken for a whole one
  const part = `${file}.part.mp4`;
  const fps = 30;
  // the photo is scaled a quarter above the frame so the zoom and pan never show its edge
  const big = `scale=${2 * Math.round((1.25 * width) / 2)}:${2 * Math.round((1.25 * height) / 2)},setsar=1`;
  const move = (d) => `zoompan=z='1+0.0015*on':x='iw/2-(iw/zoom/2)+on*0.6':y='ih/2-(ih/zoom/2)':d=${d}:s=${width}x${height}:fps=${fps},setsar=1`;
  const audio = ['-f', 'lavfi', '-i', `anoisesrc=color=pink:amplitude=0.2:d=${seconds}:r=48000`, '-f', 'lavfi', '-i', `sine=f=330:r=48000:d=${seconds}`];
  let video;
  if (kind === 'scroll') {
    // cheap to make at any length (the memory files): the photo panned by a moving crop, light grain
    video = { inputs: ['-loop', '1', '-framerate', String(fps), '-i', PHOTOS[1]], filter: `[0:v]scale=${width + 480}:${height + 270},setsar=1,crop=${width}:${height}:x='240+200*sin(t/5)':y='135+100*sin(t/7)',noise=alls=4:allf=t,format=yuv420p[v]` };
  } else if (kind === 'photo') {
    video = { inputs: ['-i', PHOTOS[0]], filter: `[0:v]${big},${move(seconds * fps)},noise=alls=4:allf=t,format=yuv420p[v]` };
  } else {
    // one photo a 2 s shot (zoompan makes the shot's frames from the one image), looped over the clip's length
    const shot = 2 * fps;
    const inputs = PHOTOS.flatMap((p) => ['-i', p]);
    const parts = PHOTOS.map((_, k) => `[${k}:v]${big},${move(shot)},trim=end_frame=${shot},setpts=PTS-STARTPTS[s${k}]`).join(';');
    const cat = `${PHOTOS.map((_, k) => `[s${k}]`).join('')}concat=n=${PHOTOS.length}:v=1:a=0,loop=loop=-1:size=${shot * PHOTOS.length},trim=end_frame=${seconds * fps},noise=alls=10:allf=t,format=yuv420p[v]`;
    video = { inputs, filter: `${parts};${cat}` };
  }
  const n = kind === 'grain' ? PHOTOS.length : 1;
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...video.inputs, ...audio, '-filter_complex', `${video.filter};[${n}:a][${n + 1}:a]amix=inputs=2[a]`,
    '-map', '[v]', '-map', '[a]', '-t', String(seconds), '-c:v', 'libx264', '-preset', preset, '-crf', '23', '-maxrate', '12M', '-bufsize', '24M', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart', part]);
  renameSync(part, file);
  return file;
}

/** Runs ffmpeg with -benchmark: wall and CPU (user + system) seconds. */
function ffmpegTimed(args) {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-benchmark', ...args, '-f', 'null', '-'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ffmpeg ${args.join(' ')}: ${r.stderr}`);
  const m = /bench: utime=([\d.]+)s stime=([\d.]+)s rtime=([\d.]+)s/.exec(r.stderr);
  if (!m) throw new Error(`no -benchmark line from ffmpeg: ${r.stderr.slice(-300)}`);
  return { wall: Number(m[3]), cpu: Number(m[1]) + Number(m[2]) };
}

const CHAIN = ['-vf', 'signalstats,scdet', '-af', 'astats,aspectralstats'];

function load() {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

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

/** CPU seconds used so far by all the browser's processes (CDP SystemInfo). */
async function browserCpuS(cdp) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  return processInfo.reduce((s, p) => s + p.cpuTime, 0);
}

// MR_BENCH_CLIPS=photo-720p,grain-720p-10 runs only the clips whose label (spaces as dashes) contains one of the words
const only = process.env.MR_BENCH_CLIPS ? process.env.MR_BENCH_CLIPS.split(',') : null;
const clips = MEMORY_ONLY ? [] : [
  { label: 'grain 720p 10 s', kind: 'grain', w: 1280, h: 720, s: 10, frames: 300 },
  { label: 'grain 720p 60 s', kind: 'grain', w: 1280, h: 720, s: 60, frames: 1800 },
  { label: 'grain 1080p 10 s', kind: 'grain', w: 1920, h: 1080, s: 10, frames: 300 },
  { label: 'photo 720p 10 s', kind: 'photo', w: 1280, h: 720, s: 10, frames: 300 },
  { label: 'photo 1080p 10 s', kind: 'photo', w: 1920, h: 1080, s: 10, frames: 300 },
]
  .filter((c) => !only || only.some((o) => c.label.replaceAll(' ', '-').includes(o)))
  .map((c) => ({ ...c, file: make(c.kind, c.w, c.h, c.s) }));

console.log(`machine: ${cpus().length} cores; load average before: ${load()}`);
/** ffmpeg's references on one file, timed just before our analyses of it (the same load). */
const references = (file) => ({
  decode: ffmpegTimed(['-threads', '1', '-i', file]),
  chain1: ffmpegTimed(['-threads', '1', '-i', file, ...CHAIN]),
  chain: ffmpegTimed(['-i', file, ...CHAIN]),
});

// Warm-up before every timed run (MR_BENCH_WARM=0: none): a 1 s clip of other content analysed the same way (one
// worker or both) just before, so neither run pays the workers' start, module compilation and the speech model's
// load that the bridge's idle shutdown (5 s, longer than ffmpeg's references) would otherwise charge to the first one.
const WARM = process.env.MR_BENCH_WARM !== '0';
const files = clips.map((c) => c.file);
const warmIndex = files.length;
if (WARM && clips.length > 0) files.push(make('scroll', 320, 180, 1));
// MR_DIST set by the caller: that build as it is (e.g. an older commit's, for a before → after in one sitting)
if (clips.length > 0) await withSession({ rebuild: Boolean(ownDist) }, async (page) => {
  const cdp = await page.context().browser().newBrowserCDPSession();
  const selector = await page.evaluate(() => window.motionRegistries.analyzePrepareInput());
  await page.setInputFiles(selector, files);
  const run = async (index, parallel = true, ranges = false) => {
    let peak = 0;
    let cliPeak = 0;
    let running = true;
    const cpu0 = await browserCpuS(cdp);
    const t0 = performance.now();
    const job = page.evaluate(([i, p, g]) => window.motionRegistries.analyzeInputFile(i, p, g), [index, parallel, ranges]).finally(() => (running = false));
    while (running) {
      peak = Math.max(peak, await rendererRssKb(cdp));
      cliPeak = Math.max(cliPeak, process.memoryUsage().rss / 1024);
      await new Promise((r) => setTimeout(r, 200));
    }
    const report = await job;
    const seconds = (performance.now() - t0) / 1000;
    const cpu = (await browserCpuS(cdp)) - cpu0;
    cliPeak = Math.max(cliPeak, process.memoryUsage().rss / 1024);
    if (report.error) throw new Error(`${files[index]}: ${report.error.code}: ${report.error.message}`);
    return { seconds, cpu, frames: report.frames.length, peakMb: peak / 1024, cliPeakMb: cliPeak / 1024 };
  };
  await run(0); // the first run includes the workers' start and module loading
  if (ONE_WORKER) await run(0, false);
  if (RANGES) await run(0, true, true);
  console.log(`analysis raster 640×360; ffmpeg decode and chain with -threads 1 unless said; chain = signalstats+scdet+astats+aspectralstats`);
  console.log('speed vs chain: wall = ffmpeg chain with its default threads (both cores) / our wall on both cores (the issue\'s Done-when, ≥ 0.5 wanted); CPU = chain 1 thread CPU / our CPU');
  console.log('ranges = both cores split by frame ranges (analyze-ranges.ts); "both cores" = split by stage (the colour worker, today\'s default)');
  console.log('clip               | both cores: wall, f/s, CPU-s | one worker: wall, CPU-s | wall one / both | ranges: wall, CPU-s | wall both / ranges | ffmpeg decode wall/CPU | chain 1 thread wall/CPU | chain default threads wall | speed vs chain: wall (CPU) | one worker vs chain: wall | ranges vs chain: wall (CPU)');
  // each figure printed as soon as it is measured (the long files take many minutes on a loaded machine)
  for (let k = 0; k < clips.length; k++) {
    const c = clips[k];
    const loadBefore = load();
    const r = references(c.file);
    if (WARM) await run(warmIndex);
    const a = await run(k);
    if (WARM && ONE_WORKER) await run(warmIndex, false);
    const o = ONE_WORKER ? await run(k, false) : null;
    if (WARM && RANGES) await run(warmIndex, true, true);
    const g = RANGES ? await run(k, true, true) : null;
    for (const x of [a, o, g]) if (x && x.frames !== c.frames) throw new Error(`${c.label}: ${x.frames} frames, expected ${c.frames}`);
    const one = o ? `${o.seconds.toFixed(2)} s ${o.cpu.toFixed(2)} CPU-s | ${(o.seconds / a.seconds).toFixed(2)}×` : 'not run | -';
    const split = g ? `${g.seconds.toFixed(2)} s ${g.cpu.toFixed(2)} CPU-s | ${(a.seconds / g.seconds).toFixed(2)}×` : 'not run | -';
    console.log(
      `${c.label.padEnd(18)} | ${a.seconds.toFixed(2)} s ${(a.frames / a.seconds).toFixed(1)} f/s ${a.cpu.toFixed(2)} CPU-s | ${one} | ${split} | ${r.decode.wall.toFixed(2)}/${r.decode.cpu.toFixed(2)} s | ${r.chain1.wall.toFixed(2)}/${r.chain1.cpu.toFixed(2)} s | ${r.chain.wall.toFixed(2)} s | ${(r.chain.wall / a.seconds).toFixed(2)}× (CPU ${(r.chain1.cpu / a.cpu).toFixed(2)}×) | ${o ? `${(r.chain.wall / o.seconds).toFixed(2)}×` : '-'} | ${g ? `${(r.chain.wall / g.seconds).toFixed(2)}× (CPU ${(r.chain1.cpu / g.cpu).toFixed(2)}×)` : '-'} (load ${loadBefore} -> ${load()})`,
    );
  }
});
if (!SPEED_ONLY) await benchMemory();
if (ownDist) rmSync(ownDist, { recursive: true, force: true });
console.log(`load average after: ${load()}`);

// ---- Memory (helper "stream"): the real CLI, its report streamed, in its own processes per file ----

/** Peak (VmHWM) and current (VmRSS) resident kB, parent pid and whether it is a Chromium renderer; null when gone. */
function procInfo(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    const ppid = kb('PPid');
    const renderer = readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    return { hwm: kb('VmHWM'), rss: kb('VmRSS'), ppid, renderer };
  } catch {
    return null;
  }
}

/** Every live process below `root` (its children, theirs…), from /proc. */
function descendants(root) {
  const children = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const info = procInfo(Number(d));
    if (!info) continue;
    if (!children.has(info.ppid)) children.set(info.ppid, []);
    children.get(info.ppid).push(Number(d));
  }
  const out = [];
  const todo = [root];
  while (todo.length) {
    for (const c of children.get(todo.pop()) ?? []) {
      out.push(c);
      todo.push(c);
    }
  }
  return out;
}

/**
 * Runs `motion-registries analyze FILE --out DIR` (MR_ANALYZE_WHOLE=1 for the report taken whole, as before
 * streaming) and samples /proc every 250 ms: the CLI's own peak (VmHWM of its node process) and the renderer's
 * (VmHWM of its largest renderer process: the page and its workers live there).
 */
async function cliPeakMemory(file, whole) {
  const out = mkdtempSync(join(tmpdir(), 'mr-bench-out-'));
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/motion-registries.mjs'), 'analyze', file, '--out', out, '--quiet'], {
    env: { ...process.env, MR_ANALYZE_WHOLE: whole ? '1' : '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let cli = 0;
  let renderer = 0;
  const sample = () => {
    cli = Math.max(cli, procInfo(child.pid)?.hwm ?? 0);
    for (const pid of descendants(child.pid)) {
      const p = procInfo(pid);
      if (p?.renderer) renderer = Math.max(renderer, p.hwm);
    }
  };
  const done = new Promise((resolve) => child.on('exit', resolve));
  let exited = false;
  void done.then(() => (exited = true));
  while (!exited) {
    sample();
    await Promise.race([done, new Promise((r) => setTimeout(r, 250))]);
  }
  const code = await done;
  const seconds = (performance.now() - t0) / 1000;
  const name = readdirSync(out)[0];
  const report = name ? JSON.parse(readFileSync(join(out, name), 'utf8')) : null;
  rmSync(out, { recursive: true, force: true });
  if (code !== 0 || !report || report.error) throw new Error(`analyze ${file}: exit ${code}${report?.error ? `: ${report.error.code}: ${report.error.message}` : ''}`);
  return { seconds, frames: report.frames.length, cliMb: cli / 1024, rendererMb: renderer / 1024 };
}

/**
 * Peak renderer and CLI memory for a 1-minute and a 10-minute 1080p file, with their ratio (issue 18: ≤ 1.2×,
 * renderer < 600 MB). MR_BENCH_MEMORY_HEIGHT=180 measures 320×180 files instead (the same 18,000 frames in 10 min,
 * ~10× cheaper to make and to analyse: the growth with length on a loaded machine).
 */
async function benchMemory() {
  ensureBuilt({ rebuild: Boolean(ownDist) && clips.length === 0 });
  const into = join(tmpdir(), 'mr-bench-memory');
  mkdirSync(into, { recursive: true });
  const h = Number(process.env.MR_BENCH_MEMORY_HEIGHT ?? 1080);
  const w = 2 * Math.round((h * 16) / 9 / 2);
  const files = [{ label: `${h}p 1 min`, file: make('scroll', w, h, 60, 'ultrafast', into) }];
  if (LONG) files.push({ label: `${h}p 10 min`, file: make('scroll', w, h, 600, 'ultrafast', into) });
  console.log(`memory: the CLI (analyze FILE --out DIR) in its own processes per file; peak resident memory (VmHWM) of its node process and of its renderer (load ${load()})`);
  const wholeRef = await cliPeakMemory(files[0].file, true);
  console.log(`memory ${files[0].label}, report taken whole (MR_ANALYZE_WHOLE=1, as before streaming): ${wholeRef.frames} frames in ${wholeRef.seconds.toFixed(1)} s; renderer ${wholeRef.rendererMb.toFixed(0)} MB, CLI ${wholeRef.cliMb.toFixed(0)} MB (load ${load()})`);
  const measured = [];
  for (const f of files) {
    const m = await cliPeakMemory(f.file, false);
    measured.push(m);
    console.log(`memory ${f.label}, report streamed: ${m.frames} frames in ${m.seconds.toFixed(1)} s; renderer ${m.rendererMb.toFixed(0)} MB, CLI ${m.cliMb.toFixed(0)} MB (load ${load()})`);
  }
  if (measured.length === 2) {
    const [x, y] = measured;
    console.log(`memory ratio 10 min / 1 min: renderer ${(y.rendererMb / x.rendererMb).toFixed(2)}× (${y.rendererMb.toFixed(0)} MB; ≤ 1.2× and < 600 MB wanted), CLI ${(y.cliMb / x.cliMb).toFixed(2)}× (≤ 1.2× wanted)`);
  } else {
    console.log('memory: the 10-minute file was skipped (MR_BENCH_LONG=0)');
  }
}
