// Clip tempo (±2 %) of several music folders at once, per folder and per family (band / drumless), with the kinds of
// wrong reading (×2, ×½, ×3/2, ×2/3, ×4/3, ×3/4), from the tempo envelopes cached once per folder: a change to the
// tempo reading (tempo.ts, music-tempo.ts) is scored on every dev set in seconds instead of re-decoding each clip.
// The envelopes are those the report reads (createOnsetEnvelope → tempoEnvelopesOf), so a change to onset-envelope.ts
// or its inputs needs --fresh. Same verdicts as scripts/eval-music.mjs (which also scores the melody).
// Run: node scripts/eval-tempo-sets.mjs DIR... [--verbose] [--fresh]   (each DIR holds clips and a truth.json)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importTs } from './bench/_bundle.mjs';

const args = process.argv.slice(2);
const dirs = args.filter((a) => !a.startsWith('--'));
if (dirs.length === 0) throw new Error('usage: node scripts/eval-tempo-sets.mjs DIR... [--verbose] [--fresh]');
const verbose = args.includes('--verbose');
const fresh = args.includes('--fresh');
const { createOnsetEnvelope } = await importTs('src/core/audio/onset-envelope.ts');
const { tempoEnvelopesOf, tempoReport } = await importTs('src/core/audio/tempo.ts');
const SR = 44100;
const CACHE = join(import.meta.dirname, '..', '.bench', 'tempo-envelopes');
const AUDIO = join(import.meta.dirname, '..', 'src', 'core', 'audio');
/** The tempo reading re-run from the cached envelopes (tempoEnvelopesOf lives in tempo.ts too: --fresh after changing it). */
const READING = new Set(['tempo.ts', 'music-tempo.ts']);
const RATIOS = [[2, '×2'], [0.5, '×½'], [1.5, '×3/2'], [2 / 3, '×2/3'], [4 / 3, '×4/3'], [3 / 4, '×3/4'], [3, '×3'], [1 / 3, '×⅓']];

/** The tempo envelopes of every clip of a folder, from the cache or decoded and streamed now. */
function envelopesOf(dir) {
  mkdirSync(CACHE, { recursive: true });
  // keyed on the folder, its truth and clips (size, time) and the code the envelopes come from (every audio module but
  // the tempo reading itself, which is what is re-run): a regenerated folder or a changed onset stage is decoded again
  const truthStat = statSync(join(dir, 'truth.json'));
  const clips = readdirSync(dir).filter((f) => /\.(m4a|mp4|wav|mp3|ogg|flac)$/.test(f)).sort().map((f) => { const st = statSync(join(dir, f)); return [f, st.size, st.mtimeMs]; });
  const code = readdirSync(AUDIO).filter((f) => f.endsWith('.ts') && !READING.has(f)).sort().map((f) => readFileSync(join(AUDIO, f), 'utf8'));
  const key = createHash('sha1').update(JSON.stringify([resolve(dir), truthStat.size, truthStat.mtimeMs, clips, code])).digest('hex').slice(0, 16);
  const file = join(CACHE, resolve(dir).replace(/[^\w-]+/g, '_') + `-${key}.json`);
  if (!fresh && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
  const out = {};
  for (const [clip, t] of Object.entries(truth)) {
    const pcm = Uint8Array.from(execFileSync('ffmpeg', ['-v', 'error', '-nostdin', '-i', join(dir, clip), '-f', 'f32le', '-ac', '1', '-ar', String(SR), '-'], { maxBuffer: 1 << 28 }));
    const x = new Float32Array(pcm.buffer, 0, pcm.length >> 2);
    const env = createOnsetEnvelope(SR);
    env.push(x);
    const enc = {};
    for (const [k, v] of Object.entries(tempoEnvelopesOf(env))) if (v) enc[k] = Buffer.from(Float32Array.from(v).buffer).toString('base64');
    out[clip] = { truth: { bpm: t.bpm, drums: t.drums }, rate: env.rate, duration: x.length / SR, env: enc };
  }
  writeFileSync(file, JSON.stringify(out));
  return out;
}

const total = { right: 0, n: 0, band: [0, 0], drumless: [0, 0], kinds: {} };
for (const dir of dirs) {
  let right = 0, n = 0;
  const fam = { band: [0, 0], drumless: [0, 0] }, kinds = {};
  for (const [clip, c] of Object.entries(envelopesOf(dir))) {
    const env = {};
    for (const [k, v] of Object.entries(c.env)) {
      const b = Buffer.from(v, 'base64');
      env[k] = new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
    }
    const bpm = tempoReport(env, c.rate, c.duration).bpm;
    const ok = bpm !== null && Math.abs(bpm / c.truth.bpm - 1) <= 0.02;
    let why = ok ? 'ok' : bpm === null ? 'none' : 'other';
    for (const [k, label] of RATIOS) if (!ok && bpm !== null && Math.abs(bpm / (k * c.truth.bpm) - 1) <= 0.03) why = label;
    if (!ok) kinds[why] = (kinds[why] ?? 0) + 1;
    // the brief's families: band (drums) and drumless (truth.drums false)
    const family = c.truth.drums === false ? 'drumless' : 'band';
    for (const f of [fam[family], total[family]]) {
      f[0] += ok ? 1 : 0;
      f[1]++;
    }
    right += ok ? 1 : 0;
    n++;
    if (verbose && !ok) console.log(`  ${clip.padEnd(30)} ${c.truth.bpm} → ${bpm?.toFixed(1) ?? 'none'} ${why}`);
  }
  for (const [k, v] of Object.entries(kinds)) total.kinds[k] = (total.kinds[k] ?? 0) + v;
  total.right += right;
  total.n += n;
  console.log(`${dir}: ${right}/${n} (band ${fam.band.join('/')}, drumless ${fam.drumless.join('/')}) ${JSON.stringify(kinds)}`);
}
console.log(`all: ${total.right}/${total.n} (${((100 * total.right) / total.n).toFixed(1)} %; band ${total.band.join('/')}, drumless ${total.drumless.join('/')}) ${JSON.stringify(total.kinds)}`);
