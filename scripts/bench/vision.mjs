// Benchmark of the vision analysis core: the streaming timeline's pushFrame (palette, depth, luma, motion, cut
// measures, mean frame) and its parts, at several frame sizes, against a reference measured in the same run (a plain
// per-pixel luma loop over the same frames).
// Then the accuracy of shots, transitions and camera moves on the real-photograph fixtures
// (tests/fixtures/real/photos, make-photos.sh): precision, recall and F1 of hard cuts (±1 frame) and of transitions
// (overlap ≥ half the shorter), and the share of camera windows read right, against the targets of FOUNDATION §3.8
// and issue #13.
// Run: npm run bench vision (or node scripts/bench/vision.mjs)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTs } from './_bundle.mjs';

const { createVisionTimeline } = await importTs('src/core/vision/vision-timeline.ts');
const { framePalette } = await importTs('src/core/vision/palette.ts');
const { buildGrayPyramid } = await importTs('src/core/vision/gray-pyramid.ts');
const { estimateGlobalMotion } = await importTs('src/core/vision/camera/global-motion.ts');
const { regionDepth } = await importTs('src/core/color/depth.ts');
const { cutF1 } = await importTs('src/core/vision/shots.ts');
const { transitionF1 } = await importTs('src/core/vision/transitions.ts');
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

// --- accuracy on the real-photograph fixtures ---------------------------------------------------------------------
const photos = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'real', 'photos');
const truth = JSON.parse(readFileSync(join(photos, 'truth.json'), 'utf8'));
function analyseFile(name, t) {
  const s = Math.min(1, 640 / Math.max(t.width, t.height));
  const w = Math.round(t.width * s);
  const h = Math.round(t.height * s);
  const dec = spawnSync('ffmpeg', ['-v', 'error', '-i', join(photos, name), '-vf', `scale=${w}:${h}:flags=area`, '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'], { maxBuffer: 2 ** 31 - 1 });
  const tl = createVisionTimeline({ width: w, height: h, fps: t.fps });
  const size = w * h * 4;
  for (let o = 0, i = 0; o + size <= dec.stdout.length; o += size, i++) tl.pushFrame(new Uint8ClampedArray(dec.stdout.subarray(o, o + size)), i, i / t.fps);
  return tl.finish();
}
const acc = { cut: [0, 0, 0], trans: [0, 0, 0], windows: 0, right: 0, wrongConfident: 0, stillMoves: 0 };
for (const [name, t] of Object.entries(truth)) {
  const r = analyseFile(name, t);
  if (t.kind === 'shots') {
    const cuts = r.cuts.map((c) => c.frame);
    const c = cutF1(cuts, t.cuts, 1);
    const x = transitionF1(r.transitions, t.transitions);
    acc.cut[0] += c.precision * cuts.length;
    acc.cut[1] += cuts.length;
    acc.cut[2] += t.cuts.length;
    acc.trans[0] += x.precision * r.transitions.length;
    acc.trans[1] += r.transitions.length;
    acc.trans[2] += t.transitions.length;
    console.log(`${name.padEnd(22)} cuts F1 ${c.f1.toFixed(3)} (found ${cuts.join(',')}; truth ${t.cuts.join(',')})  transitions F1 ${x.f1.toFixed(3)} (${r.transitions.length} found, ${t.transitions.length} true)`);
  } else {
    for (const w of r.windows) {
      acc.windows++;
      if (w.camera.move === t.move) acc.right++;
      else if (w.camera.confidence > 0.5) acc.wrongConfident++;
      if (t.move === 'static' && w.camera.move !== 'static') acc.stillMoves++;
    }
  }
}
const prf = ([tp, nf, nt]) => {
  const p = nf ? tp / nf : 1;
  const r = nt ? tp / nt : 1;
  return `precision ${p.toFixed(3)} recall ${r.toFixed(3)} F1 ${(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3)} (${Math.round(nt)} true)`;
};
console.log(`\nreal photographs: hard cuts ±1 frame ${prf(acc.cut)}  — target F1 ≥ 0.95`);
console.log(`real photographs: transitions     ${prf(acc.trans)}  — target F1 ≥ 0.8`);
console.log(`real photographs: camera windows right ${acc.right}/${acc.windows} (${((100 * acc.right) / acc.windows).toFixed(1)} %, target ≥ 95 %); wrong with confidence > 0.5: ${acc.wrongConfident}; moves read on still pictures: ${acc.stillMoves}`);
