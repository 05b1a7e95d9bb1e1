// Accuracy of shots, transitions and camera moves on footage-like degradations of the real-photograph fixtures next
// to the clean set (tests/fixtures/real/photos). dev: tests/fixtures/real/degraded (make-degraded.sh: grain, motion
// blur, heavy compression, 23.976/29.97/50/60 fps, letterbox, a moving subject, a ticker, flicker, an exposure ramp,
// handheld micro-shake; truth: the clean fixture's generating parameters mapped through the degradation's frame
// ratio); all of it has been tuned on. held_out: tests/fixtures/real/heldout (make-heldout.sh: other moves, speeds,
// sequences and combined degradations — logo, top ticker, vignette, pillarbox, larger subjects, 25 and 60 fps; truth
// written by the script), built before the tuning of its session and scored once after it. Hard cuts P/R/F1 at ±1 frame; transitions P/R/F1 with the kind right
// and an overlap of at least half the shorter span; camera: windows read right, wrong windows with confidence > 0.5,
// windows of a still picture that read a move.
// Run: node scripts/bench/footage.mjs [dev|held_out|all] [-v] [--only=NAME-PART] [--cache=DIR] (default all; the clean
// set is always scored too). --cache=DIR keeps each clip's per-frame columns (the timeline's part()) in DIR and
// re-runs only the detectors (finishVision) when they are there: for tuning shots.ts/transitions.ts, whose detectors
// read those columns; stale once the per-frame measures change (delete DIR then). A held-out figure counts only when the set was not looked at before the last change (docs/vision-analysis.md).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { importTs } from './_bundle.mjs';
import { decodeRgbaFrames } from './_rgba-frames.mjs';

const { createVisionTimeline, finishVision } = await importTs('src/core/vision/vision-timeline.ts');
const { cutF1 } = await importTs('src/core/vision/shots.ts');

const split = process.argv[2] && !process.argv[2].startsWith('-') ? process.argv[2] : 'all';
const verbose = process.argv.includes('-v');
// --only=TEXT: score only files whose name contains TEXT (for a quick look while tuning on dev)
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7) ?? '';
const root = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'real');
const cleanTruth = JSON.parse(readFileSync(join(root, 'photos', 'truth.json'), 'utf8'));
const degradedTruth = JSON.parse(readFileSync(join(root, 'degraded', 'truth.json'), 'utf8'));

function ratio(s) {
  const [a, b] = String(s).split('/').map(Number);
  return b ? a / b : a;
}

const cacheDir = process.argv.find((a) => a.startsWith('--cache='))?.slice(8);
/** The source of every vision and colour module but the detectors re-run from the cache: a change to how the per-frame
 * columns or the windows' camera are measured makes the cache miss (a detector change still re-runs in a minute). */
const DETECTORS = new Set(['shots.ts', 'transitions.ts', 'frame-runs.ts', 'frame-reader.ts']);
const MEASURING_CODE = cacheDir
  ? createHash('sha1').update(['vision', 'color'].map((d) => join(import.meta.dirname, '..', '..', 'src', 'core', d)).flatMap((d) => readdirSync(d, { recursive: true })
    .filter((f) => String(f).endsWith('.ts') && !DETECTORS.has(String(f))).sort().map((f) => readFileSync(join(d, String(f)), 'utf8'))).join('\u0000')).digest('hex')
  : '';

function analyse(path, width, height, fps) {
  // the cache key: the clip (path, size, time), its decoding (size asked, fps) and the code that measures the columns
  const st = statSync(path);
  const key = createHash('sha1').update(JSON.stringify([resolve(path), st.size, st.mtimeMs, width, height, fps, MEASURING_CODE])).digest('hex');
  const file = cacheDir && join(cacheDir, `${key}.v8`);
  if (file && existsSync(file)) {
    const { part, w, h } = deserialize(readFileSync(file));
    return finishVision([part], { width: w, height: h, fps });
  }
  const { frames, w, h } = decodeRgbaFrames(path, width, height);
  const tl = createVisionTimeline({ width: w, height: h, fps });
  frames.forEach((f, i) => tl.pushFrame(f, i, i / fps));
  if (!file) return tl.finish();
  const part = tl.part();
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(file, serialize({ part, w, h }));
  return finishVision([part], { width: w, height: h, fps });
}

/** Transition P/R counts: a found span matches an unused true one of the same kind overlapping at least half the shorter. */
function transitionMatches(found, truth) {
  const used = new Set();
  let tp = 0;
  for (const f of found) {
    const k = truth.findIndex((t, j) => {
      if (used.has(j) || t.kind !== f.kind) return false;
      const overlap = Math.min(f.end_frame, t.end_frame) - Math.max(f.start_frame, t.start_frame) + 1;
      return overlap >= Math.min(f.end_frame - f.start_frame + 1, t.end_frame - t.start_frame + 1) / 2;
    });
    if (k >= 0) {
      used.add(k);
      tp++;
    }
  }
  return tp;
}

function score(label, items) {
  const acc = { cut: [0, 0, 0], trans: [0, 0, 0], wipes: 0, wipeCuts: 0, wipeTrans: 0, windows: 0, right: 0, wrongConfident: 0, stillWindows: 0, stillMoves: 0 };
  const byDegrade = {};
  for (const it of items) {
    if (!it.name.includes(only)) continue;
    const r = analyse(it.path, it.width, it.height, it.fps);
    let onWipes = '';
    if (it.ignore) {
      // what a slide or wipe produced: neither credited nor charged in P/R, counted apart (it should be nothing)
      const cutsIn = r.cuts.filter((c) => it.ignore(c.frame));
      const transIn = r.transitions.filter((x) => it.ignore(x.start_frame) && it.ignore(x.end_frame));
      acc.wipes += it.wipes?.length ?? 0;
      acc.wipeCuts += cutsIn.length;
      acc.wipeTrans += transIn.length;
      if (cutsIn.length || transIn.length) onWipes = `; on wipes: cuts ${cutsIn.map((c) => c.frame).join(',') || '-'}, transitions ${transIn.map((x) => `${x.kind} ${x.start_frame}–${x.end_frame}`).join(', ') || '-'}`;
      r.cuts = r.cuts.filter((c) => !it.ignore(c.frame));
      r.transitions = r.transitions.filter((x) => !(it.ignore(x.start_frame) && it.ignore(x.end_frame)));
    }
    if (it.kind === 'shots') {
      const cuts = r.cuts.map((c) => c.frame);
      const c = cutF1(cuts, it.cuts, 1);
      acc.cut[0] += Math.round(c.precision * cuts.length);
      acc.cut[1] += cuts.length;
      acc.cut[2] += it.cuts.length;
      const tp = transitionMatches(r.transitions, it.transitions);
      acc.trans[0] += tp;
      acc.trans[1] += r.transitions.length;
      acc.trans[2] += it.transitions.length;
      const bad = c.f1 < 1 || tp < it.transitions.length || tp < r.transitions.length || onWipes !== '';
      if (verbose || bad)
        console.log(`  ${it.name.padEnd(34)} cuts ${cuts.join(',')} (truth ${it.cuts.join(',')}); transitions ${r.transitions.map((x) => `${x.kind} ${x.start_frame}–${x.end_frame}`).join(', ')} (truth ${it.transitions.map((x) => `${x.kind} ${x.start_frame}–${x.end_frame}`).join(', ')})${onWipes}`);
    } else {
      const d = (byDegrade[it.degrade] ??= [0, 0]);
      const wrong = [];
      for (const w of r.windows) {
        acc.windows++;
        d[1]++;
        if (it.move === 'static') acc.stillWindows++;
        if (w.camera.move === it.move) {
          acc.right++;
          d[0]++;
        } else {
          wrong.push(`${w.start_frame}:${w.camera.move}@${w.camera.confidence.toFixed(2)}`);
          if (w.camera.confidence > 0.5) acc.wrongConfident++;
          if (it.move === 'static') acc.stillMoves++;
        }
      }
      if (verbose || wrong.length) console.log(`  ${it.name.padEnd(44)} truth ${it.move}; wrong windows ${wrong.join(' ') || '-'}`);
    }
  }
  const prf = ([tp, nf, nt]) => {
    const p = nf ? tp / nf : 1;
    const r = nt ? tp / nt : 1;
    return `P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3)} (${nt} true, ${nf} found)`;
  };
  console.log(`${label}: hard cuts ±1 ${prf(acc.cut)}`);
  console.log(`${label}: transitions (kind + overlap) ${prf(acc.trans)}`);
  if (acc.wipes) console.log(`${label}: on ${acc.wipes} slides and wipes (not in P/R): ${acc.wipeCuts} cuts, ${acc.wipeTrans} transitions found`);
  console.log(`${label}: camera windows right ${acc.right}/${acc.windows} (${((100 * acc.right) / acc.windows).toFixed(1)} %); wrong with confidence > 0.5: ${acc.wrongConfident}; still-picture windows reading a move: ${acc.stillMoves}/${acc.stillWindows}`);
  if (Object.keys(byDegrade).length) console.log(`${label}: camera by degradation ${Object.entries(byDegrade).map(([k, [a, b]]) => `${k} ${a}/${b}`).join(', ')}`);
}

const clean = Object.entries(cleanTruth).map(([name, t]) => ({ name, path: join(root, 'photos', name), ...t }));
score('clean', clean);
if (split === 'all' || split === 'dev') {
  const items = Object.entries(degradedTruth).map(([name, d]) => {
    const src = cleanTruth[d.source];
    const fps = ratio(d.fps);
    const r = ratio(d.frame_ratio);
    const map = (f) => Math.round(f * r);
    const base = { name, degrade: d.degrade, path: join(root, 'degraded', name), width: 640, height: 360, fps, kind: src.kind };
    if (src.kind === 'shots')
      return { ...base, cuts: src.cuts.map(map), transitions: src.transitions.map((t) => ({ kind: t.kind, start_frame: map(t.start_frame), end_frame: Math.round((t.end_frame + 1) * r) - 1 })) };
    return { ...base, move: d.move ?? src.move };
  });
  score('degraded dev (make-degraded.sh)', items);
}
// --set=DIR: a set made by make-heldout-2.sh outside the repository (its truth.json; `wipes` spans neither credit nor
// charge what is found inside them)
const setDir = process.argv.find((a) => a.startsWith('--set='))?.slice(6);
if (setDir) {
  const t = JSON.parse(readFileSync(join(setDir, 'truth.json'), 'utf8'));
  const inWipe = (w, f) => (w ?? []).some((x) => f >= x.start_frame - 1 && f <= x.end_frame + 1);
  const items = Object.entries(t).map(([name, v]) => ({ ...v, name, path: join(setDir, name), fps: Number(v.fps), ignore: (f) => inWipe(v.wipes, f) }));
  score(`held-out set ${setDir}`, items);
  process.exit(0);
}
if (split === 'all' || split === 'held_out') {
  const heldoutTruth = JSON.parse(readFileSync(join(root, 'heldout', 'truth.json'), 'utf8'));
  const items = Object.entries(heldoutTruth).map(([name, t]) => ({ ...t, name, path: join(root, 'heldout', name), fps: Number(t.fps) }));
  score('held-out (make-heldout.sh)', items);
}
