// The Silero VAD in Node, as the analysis worker runs it (src/media/silero-vad.ts), from the files the npm packages
// ship: the model of @ricky0123/vad-web and onnxruntime-web's WebAssembly, given as bytes (no fetch in Node).
import { readFileSync } from 'node:fs';
import type { SpeechModel } from '../../../src/core/audio/model-speech.ts';
import { createModelSpeech } from '../../../src/core/audio/model-speech.ts';
import { createSoundTimeline, type SoundTimelineResult } from '../../../src/core/audio/sound-timeline.ts';
import { windowBounds } from '../../../src/core/report/analysis.ts';
import { loadSileroVad } from '../../../src/media/silero-vad.ts';

const MODULES = new URL('../../../node_modules/', import.meta.url);

let loading: Promise<SpeechModel> | null = null;

/** The model, loaded once per test file. */
export function nodeSilero(): Promise<SpeechModel> {
  loading ??= loadSileroVad({
    model: readFileSync(new URL('@ricky0123/vad-web/dist/silero_vad_v5.onnx', MODULES)),
    wasm: { binary: readFileSync(new URL('onnxruntime-web/dist/ort-wasm-simd-threaded.wasm', MODULES)) },
  });
  return loading;
}

/**
 * Mono samples at `sampleRate` through the sound timeline as 30 fps frames, with the model streamed beside it as the
 * worker does (pushed in decoder-sized pieces, settled after each); `model` null gives the hand-written detector.
 */
export async function soundWithModel(x: Float32Array, sampleRate: number, model: SpeechModel | null, fps = 30): Promise<SoundTimelineResult> {
  const tl = createSoundTimeline(sampleRate);
  const vad = model ? createModelSpeech(model, sampleRate) : null;
  const piece = 1024; // an AAC frame
  for (let i = 0; i < x.length; i += piece) {
    const s = x.subarray(i, i + piece);
    tl.pushSamples(s);
    vad?.push(s);
    await vad?.settle();
  }
  const speech = vad ? await vad.finish() : null;
  return tl.finish(windowBounds(Math.floor((x.length / sampleRate) * fps), fps), fps, speech);
}

/** Mean of the windows' speech_share (0–100). */
export function meanShare(r: SoundTimelineResult): number {
  const shares = r.windows.map((w) => w?.speech_share ?? 0);
  return shares.reduce((a, v) => a + v, 0) / Math.max(1, shares.length);
}
