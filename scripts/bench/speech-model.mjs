// Cost of the Silero speech model (issue #13 deliver 5) next to the sound analysis it joins, in the same run: CPU per
// minute of audio of the whole sound timeline (every sound feature and the hand-written detector, 48 kHz, 30 fps), of
// the model path (core's streaming resampler to 16 kHz and chunking, model-speech.ts, into silero-vad.ts: onnxruntime
// wasm, one thread), and of the resampler alone; and the memory the model path adds (process RSS and JS heap + array
// buffers) after 1 and after 10 minutes of audio, to show it stays flat (only the probabilities, 8 bytes per 32 ms,
// grow). Signal: a deterministic mix of speech-like harmonic bursts (glided pitch, syllable rate), a tone and noise.
// Run: npm run bench speech-model (or node scripts/bench/speech-model.mjs; MR_BENCH_SPEECH_MINUTES=10 by default)
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { importTs } from './_bundle.mjs';

const root = join(import.meta.dirname, '..', '..');
const { createSoundTimeline } = await importTs('src/core/audio/sound-timeline.ts');
const { createModelSpeech } = await importTs('src/core/audio/model-speech.ts');
const { createResampleStream } = await importTs('src/core/audio/resample-stream.ts');
const { loadSileroVad } = await importTs('src/media/silero-vad.ts');
const { windowBounds } = await importTs('src/core/report/analysis.ts');

const SR = 48000;
const PIECE = 1024; // an AAC frame
const minutes = Number(process.env.MR_BENCH_SPEECH_MINUTES ?? 10);

let seed = 12345;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff) * 2 - 1;
/** Samples [g0, g0 + n) of the endless test signal. */
function signal(g0, n) {
  const x = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const t = (g0 + k) / SR;
    const syllable = t % 0.25 < 0.17 && Math.floor(t / 2) % 3 !== 2; // 4 syllables a second, a pause every third 2 s
    const f0 = 120 + 30 * Math.sin(2 * Math.PI * 0.7 * t);
    let v = 0.02 * rnd() + 0.03 * Math.sin(2 * Math.PI * 330 * t);
    if (syllable) for (let h = 1; h <= 8; h++) v += (0.12 / h) * Math.sin(2 * Math.PI * h * f0 * t);
    x[k] = v;
  }
  return x;
}

const mem = () => {
  const m = process.memoryUsage();
  return { rss: m.rss, js: m.heapUsed + m.arrayBuffers };
};
const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;

const mods = join(root, 'node_modules');
const model = await loadSileroVad({
  model: readFileSync(join(mods, '@ricky0123/vad-web/dist/silero_vad_v5.onnx')),
  wasm: { binary: readFileSync(join(mods, 'onnxruntime-web/dist/ort-wasm-simd-threaded.wasm')) },
});

// CPU: one minute through each path, on the same samples
const minute = signal(0, 60 * SR);
let t = performance.now();
const tl = createSoundTimeline(SR);
for (let i = 0; i < minute.length; i += PIECE) tl.pushSamples(minute.subarray(i, i + PIECE));
tl.finish(windowBounds(60 * 30, 30), 30);
const timelineMs = performance.now() - t;
t = performance.now();
const rs = createResampleStream(SR, 16000);
for (let i = 0; i < minute.length; i += PIECE) rs.push(minute.subarray(i, i + PIECE));
rs.flush();
const resampleMs = performance.now() - t;
t = performance.now();
const one = createModelSpeech(model, SR);
for (let i = 0; i < minute.length; i += PIECE) {
  one.push(minute.subarray(i, i + PIECE));
  await one.settle();
}
const p1 = await one.finish();
const modelMs = performance.now() - t;
console.log(`load ${loadavg()[0].toFixed(1)}; CPU per minute of 48 kHz audio (this run):`);
console.log(`  sound timeline (all sound features + hand-written detector): ${(timelineMs / 1000).toFixed(2)} s (reference)`);
console.log(`  Silero path (resample + chunks + model): ${(modelMs / 1000).toFixed(2)} s = ${(modelMs / timelineMs).toFixed(2)}× the timeline`);
console.log(`    of which the resampler: ${(resampleMs / 1000).toFixed(3)} s = ${(resampleMs / timelineMs).toFixed(3)}× the timeline`);
console.log(`  speech share of the signal by the model: ${((100 * p1.probabilities.filter((v) => v >= 0.5).length) / p1.probabilities.length).toFixed(0)} % of chunks`);

// Memory: the model path alone over `minutes` minutes, generated piece by piece (never held whole)
globalThis.gc?.();
const base = mem();
const long = createModelSpeech(model, SR);
let after1 = null;
for (let g = 0; g < minutes * 60 * SR; g += PIECE) {
  long.push(signal(g, PIECE));
  await long.settle();
  if (!after1 && g >= 60 * SR) {
    globalThis.gc?.();
    after1 = mem();
  }
}
const pl = await long.finish();
globalThis.gc?.();
const end = mem();
console.log(`memory of the model path (loaded model included in the base; run with --expose-gc for exact heap figures):`);
console.log(`  base RSS ${mb(base.rss)}, JS heap + buffers ${mb(base.js)}`);
console.log(`  after 1 min: RSS +${mb(after1.rss - base.rss)}, JS +${mb(after1.js - base.js)}; after ${minutes} min: RSS +${mb(end.rss - base.rss)}, JS +${mb(end.js - base.js)} (probabilities kept: ${pl.probabilities.length} = ${mb(pl.probabilities.byteLength)})`);
