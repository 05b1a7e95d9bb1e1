// Speech share per clip, summarised for music alone and for speech (clean and over music), for our detector and,
// with --silero, for the Silero VAD beside it. Per clip the share of 30 fps frames called speech (the mean of the
// 0.5 s windows' speech_share, as the report gives it).
// Sets: a corpus directory made by tests/fixtures/real/speech/make-corpus.mjs (with its list.json), `band` (the band
// fixtures tests/fixtures/real/music, all music), `festival` (tests/fixtures/real/speech/*.m4a, all speech) or
// `small` (the committed corpus tests/fixtures/real/speech/corpus). Clips whose list.json entry names a voiceStem (the
// voice alone, as make-over-band.mjs writes) are also scored window by window against the voice's own activity.
// Run: node scripts/eval-speech.mjs [set…=/tmp/speech-corpus/dev] [--verbose] [--silero[=DIR]] [--silero-model=v5|v6|legacy]
// --silero needs the model and its runtime installed OUTSIDE the project (they are not dependencies):
//   mkdir -p /tmp/silero && cd /tmp/silero && npm init -y && npm i @ricky0123/vad-web@0.0.31 onnxruntime-web@1.31.1
// and runs silero_vad_<model>.onnx from that package with onnxruntime-web's wasm backend (one thread) at 16 kHz, 512-sample
// chunks (32 ms) with the 64-sample context vad-web gives it; a frame is speech when the chunk under its centre has
// probability ≥ 0.5 (Silero's own default threshold; --silero-threshold=0.3 for vad-web's positiveSpeechThreshold).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { importTs } from './bench/_bundle.mjs';

const args = process.argv.slice(2);
const opt = (name) => args.find((a) => a === `--${name}` || a.startsWith(`--${name}=`))?.split('=')[1];
const sets = args.filter((a) => !a.startsWith('--'));
if (sets.length === 0) sets.push('/tmp/speech-corpus/dev');
const verbose = args.includes('--verbose');
const sileroDir = args.some((a) => a.startsWith('--silero') && !a.startsWith('--silero-')) ? (opt('silero') ?? '/tmp/silero') : null;
const sileroModel = opt('silero-model') ?? 'v5';
const sileroThreshold = Number(opt('silero-threshold') ?? 0.5);
const root = join(import.meta.dirname, '..');
const { createSoundTimeline } = await importTs('src/core/audio/sound-timeline.ts');
const { windowBounds } = await importTs('src/core/report/analysis.ts');
const SR = 44100;
const FPS = 30;

function decode(path, sr) {
  const out = execFileSync('ffmpeg', ['-v', 'error', '-nostdin', '-i', path, '-f', 'f32le', '-ac', '1', '-ar', String(sr), '-'], { maxBuffer: 1 << 28 });
  const b = Uint8Array.from(out);
  return new Float32Array(b.buffer, 0, b.length >> 2);
}

/** The clips of a set: { path, file, speech, musicUnderDb }. */
function clipsOf(set) {
  if (set === 'band') {
    const dir = join(root, 'tests/fixtures/real/music');
    return Object.keys(JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'))).map((file) => ({ path: join(dir, file), file, speech: false }));
  }
  if (set === 'festival') {
    const dir = join(root, 'tests/fixtures/real/speech');
    return readdirSync(dir)
      .filter((f) => f.endsWith('.m4a'))
      .map((file) => ({ path: join(dir, file), file, speech: true, musicUnderDb: file.includes('music') ? 20 : null }));
  }
  const dir = set === 'small' ? join(root, 'tests/fixtures/real/speech/corpus') : set;
  return JSON.parse(readFileSync(join(dir, 'list.json'), 'utf8')).map((c) => ({ ...c, path: join(dir, c.file), musicUnderDb: c.musicUnderDb ?? null }));
}

const cost = { ours: 0, silero: 0, seconds: 0 };

/** Our detector: the window speech_share of the sound timeline. */
function oursWindows(path) {
  const x = decode(path, SR);
  const t0 = performance.now();
  const tl = createSoundTimeline(SR);
  tl.pushSamples(x);
  const r = tl.finish(windowBounds(Math.floor((x.length / SR) * FPS), FPS), FPS);
  cost.ours += performance.now() - t0;
  cost.seconds += x.length / SR;
  return r.windows.map((w) => w?.speech_share ?? 0);
}

let silero = null;
async function loadSilero() {
  const require = createRequire(join(sileroDir, 'package.json'));
  const ort = require('onnxruntime-web');
  ort.env.wasm.numThreads = 1;
  const model = readFileSync(join(sileroDir, 'node_modules/@ricky0123/vad-web/dist', `silero_vad_${sileroModel}.onnx`));
  const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'] });
  return { ort, session };
}

/** Silero: per 32 ms chunk the speech probability, then per 30 fps frame the chunk under its centre, as windows. */
async function sileroWindows(path) {
  silero ??= await loadSilero();
  const { ort, session } = silero;
  const x = decode(path, 16000);
  const t0 = performance.now();
  const sr = new ort.Tensor('int64', BigInt64Array.from([16000n]), []);
  const legacy = sileroModel === 'legacy';
  const chunk = legacy ? 1536 : 512;
  let state = new ort.Tensor('float32', new Float32Array(256), [2, 1, 128]);
  let h = new ort.Tensor('float32', new Float32Array(128), [2, 1, 64]);
  let c = new ort.Tensor('float32', new Float32Array(128), [2, 1, 64]);
  const probs = [];
  for (let i = 0; i < x.length; i += chunk) {
    const frame = new Float32Array(chunk);
    frame.set(x.subarray(i, i + chunk));
    if (legacy) {
      const o = await session.run({ input: new ort.Tensor('float32', frame, [1, chunk]), h, c, sr });
      [h, c] = [o.hn, o.cn];
      probs.push(o.output.data[0]);
    } else {
      const w = new Float32Array(64 + chunk);
      if (i >= 64) w.set(x.subarray(i - 64, i), 0);
      w.set(frame, 64);
      const o = await session.run({ input: new ort.Tensor('float32', w, [1, w.length]), state, sr });
      state = o.stateN;
      probs.push(o.output.data[0]);
    }
  }
  cost.silero += performance.now() - t0;
  const frames = Math.floor((x.length / 16000) * FPS);
  const speech = (f) => (probs[Math.min(probs.length - 1, Math.floor((((f + 0.5) / FPS) * 16000) / chunk))] ?? 0) >= sileroThreshold;
  return windowBounds(frames, FPS).map(([a, b]) => {
    let k = 0;
    for (let f = a; f <= b; f++) if (speech(f)) k++;
    return (100 * k) / (b - a + 1);
  });
}

/** Truth from the voice alone (a clip's voiceStem): per 30 fps frame, the voice within 40 dB of its loudest frame, pauses under 0.3 s bridged; as windows. */
function truthWindows(stemPath, clipPath) {
  const x = decode(stemPath, 16000);
  const n = Math.floor((decode(clipPath, 16000).length / 16000) * FPS);
  const db = Array.from({ length: n }, (_, f) => {
    const a = Math.round((f * 16000) / FPS);
    const b = Math.min(x.length, Math.round(((f + 1) * 16000) / FPS));
    let e = 0;
    for (let i = a; i < b; i++) e += x[i] * x[i];
    return b > a ? 10 * Math.log10(e / (b - a) + 1e-12) : -120;
  });
  const top = Math.max(...db);
  const on = db.map((v) => v > top - 40);
  const bridge = Math.round(0.3 * FPS);
  let last = -1;
  for (let f = 0; f < n; f++) {
    if (!on[f]) continue;
    if (last >= 0 && f - last - 1 < bridge) for (let g = last + 1; g < f; g++) on[g] = true;
    last = f;
  }
  return windowBounds(n, FPS).map(([a, b]) => (100 * on.slice(a, b + 1).filter(Boolean).length) / (b - a + 1));
}

const mean = (xs) => xs.reduce((a, v) => a + v, 0) / xs.length;
/** Mean absolute difference (points) between a detector's window shares and the truth's. */
const windowError = (ws, truth) => mean(truth.map((t, i) => Math.abs((ws[i] ?? 0) - t)));

const stats = (xs) => {
  if (xs.length === 0) return '—';
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `n ${s.length}, mean ${(s.reduce((a, v) => a + v, 0) / s.length).toFixed(1)}, median ${q(0.5).toFixed(0)}, p90 ${q(0.9).toFixed(0)}, min ${s[0].toFixed(0)}, max ${s[s.length - 1].toFixed(0)}`;
};

function summary(label, rows, key) {
  const music = rows.filter((r) => !r.speech).map((r) => r[key]);
  const speech = rows.filter((r) => r.speech).map((r) => r[key]);
  console.log(`  ${label}`);
  if (music.length) console.log(`    music alone: ${stats(music)}; ≤ 10 %: ${music.filter((v) => v <= 10).length}/${music.length}`);
  if (speech.length) {
    console.log(`    speech:      ${stats(speech)}; ≥ 60 %: ${speech.filter((v) => v >= 60).length}/${speech.length}`);
    for (const u of [null, 20, 14, 10]) {
      const s = rows.filter((r) => r.speech && r.musicUnderDb === u).map((r) => r[key]);
      if (s.length) console.log(`      ${u === null ? 'clean' : `music ${u} dB under`}: ${stats(s)}`);
    }
  }
}

for (const set of sets) {
  const rows = [];
  for (const c of clipsOf(set)) {
    const ours = oursWindows(c.path);
    const row = { ...c, ours: mean(ours) };
    const silero = sileroDir ? await sileroWindows(c.path) : null;
    if (silero) row.silero = mean(silero);
    if (c.voiceStem) {
      const truth = truthWindows(join(c.path, '..', c.voiceStem), c.path);
      row.truth = mean(truth);
      row.oursErr = windowError(ours, truth);
      if (silero) row.sileroErr = windowError(silero, truth);
    }
    rows.push(row);
    if (verbose) {
      const t = row.truth === undefined ? '' : `  (truth ${row.truth.toFixed(0)} %; window error ours ${row.oursErr.toFixed(0)}${silero ? `, silero ${row.sileroErr.toFixed(0)}` : ''} points)`;
      console.log(`${c.speech ? 'S' : 'M'} ours ${row.ours.toFixed(0).padStart(3)} %${silero ? `  silero ${row.silero.toFixed(0).padStart(3)} %` : ''}  ${c.file}${t}`);
    }
  }
  console.log(set);
  summary('ours', rows, 'ours');
  if (sileroDir) summary(`silero ${sileroModel} (p ≥ ${sileroThreshold})`, rows, 'silero');
  const scored = rows.filter((r) => r.truth !== undefined);
  if (scored.length) {
    console.log(`  against the voice alone (${scored.length} clips): truth share ${stats(scored.map((r) => r.truth))}`);
    console.log(`    window error (mean |share − truth| per clip, points), ours: ${stats(scored.map((r) => r.oursErr))}`);
    if (sileroDir) console.log(`    window error, silero: ${stats(scored.map((r) => r.sileroErr))}`);
  }
}
const perMin = (ms) => ((ms / 1000 / cost.seconds) * 60).toFixed(2);
console.log(`CPU per minute of audio (this run, load ${(await import('node:os')).loadavg()[0].toFixed(1)}): ours (whole sound timeline, 44.1 kHz) ${perMin(cost.ours)} s` + (sileroDir ? `, silero ${perMin(cost.silero)} s (${(cost.silero / cost.ours).toFixed(1)}× ours)` : ''));
