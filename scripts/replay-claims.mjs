// What a loop export's jobs would claim under the current creator's claim rules, scored against the observations the
// run made (no rendering, no encoder): the palette is claimed only where a reading of the truth's exact frames names
// it (paletteIsRobust) and a pure one only where its cells are drawn in chroma blocks (drawsChromaBlocks), a slow blended move only where its texture can swing enough luma (slowTextureTooFaint),
// a lighting only clear of its thresholds (lightingNearThreshold), a complex field only where it spreads enough (rampSpread × complexBlur). Each
// field's mean agreement and n, as stored and as now claimed; a job a rule unclaims drops out of that field's mean.
// It cannot tell whether a stronger texture is now read (only a loop run can): that is left as the run scored it.
// Usage: node scripts/replay-claims.mjs EXPORT.json [--mode pure|blended] [--list]
import { readFileSync } from 'node:fs';
import { importTs } from './bench/_bundle.mjs';

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--mode');
if (!file) throw new Error('usage: node scripts/replay-claims.mjs EXPORT.json [--mode pure|blended] [--list]');
const onlyMode = args.includes('--mode') ? args[args.indexOf('--mode') + 1] : null;
const list = args.includes('--list');
const m = await importTs('scripts/replay-claims.ts');
const exp = JSON.parse(readFileSync(file, 'utf8'));
const learning = new Map(exp.runs.learning.map((l) => [l.job_id, l]));
const FIELDS = ['camera', 'motion', 'gradient', 'lighting', 'palette'];
const acc = Object.fromEntries(FIELDS.map((f) => [f, { before: [], after: [] }]));
for (const job of exp.runs.jobs) {
  const l = learning.get(job.id);
  const s = job.spec;
  const t = job.truth;
  if (!l || !t || (onlyMode && s.mode !== onlyMode)) continue;
  const primShare = new Map();
  for (const f of t.frames) for (const c of f.colors) primShare.set(c.primitive, (primShare.get(c.primitive) ?? 0) + c.share);
  const paletteNow = m.paletteIsRobust(t.frames, t.width * t.height, primShare, t.palette);
  const slowFaint = s.mode === 'blended' && s.camera.move !== 'static' && m.slowTextureTooFaint(m.rampLumaRange(s), s.motion.speed, s, s.camera.move);
  const perPixel = s.mode === 'pure' && s.cell_size % 2 === 0 && !m.drawsChromaBlocks(s);
  const fr = t.frames;
  const lm = fr.reduce((a, f) => a + f.luma.mean, 0) / fr.length;
  const lstd = Math.sqrt(Math.max(0, fr.reduce((a, f) => a + f.luma.std ** 2 + f.luma.mean ** 2, 0) / fr.length - lm * lm));
  const lightingNow = !m.lightingNearThreshold(lm, lstd);
  const complexFlat = s.gradient.type === 'complex' && m.rampSpread(s, s) * m.complexBlur(s.mode, s.gradient, s.camera, s.motion.speed, s) < m.FLAT_STD * m.RAMP_SPREAD_MARGIN;
  const claimedNow = { camera: !slowFaint, motion: !slowFaint, gradient: !complexFlat, lighting: lightingNow, palette: paletteNow && !perPixel };
  for (const f of FIELDS) {
    const a = l.fields[f]?.agreement;
    if (typeof a !== 'number') continue;
    acc[f].before.push(a);
    if (claimedNow[f]) acc[f].after.push(a);
    else if (list) console.log(`${job.id.slice(4, 14)} ${s.mode} ${s.camera.move}/${s.motion.level} ${s.gradient.type}: ${f} no longer claimed (loop agreement ${a.toFixed(2)}: ${JSON.stringify(l.fields[f].intended)} → ${JSON.stringify(l.fields[f].observed)})`);
  }
}
const mean = (xs) => (xs.length ? (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3) : '—');
for (const f of FIELDS) console.log(`${f}: as stored ${mean(acc[f].before)} (n ${acc[f].before.length}) → as now claimed ${mean(acc[f].after)} (n ${acc[f].after.length})`);
