// Speech share per clip, summarised for music alone and for speech (clean and over music), for the hand-written
// detector and, with --silero, for the Silero VAD as the analysis runs it. Per clip the share of 30 fps frames called
// speech (the mean of the 0.5 s windows' speech_share, as the report gives it).
// Sets: a corpus directory made by tests/fixtures/real/speech/make-corpus.mjs (with its list.json), `band` (the band
// fixtures tests/fixtures/real/music, all music), `festival` (tests/fixtures/real/speech/*.m4a, all speech) or
// `small` (the committed corpus tests/fixtures/real/speech/corpus). Clips whose list.json entry names a voiceStem (the
// voice alone, as make-over-band.mjs writes) are also scored window by window against the voice's own activity.
// Run: node scripts/eval-speech.mjs [set…=/tmp/speech-corpus/dev] [--verbose] [--silero]
// --silero runs the integrated path: the clip decoded at 44.1 kHz, streamed in 1024-sample pieces through the sound
// timeline and, beside it, core's model-speech.ts (our streaming resampler to 16 kHz, 512-sample chunks with 64 samples
// of context) into src/media/silero-vad.ts (silero_vad_v5.onnx of @ricky0123/vad-web, onnxruntime-web's wasm backend,
// one thread), then the timeline's finish with the model's probabilities — as src/media/analyze-file.ts does in the
// worker. CPU: "ours" is the whole sound timeline with the hand-written detector; "silero" the model path's extra
// (resampling, model, settling), timed separately on the same clips.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTs } from './bench/_bundle.mjs';

const args = process.argv.slice(2);
const sets = args.filter((a) => !a.startsWith('--'));
if (sets.length === 0) sets.push('/tmp/speech-corpus/dev');
const verbose = args.includes('--verbose');
const sileroOn = args.includes('--silero');
const root = join(import.meta.dirname, '..');
const { createSoundTimeline } = await importTs('src/core/audio/sound-timeline.ts');
const { windowBounds } = await importTs('src/core/report/analysis.ts');
const { createModelSpeech } = await importTs('src/core/audio/model-speech.ts');
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
  const { loadSileroVad } = await importTs('src/media/silero-vad.ts');
  const mods = join(root, 'node_modules');
  return loadSileroVad({
    model: readFileSync(join(mods, '@ricky0123/vad-web/dist/silero_vad_v5.onnx')),
    wasm: { binary: readFileSync(join(mods, 'onnxruntime-web/dist/ort-wasm-simd-threaded.wasm')) },
  });
}

/** Silero as the analysis runs it: the model's probabilities streamed beside the timeline, then the timeline's windows with them. */
async function sileroWindows(path) {
  silero ??= await loadSilero();
  const x = decode(path, SR);
  const tl = createSoundTimeline(SR);
  tl.pushSamples(x);
  const t0 = performance.now();
  const vad = createModelSpeech(silero, SR);
  for (let i = 0; i < x.length; i += 1024) {
    vad.push(x.subarray(i, i + 1024));
    await vad.settle();
  }
  const speech = await vad.finish();
  cost.silero += performance.now() - t0;
  if (!speech) throw new Error(`silero failed on ${path}: ${vad.error}`);
  const r = tl.finish(windowBounds(Math.floor((x.length / SR) * FPS), FPS), FPS, speech);
  return r.windows.map((w) => w?.speech_share ?? 0);
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
    const silero = sileroOn ? await sileroWindows(c.path) : null;
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
  if (sileroOn) summary('silero v5 (integrated, p ≥ 0.5)', rows, 'silero');
  const scored = rows.filter((r) => r.truth !== undefined);
  if (scored.length) {
    console.log(`  against the voice alone (${scored.length} clips): truth share ${stats(scored.map((r) => r.truth))}`);
    console.log(`    window error (mean |share − truth| per clip, points), ours: ${stats(scored.map((r) => r.oursErr))}`);
    if (sileroOn) console.log(`    window error, silero: ${stats(scored.map((r) => r.sileroErr))}`);
  }
}
const perMin = (ms) => ((ms / 1000 / cost.seconds) * 60).toFixed(2);
console.log(`CPU per minute of audio (this run, load ${(await import('node:os')).loadavg()[0].toFixed(1)}): ours (whole sound timeline, 44.1 kHz) ${perMin(cost.ours)} s` + (sileroOn ? `, silero ${perMin(cost.silero)} s (${(cost.silero / cost.ours).toFixed(1)}× ours)` : ''));
