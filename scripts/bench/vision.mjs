// Benchmark of the vision analysis core: the streaming timeline's pushFrame (palette, depth, luma, motion, cut
// measures, mean frame) and its parts, at several frame sizes, against a reference measured in the same run (a plain
// per-pixel luma loop over the same frames).
// Run: npm run bench vision (or node scripts/bench/vision.mjs)
import { importTs } from './_bundle.mjs';

const { createVisionTimeline } = await importTs('src/core/vision/vision-timeline.ts');
const { framePalette } = await importTs('src/core/vision/palette.ts');
const { buildGrayPyramid } = await importTs('src/core/vision/gray-pyramid.ts');
const { estimateGlobalMotion } = await importTs('src/core/vision/camera/global-motion.ts');
const { regionDepth } = await importTs('src/core/color/depth.ts');
const { makeTexture, renderMoved, addNoise } = await importTs('tests/node/helpers/frames.ts');

const fps = 30;
const tex = makeTexture('bench');
let sink = 0;

function time(fn, reps = 3) {
  fn(); // warm-up
  let best = Infinity;
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

const rows = [];
for (const [w, h, n] of [[320, 240, 60], [640, 360, 40], [1280, 720, 16]]) {
  const frames = Array.from({ length: n }, (_, k) => addNoise(renderMoved(tex, w, h, { dx: 0.1, zoom: 0.05 }, k, fps), 3, `b${k}`));
  const luma = time(() => {
    for (const f of frames) {
      let s = 0;
      for (let i = 0; i < f.length; i += 4) s += 0.2126 * f[i] + 0.7152 * f[i + 1] + 0.0722 * f[i + 2];
      sink += s;
    }
  });
  const palette = time(() => {
    for (const f of frames) sink += framePalette(f).length;
  });
  const depth = time(() => {
    for (const f of frames) sink += Object.keys(regionDepth(f)).length;
  });
  const motion = time(() => {
    let prev = buildGrayPyramid(frames[0], w, h);
    for (let k = 1; k < frames.length; k++) {
      const cur = buildGrayPyramid(frames[k], w, h);
      sink += estimateGlobalMotion(prev, cur).tx;
      prev = cur;
    }
  });
  const timeline = time(() => {
    const tl = createVisionTimeline({ width: w, height: h, fps });
    frames.forEach((f, i) => tl.pushFrame(f, i, i / fps));
    sink += tl.finish().windows.length;
  }, 2);
  rows.push({ size: `${w}×${h}`, n, luma, palette, depth, motion, timeline });
}

const fpsOf = (ms, n) => (n / (ms / 1000)).toFixed(0).padStart(7);
console.log(`vision analysis benchmark (frames/s, best of 3; reference = plain per-pixel luma loop over the same frames)`);
console.log(`size        frames  luma-ref  palette   depth  motion  pushFrame  pushFrame/luma-ref  × real time @${fps}`);
for (const r of rows) {
  console.log(
    `${r.size.padEnd(11)} ${String(r.n).padStart(6)} ${fpsOf(r.luma, r.n)}  ${fpsOf(r.palette, r.n)} ${fpsOf(r.depth, r.n)} ${fpsOf(r.motion, r.n - 1)}    ${fpsOf(r.timeline, r.n)}  ${(r.timeline / r.luma).toFixed(1).padStart(12)} × slower  ${(r.n / (r.timeline / 1000) / fps).toFixed(2).padStart(8)}`,
  );
}
if (sink === 42) console.log('');
