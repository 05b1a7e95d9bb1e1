// Paired replay of a loop export's sound: each stored spec's mix made in Node (the reference mix, no AAC) and read frame
// by frame as extraction does, as the run made it (before: every frame claimed, the tones as stored) and as the current
// creator makes it (after: tones raised to audibleToneHz and, pure, pool tones a frame tells apart and each lifted to
// MIN_TONE_SHARE; frames holding a click not claimed). Prints the sound agreement (1 − mean total variation over claimed frames) per job mode, beat and tone band,
// and the per-job means' lowest groups. Usage: node scripts/replay-sound.mjs EXPORT.json [--mode pure|blended] [--max-frames N]
import { readFileSync } from 'node:fs';
import { importTs } from './bench/_bundle.mjs';

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && !['--mode', '--max-frames'].includes(args[i - 1]));
if (!file) throw new Error('usage: node scripts/replay-sound.mjs EXPORT.json [--mode pure|blended] [--max-frames N]');
const onlyMode = args.includes('--mode') ? args[args.indexOf('--mode') + 1] : null;
const maxFrames = args.includes('--max-frames') ? Number(args[args.indexOf('--max-frames') + 1]) : 300;
const { replaySoundFrames, remakeSound } = await importTs('scripts/replay-specs.ts');
const exp = JSON.parse(readFileSync(file, 'utf8'));
const band = (hz) => (hz === null ? 'no tone' : hz < 250 ? 'tone < 250 Hz' : hz < 420 ? 'tone 250-420 Hz' : 'tone ≥ 420 Hz');
const frames = new Map();
const jobs = { before: [], after: [] };
const add = (k, side, tv) => {
  const x = frames.get(k) ?? { before: [0, 0], after: [0, 0] };
  x[side][0] += tv;
  x[side][1]++;
  frames.set(k, x);
};
let skipped = 0;
for (const job of exp.runs.jobs) {
  const s = job.spec;
  if ((onlyMode && s.mode !== onlyMode)) continue;
  if (s.frame_count > maxFrames) {
    skipped++;
    continue;
  }
  const beat = s.tempo.bpm !== null ? 'beat' : 'no beat';
  for (const [side, spec] of [['before', s], ['after', remakeSound(s)]]) {
    const rs = replaySoundFrames(spec);
    let tv = 0;
    let n = 0;
    for (const r of rs) {
      const claimed = side === 'before' || r.claimed;
      if (!claimed) continue;
      tv += r.tv;
      n++;
      add(`${s.mode} ${beat}`, side, r.tv);
      add(`${s.mode} ${band(r.tone_hz)}`, side, r.tv);
    }
    if (n > 0) jobs[side].push({ mode: s.mode, beat, agreement: 1 - tv / n });
  }
}
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
console.log(`${jobs.before.length} jobs (${skipped} over ${maxFrames} frames skipped); reference mix, no AAC`);
console.log('frames                      before (n)          after (n)');
for (const [k, x] of [...frames.entries()].sort()) console.log(`  ${k.padEnd(26)}${(1 - x.before[0] / Math.max(1, x.before[1])).toFixed(3)} (${x.before[1]})`.padEnd(50) + `${(1 - x.after[0] / Math.max(1, x.after[1])).toFixed(3)} (${x.after[1]})`);
console.log('per-job mean sound agreement');
for (const g of ['pure', 'blended']) for (const b of ['beat', 'no beat', null]) {
  const pick = (side) => jobs[side].filter((j) => j.mode === g && (b === null || j.beat === b)).map((j) => j.agreement);
  const bf = pick('before');
  if (bf.length === 0) continue;
  const af = pick('after');
  console.log(`  ${`${g}${b ? ` × ${b}` : ''}`.padEnd(26)}${mean(bf).toFixed(3)} (${bf.length}) → ${mean(af).toFixed(3)}; lowest ${Math.min(...bf).toFixed(3)} → ${Math.min(...af).toFixed(3)}`);
}
console.log(`  all                       ${mean(jobs.before.map((j) => j.agreement)).toFixed(3)} → ${mean(jobs.after.map((j) => j.agreement)).toFixed(3)}`);
