// FOUNDATION §3.7 speech from a voice-activity model (Silero VAD v5, docs/audio-analysis.md): the sound is resampled
// to the model's 16 kHz as it streams in and cut into 32 ms chunks, each given to the model with the 64 samples before
// it; the model answers one speech probability per chunk. Only the probabilities are kept (4 bytes per 32 ms), never
// the resampled sound, and at most MODEL_MAX_BACKLOG chunks wait for the model, so memory stays flat however long the
// file. The model itself (onnxruntime) is an adapter outside core (src/media/silero-vad.ts): core sees only
// `SpeechModel`. The sound timeline turns the probabilities into per-frame speech (speechChunks, chunkAt).
import { TypedColumn } from '../report/typed-column.ts';
import { createResampleStream, type ResampleStream } from './resample-stream.ts';

/** The model's sample rate (Hz). */
export const MODEL_RATE = 16000;
/** Samples per chunk the model scores (32 ms at 16 kHz, Silero v5's only size at that rate). */
export const MODEL_CHUNK = 512;
/** Samples of the previous chunk given before each chunk (as @ricky0123/vad-web does for v5). */
export const MODEL_CONTEXT = 64;
/** A chunk is speech at this probability or above (Silero's own default threshold). */
export const MODEL_SPEECH_THRESHOLD = 0.5;
/**
 * A speech segment (speech chunks with less than MODEL_REDEMPTION_S of non-speech between them) needs speech chunks
 * adding up to this long, else it is a misfire and none of it is speech (vad-web's minSpeechMs: the model's state
 * warms up on the first chunks of a stream and on an abrupt onset, and reads a steady tone-plus-noise start as speech
 * for ~0.3 s).
 */
export const MODEL_MIN_SPEECH_S = 0.4;
/** Non-speech shorter than this inside speech does not end the segment (vad-web's redemptionMs). */
export const MODEL_REDEMPTION_S = 1.4;
/** Chunks allowed to wait for the model before the stream's `settle` holds the decoder back (~1 s of sound). */
export const MODEL_MAX_BACKLOG = 32;

/** A loaded voice-activity model. */
export interface SpeechModel {
  /** A new stream with its own recurrent state: give it each window (MODEL_CONTEXT + MODEL_CHUNK samples) in order. */
  open(): (window: Float32Array) => Promise<number>;
}

/** Speech probabilities of one stream: chunk j covers [j·chunkS, (j+1)·chunkS) s from the stream's first sample. */
export interface SpeechProbabilities {
  probabilities: Float64Array;
  chunkS: number;
}

/** A stream of sound into the model. */
export interface ModelSpeechStream {
  /** Samples at the stream's rate, contiguous, in order (the same ones the sound timeline gets). */
  push(samples: Float32Array): void;
  /** Resolves once at most MODEL_MAX_BACKLOG chunks wait for the model (the decoder's backpressure). */
  settle(): Promise<void>;
  /** The probabilities of every chunk (the last one padded with zeros), or null when the model failed part-way. */
  finish(): Promise<SpeechProbabilities | null>;
  /** Why the model failed, once it has (then the caller falls back to the hand-written detector). */
  readonly error: unknown;
}

/** Stream sound at `sampleRate` Hz through `model`. */
export function createModelSpeech(model: SpeechModel, sampleRate: number): ModelSpeechStream {
  const run = model.open();
  const resampler: ResampleStream = createResampleStream(sampleRate, MODEL_RATE);
  const probs = new TypedColumn((n) => new Float64Array(n));
  const pending = new Float32Array(MODEL_CHUNK);
  let fill = 0;
  const context = new Float32Array(MODEL_CONTEXT);
  let waiting = 0;
  let chain: Promise<void> = Promise.resolve();
  let error: unknown = null;
  let failed = false;

  const send = (chunk: Float32Array) => {
    const w = new Float32Array(MODEL_CONTEXT + MODEL_CHUNK);
    w.set(context, 0);
    w.set(chunk, MODEL_CONTEXT);
    context.set(chunk.subarray(MODEL_CHUNK - MODEL_CONTEXT));
    waiting++;
    // the model's state runs from chunk to chunk, so the chunks are scored strictly one after another
    chain = chain.then(async () => {
      try {
        if (!failed) probs.push(await run(w));
      } catch (err) {
        failed = true;
        error = err;
      } finally {
        waiting--;
      }
    });
  };

  const take = (x: Float32Array) => {
    let i = 0;
    while (i < x.length) {
      const k = Math.min(MODEL_CHUNK - fill, x.length - i);
      pending.set(x.subarray(i, i + k), fill);
      fill += k;
      i += k;
      if (fill === MODEL_CHUNK) {
        send(pending);
        fill = 0;
      }
    }
  };

  return {
    push(samples) {
      if (!failed) take(resampler.push(samples));
    },
    async settle() {
      while (waiting > MODEL_MAX_BACKLOG) await chain;
    },
    async finish() {
      if (!failed) {
        take(resampler.flush());
        if (fill > 0) {
          pending.fill(0, fill);
          send(pending);
          fill = 0;
        }
      }
      await chain;
      if (failed) return null;
      return { probabilities: probs.data.slice(0, probs.length), chunkS: MODEL_CHUNK / MODEL_RATE };
    },
    get error() {
      return error;
    },
  };
}

/** Per chunk: 1 when it is speech (p ≥ MODEL_SPEECH_THRESHOLD) in a segment that is not a misfire (MODEL_MIN_SPEECH_S). */
export function speechChunks(p: SpeechProbabilities): Uint8Array {
  const n = p.probabilities.length;
  const out = new Uint8Array(n);
  const minChunks = Math.floor(MODEL_MIN_SPEECH_S / p.chunkS);
  const redemption = Math.floor(MODEL_REDEMPTION_S / p.chunkS);
  let start = -1;
  let last = -1;
  let count = 0;
  const close = () => {
    if (count >= minChunks) for (let j = start; j <= last; j++) out[j] = p.probabilities[j]! >= MODEL_SPEECH_THRESHOLD ? 1 : 0;
    count = 0;
  };
  for (let j = 0; j < n; j++) {
    if (!(p.probabilities[j]! >= MODEL_SPEECH_THRESHOLD)) continue;
    if (count > 0 && j - last - 1 >= redemption) close();
    if (count === 0) start = j;
    count++;
    last = j;
  }
  if (count > 0) close();
  return out;
}

/** The chunk under time `t` (s from the stream's first sample), clamped to the chunks there are (−1 when none). */
export function chunkAt(p: SpeechProbabilities, t: number): number {
  const n = p.probabilities.length;
  return n === 0 ? -1 : Math.min(n - 1, Math.max(0, Math.floor(t / p.chunkS)));
}
