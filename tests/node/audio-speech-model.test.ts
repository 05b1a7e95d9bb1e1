// speech_share from the Silero VAD (issue #13 deliver 5, FOUNDATION §3.7), run for real in Node as the analysis worker
// runs it: the model of @ricky0123/vad-web through onnxruntime-web's wasm backend (src/media/silero-vad.ts), fed by
// core's streaming resampler and chunker (model-speech.ts) beside the sound timeline. Fixtures made by tools not ours
// (festival voices, fluidsynth bands: tests/fixtures/real); truth is the making (a spoken clip speaks from its first
// word to its last, a band mix holds no voice). And the fallback: when the model cannot load or fails part-way, the
// hand-written detector decides, exactly as without a model.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createModelSpeech, MODEL_CHUNK, MODEL_CONTEXT, MODEL_MAX_BACKLOG, MODEL_MIN_SPEECH_S, MODEL_RATE, speechChunks, type SpeechModel } from '../../src/core/audio/model-speech.ts';
import { createResampleStream } from '../../src/core/audio/resample-stream.ts';
import { loadSileroVad } from '../../src/media/silero-vad.ts';
import { decodeMono } from './helpers/decode.ts';
import { meanShare, nodeSilero, soundWithModel } from './helpers/silero.ts';

const SR = 44100;
const SPEECH = new URL('../fixtures/real/speech/', import.meta.url);
const MUSIC = new URL('../fixtures/real/music/', import.meta.url);
const CORPUS = new URL('../fixtures/real/speech/corpus/', import.meta.url);

describe('Silero VAD on real sound', { timeout: 600_000 }, () => {
  it('reads the festival sentences (clean and over music 20 dB under) as speech: each ≥ 70 %', async () => {
    const model = await nodeSilero();
    for (const f of ['speech-a.m4a', 'speech-b.m4a', 'speech-a-music.m4a', 'speech-b-music.m4a']) {
      const x = decodeMono(new URL(f, SPEECH).pathname, SR);
      const r = await soundWithModel(x, SR, model);
      const share = meanShare(r);
      console.log(`${f}: Silero ${share.toFixed(1)} %`);
      expect(r.speechDetector).toBe('model');
      // festival leaves ~0.2 s of silence at each end of a 6 s clip, and the pauses between phrases are not speech
      expect(share).toBeGreaterThanOrEqual(70);
    }
  });

  it('reads the band mixes (drums, bass, chords, lead at 70–180 bpm) as music: mean ≤ 2 %, each ≤ 10 %', async () => {
    const model = await nodeSilero();
    const truth = JSON.parse(readFileSync(new URL('truth.json', MUSIC), 'utf8')) as Record<string, unknown>;
    const shares: number[] = [];
    for (const f of Object.keys(truth)) shares.push(meanShare(await soundWithModel(decodeMono(new URL(f, MUSIC).pathname, SR), SR, model)));
    const mean = shares.reduce((a, v) => a + v, 0) / shares.length;
    console.log(`band fixtures: Silero mean ${mean.toFixed(1)} %, ${shares.map((v) => v.toFixed(0)).join(',')}`);
    expect(shares.length).toBe(16);
    expect(mean).toBeLessThanOrEqual(2);
    for (const v of shares) expect(v).toBeLessThanOrEqual(10);
  });

  it('reads the committed corpus as the hand-written detector must: music ≤ 10 %, speech ≥ 60 %', async () => {
    const model = await nodeSilero();
    const list = JSON.parse(readFileSync(new URL('list.json', CORPUS), 'utf8')) as { file: string; speech: boolean }[];
    for (const c of list) {
      const share = meanShare(await soundWithModel(decodeMono(new URL(c.file, CORPUS).pathname, SR), SR, model));
      console.log(`${c.file}: Silero ${share.toFixed(1)} %`);
      if (c.speech) expect(share, c.file).toBeGreaterThanOrEqual(60);
      else expect(share, c.file).toBeLessThanOrEqual(10);
    }
  });

  it('gives the same shares at 48 kHz as at 44.1 kHz (the resampler, not the input rate, feeds the model)', async () => {
    const model = await nodeSilero();
    const path = new URL('speech-b-music.m4a', SPEECH).pathname;
    const a = await soundWithModel(decodeMono(path, 44100), 44100, model);
    const b = await soundWithModel(decodeMono(path, 48000), 48000, model);
    const wa = a.windows.map((w) => w!.speech_share);
    const wb = b.windows.map((w) => w!.speech_share);
    expect(wb.length).toBe(wa.length);
    const diff = wa.reduce((s, v, i) => s + Math.abs(v - wb[i]!), 0) / wa.length;
    console.log(`44.1 vs 48 kHz: mean window difference ${diff.toFixed(2)} points`);
    expect(diff).toBeLessThanOrEqual(3);
  });
});

describe('fallback to the hand-written detector', { timeout: 300_000 }, () => {
  const x = decodeMono(new URL('speech-a-music.m4a', SPEECH).pathname, SR);

  it('a model file that is not Silero is refused with a clear error', async () => {
    await expect(loadSileroVad({ model: new Uint8Array([1, 2, 3, 4]), wasm: { binary: readFileSync(new URL('../../node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm', import.meta.url)) } })).rejects.toThrow(/Silero VAD: the model could not be loaded/);
  });

  it('a model that fails part-way leaves speech_share to the hand-written detector, exactly as without a model', async () => {
    const real = await nodeSilero();
    let calls = 0;
    const breaking: SpeechModel = {
      open() {
        const run = real.open();
        return (w) => (++calls > 40 ? Promise.reject(new Error('wasm trapped')) : run(w));
      },
    };
    const without = await soundWithModel(x, SR, null);
    const broken = await soundWithModel(x, SR, breaking);
    expect(calls).toBeGreaterThan(40);
    expect(without.speechDetector).toBe('hand-written');
    expect(broken.speechDetector).toBe('hand-written');
    expect(broken.windows).toEqual(without.windows);
    // and the model, when it works, decides differently somewhere (so the comparison above can fail)
    const withModel = await soundWithModel(x, SR, real);
    expect(withModel.speechDetector).toBe('model');
    expect(withModel.windows).not.toEqual(without.windows);
  });
});

describe('model-speech: streaming into the model', () => {
  it('cuts the 16 kHz stream into 512-sample chunks each given with the 64 samples before it, in order', async () => {
    const seen: Float32Array[] = [];
    const model: SpeechModel = { open: () => async (w) => (seen.push(w.slice()), 0.9) };
    const ms = createModelSpeech(model, MODEL_RATE);
    const x = Float32Array.from({ length: 3 * MODEL_CHUNK + 100 }, (_, i) => i + 1);
    ms.push(x.subarray(0, 700));
    ms.push(x.subarray(700));
    const p = await ms.finish();
    expect(seen.length).toBe(4);
    for (const w of seen) expect(w.length).toBe(MODEL_CONTEXT + MODEL_CHUNK);
    expect(Array.from(seen[0]!.subarray(0, MODEL_CONTEXT))).toEqual(new Array(MODEL_CONTEXT).fill(0));
    expect(seen[1]![0]).toBe(MODEL_CHUNK - MODEL_CONTEXT + 1);
    expect(seen[1]![MODEL_CONTEXT]).toBe(MODEL_CHUNK + 1);
    expect(seen[3]![MODEL_CONTEXT + 99]).toBe(3 * MODEL_CHUNK + 100);
    expect(seen[3]![MODEL_CONTEXT + 100]).toBe(0); // the last chunk padded with zeros
    expect(p!.probabilities.length).toBe(4);
    expect(p!.chunkS).toBeCloseTo(0.032, 9);
  });

  it('holds the decoder back: never more than MODEL_MAX_BACKLOG chunks wait for a slow model', async () => {
    let waiting = 0;
    let most = 0;
    const model: SpeechModel = {
      open: () => async () => {
        await new Promise((r) => setTimeout(r, 0));
        waiting--;
        return 0;
      },
    };
    const ms = createModelSpeech(model, 48000);
    const piece = new Float32Array(1024);
    for (let i = 0; i < 600; i++) {
      const before = Math.ceil(((i + 1) * 1024 * MODEL_RATE) / 48000 / MODEL_CHUNK) - Math.ceil((i * 1024 * MODEL_RATE) / 48000 / MODEL_CHUNK);
      ms.push(piece);
      waiting += before;
      most = Math.max(most, waiting);
      await ms.settle();
    }
    const p = await ms.finish();
    expect(p!.probabilities.length).toBeGreaterThan(390);
    expect(most).toBeLessThanOrEqual(MODEL_MAX_BACKLOG + 2);
  });
});

describe('model-speech: misfires', () => {
  const chunkS = MODEL_CHUNK / MODEL_RATE;
  const of = (ps: number[]) => Array.from(speechChunks({ probabilities: Float64Array.from(ps), chunkS }));

  it('drops a speech segment shorter than MODEL_MIN_SPEECH_S, even split by short dips; keeps a long one as the model said', () => {
    const short = Math.floor(MODEL_MIN_SPEECH_S / chunkS) - 1;
    const blip = [...new Array(short - 3).fill(0.8), 0.3, 0.3, ...new Array(3).fill(0.8), ...new Array(60).fill(0.01)];
    expect(of(blip).every((v) => v === 0)).toBe(true);
    const word = [...new Array(short).fill(0.8), 0.3, 0.8, 0.9, ...new Array(60).fill(0.01)];
    expect(of(word)).toEqual(word.map((p) => (p >= 0.5 ? 1 : 0)));
    // a long pause (> MODEL_REDEMPTION_S) ends a segment: the short one after a long one is dropped on its own
    expect(of([...word, ...new Array(3).fill(0.9)]).slice(-3)).toEqual([0, 0, 0]);
  });
});

describe('resample-stream', () => {
  const sine = (hz: number, sr: number, n: number) => Float32Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * hz * i) / sr));
  const rms = (x: Float32Array) => Math.sqrt(x.reduce((a, v) => a + v * v, 0) / x.length);

  it('turns a 1 kHz sine at 44.1 kHz into the same sine at 16 kHz (within 0.5 %), whatever the pieces', () => {
    const x = sine(1000, 44100, 44100);
    const whole = createResampleStream(44100, 16000);
    const a = Float32Array.from([...whole.push(x), ...whole.flush()]);
    const pieces = createResampleStream(44100, 16000);
    const parts: number[] = [];
    for (let i = 0; i < x.length; i += 333) parts.push(...pieces.push(x.subarray(i, i + 333)));
    parts.push(...pieces.flush());
    expect(a.length).toBe(16000);
    expect(parts.length).toBe(16000);
    for (let i = 0; i < a.length; i++) expect(parts[i]).toBeCloseTo(a[i]!, 6);
    const want = sine(1000, 16000, 16000);
    let worst = 0;
    for (let i = 100; i < 15900; i++) worst = Math.max(worst, Math.abs(a[i]! - want[i]!));
    expect(worst).toBeLessThan(0.005);
  });

  it('removes what the new rate cannot hold: a 12 kHz sine comes out > 40 dB down (no alias at 4 kHz)', () => {
    const s = createResampleStream(48000, 16000);
    const y = Float32Array.from([...s.push(sine(12000, 48000, 48000)), ...s.flush()]);
    expect(20 * Math.log10(rms(y.subarray(200, -200)) / Math.SQRT1_2)).toBeLessThan(-40);
  });
});
