// Tempo and lead-melody accuracy on a folder of music clips with a truth.json (made by tests/fixtures/real/music/make.mjs
// or tests/fixtures/real/music-varied/make.mjs): the clip tempo the report gives (within ±2 % of the tapped beat, and
// which wrong readings are metrical-level errors: ×2, ×½, ×3/2, ×2/3, ×3, ×⅓), and the melody's notes against the MIDI
// lead, matched one to one as mir_eval does (pitch within 50 cents, i.e. the same MIDI number; onset within 50 ms; and
// with offsets: end within max(50 ms, 20 % of the note's length)).
// Run: node scripts/eval-music.mjs DIR [--stems] [--verbose]   (--stems: the melody of DIR/stems/, the lead alone)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTs } from './bench/_bundle.mjs';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) throw new Error('usage: node scripts/eval-music.mjs DIR [--stems] [--verbose]');
const verbose = args.includes('--verbose');
const stems = args.includes('--stems');
const { createSoundTimeline } = await importTs('src/core/audio/sound-timeline.ts');
const { windowBounds } = await importTs('src/core/report/analysis.ts');
const SR = 44100;

function decode(path) {
  const out = execFileSync('ffmpeg', ['-v', 'error', '-nostdin', '-i', path, '-f', 'f32le', '-ac', '1', '-ar', String(SR), '-'], { maxBuffer: 1 << 28 });
  const b = Uint8Array.from(out);
  return new Float32Array(b.buffer, 0, b.length >> 2);
}

function analyse(path) {
  const x = decode(path);
  const tl = createSoundTimeline(SR);
  tl.pushSamples(x);
  return tl.finish(windowBounds(Math.floor((x.length / SR) * 30), 30), 30);
}

/** Notes matched one to one (greedy by onset distance), with and without the offset condition. */
function matchNotes(truth, got) {
  const count = (withOffset) => {
    const pairs = [];
    truth.forEach((t, i) => got.forEach((g, j) => {
      const d = Math.abs(g.start - t.start);
      if (g.midi !== t.midi || d > 0.05) return;
      if (withOffset && Math.abs(g.end - t.end) > Math.max(0.05, 0.2 * (t.end - t.start))) return;
      pairs.push([d, i, j]);
    }));
    pairs.sort((a, b) => a[0] - b[0]);
    const ui = new Set(), uj = new Set();
    for (const [, i, j] of pairs) {
      if (ui.has(i) || uj.has(j)) continue;
      ui.add(i);
      uj.add(j);
    }
    return ui.size;
  };
  return { onset: count(false), offset: count(true) };
}

const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
const RATIOS = [[2, '×2'], [0.5, '×½'], [1.5, '×3/2'], [2 / 3, '×2/3'], [3, '×3'], [1 / 3, '×⅓']];
let right = 0, none = 0;
const octave = {}, groups = {}, families = {};
let tn = 0, gn = 0, hitOn = 0, hitOff = 0;
for (const [file, t] of Object.entries(truth)) {
  const r = analyse(join(dir, file));
  const bpm = r.tempo?.bpm ?? null;
  const ok = bpm !== null && Math.abs(bpm / t.bpm - 1) <= 0.02;
  let why = ok ? 'ok' : bpm === null ? 'none' : 'wrong';
  if (ok) right++;
  else if (bpm === null) none++;
  else {
    for (const [k, label] of RATIOS) {
      if (Math.abs(bpm / (k * t.bpm) - 1) > 0.03) continue;
      why = label;
      octave[label] = (octave[label] ?? 0) + 1;
    }
  }
  const group = `${t.kind ?? t.style}${t.meter ? ' ' + t.meter : ''}`;
  groups[group] ??= [0, 0];
  groups[group][0] += ok ? 1 : 0;
  groups[group][1]++;
  // the brief's kinds: band (drums), drumless (piano, strings, plucked, waltz, strum, mallet, pizzicato, organ, pad)
  const family = t.drums === false ? 'drumless' : 'band';
  families[family] ??= [0, 0];
  families[family][0] += ok ? 1 : 0;
  families[family][1]++;
  const melody = stems ? analyse(join(dir, 'stems', file)).melody : r.melody;
  const m = matchNotes(t.lead, melody);
  tn += t.lead.length;
  gn += melody.length;
  hitOn += m.onset;
  hitOff += m.offset;
  if (verbose) console.log(`${file.padEnd(30)} ${String(t.bpm).padStart(4)} → ${bpm?.toFixed(1) ?? 'none'} ${why}; lead ${m.onset}/${t.lead.length} (${melody.length} reported)`);
}
const n = Object.keys(truth).length;
const prf = (hit) => {
  const p = hit / Math.max(1, gn), r = hit / Math.max(1, tn);
  return `P ${p.toFixed(2)} R ${r.toFixed(2)} F1 ${(p + r > 0 ? (2 * p * r) / (p + r) : 0).toFixed(2)}`;
};
console.log(`${dir}: tempo ±2 % ${right}/${n} (${((100 * right) / n).toFixed(0)} %), none ${none}, wrong ${n - right - none}, metrical-level errors ${JSON.stringify(octave)}`);
console.log(`  band / drumless: ${Object.entries(families).map(([g, [a, b]]) => `${g} ${a}/${b} (${((100 * a) / b).toFixed(0)} %)`).join(', ')}`);
console.log(`  per kind: ${Object.entries(groups).map(([g, [a, b]]) => `${g} ${a}/${b}`).join(', ')}`);
console.log(`  lead notes${stems ? ' (stems)' : ''}: ${tn} true, ${gn} reported; onset ±50 ms: ${prf(hitOn)}; + offset: ${prf(hitOff)}`);
