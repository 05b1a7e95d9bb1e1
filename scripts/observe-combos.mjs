// Observability of the creator's combinations, without the loop: for each mode × camera move × gradient type
// (and a motion level), make a clip from a bare instruction in the built app, analyse it, and compare the
// intended truth's camera, motion, gradient, lighting and palette with what extraction reads (the loop's rules:
// the modal window value; the palette as primitives ≥ 5 % of the clip). Prints failing combinations.
// Usage: MR_DIST=DIR node scripts/observe-combos.mjs [--seeds N] [--modes pure,blended] [--moves a,b] [--gradients a,b] [--levels slow,fast] [--cell N] [--json FILE]
import { writeFileSync } from 'node:fs';
import { withSession } from '../bin/lib/session.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const seeds = Number(opt('seeds', '1'));
const modes = opt('modes', 'pure,blended').split(',');
const moves = opt('moves', 'static,pan_left,pan_right,tilt_up,tilt_down,zoom_in,zoom_out,roll_cw,roll_ccw,shake').split(',');
const gradients = opt('gradients', 'flat,linear_horizontal,linear_vertical,linear_diagonal,radial,complex').split(',');
const levels = opt('levels', 'slow,medium,fast').split(',');
const out = opt('json', null);
const cell = opt('cell', null);

const jobs = [];
for (const mode of modes) for (const move of moves) for (const gradient of gradients) for (let s = 0; s < seeds; s++) {
  const level = move === 'static' ? null : levels[(s + jobs.length) % levels.length];
  jobs.push({ mode, move, gradient, level, seed: `combo:${mode}:${move}:${gradient}:${s}`, cell: cell === null ? null : Number(cell) });
}

const results = await withSession({}, async (page) => {
  const res = [];
  for (const j of jobs) {
    const r = await page.evaluate(async (j) => {
      const api = window.motionRegistries;
      const instruction = { camera: { move: j.move }, gradient: { type: j.gradient }, motion: { level: j.level } };
      const made = await api.createMake({ instruction, seed: j.seed, mode: j.mode, ...(j.cell ? { cellSize: j.cell } : {}) });
      const b64 = api.createReadChunk(made.id, 0, made.bytes);
      api.createRelease(made.id);
      const report = await api.analyzeBase64(b64, `${j.seed}.mp4`);
      const mode = (xs) => {
        const c = new Map();
        let best = null;
        let n = 0;
        for (const x of xs) {
          const k = (c.get(x) ?? 0) + 1;
          c.set(x, k);
          if (k > n) [best, n] = [x, k];
        }
        return best;
      };
      const ws = (report.windows ?? []).filter((w) => w.motion);
      const share = new Map();
      for (const f of report.frames ?? []) for (const c of f.colors) share.set(c.primitive, (share.get(c.primitive) ?? 0) + c.share);
      const nf = Math.max(1, (report.frames ?? []).length);
      const observedPalette = [...share].filter(([, s]) => s / nf >= 5).map(([p]) => p);
      const t = made.truth;
      return {
        bytes: made.bytes,
        unmet: made.spec.unmet, unobservable: made.spec.unobservable,
        spec: { camera: made.spec.camera.move, gradient: made.spec.gradient.type, lighting: made.spec.lighting.canonical, palette: made.spec.palette.length },
        intended: { camera: t.camera.move, motion: t.motion.level, gradient: t.gradient.type, lighting: t.lighting, palette: t.palette, unclaimed: t.unclaimed ?? [] },
        observed: { camera: mode(ws.map((w) => w.camera.move)), motion: mode(ws.map((w) => w.motion.level)), gradient: mode(ws.map((w) => w.gradient.type)), lighting: mode(ws.map((w) => w.lighting)), palette: observedPalette,
          cameras: ws.map((w) => `${w.camera.move}:${w.camera.confidence?.toFixed?.(2)}`).join(' ') },
      };
    }, j);
    
    const agree = {};
    for (const f of ["camera", "motion", "gradient", "lighting"]) agree[f] = r.intended.unclaimed.includes(f) ? null : r.intended[f] === r.observed[f] ? 1 : 0;
    const io = new Set(r.observed.palette);
    const inter = r.intended.palette.filter((p) => io.has(p)).length;
    agree.palette = inter / new Set([...r.intended.palette, ...r.observed.palette]).size;
    res.push({ ...j, ...r, agree });
    const bad = Object.entries(agree).filter(([, v]) => v !== null && v < 0.9).map(([k]) => `${k} ${r.intended[k]}→${r.observed[k]}`);
    process.stderr.write(`${j.mode} ${j.move} ${j.level ?? '-'} ${j.gradient}: ${bad.length ? bad.join(', ') : 'ok'} (${r.bytes} B) ${r.observed.cameras} palette ${r.intended.palette.join(',')} / ${r.observed.palette.join(',')}\n`);
  }
  return res;
});

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
for (const f of ['camera', 'motion', 'gradient', 'lighting', 'palette']) {
  const xs = results.map((r) => r.agree[f]).filter((x) => x !== null);
  console.log(`${f}: ${mean(xs)?.toFixed(3)} over ${xs.length}`);
}
for (const mode of modes) {
  const rs = results.filter((r) => r.mode === mode);
  console.log(`${mode}: ${['camera', 'motion', 'gradient', 'lighting', 'palette'].map((f) => `${f} ${mean(rs.map((r) => r.agree[f]).filter((x) => x !== null))?.toFixed(2)}`).join(', ')}`);
}
if (out) writeFileSync(out, JSON.stringify(results, null, 2));
