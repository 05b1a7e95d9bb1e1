// The speech model of the analysis worker: Silero VAD (silero-vad.ts) from our own origin. Vite emits the model and
// the runtime's WebAssembly into dist/assets from these `new URL(…, import.meta.url)` references (the service worker
// precaches them, so the model works offline); the test server serves them from node_modules. Loaded once per worker
// on its first analysis with sound; when it cannot load, the analysis uses the hand-written detector
// (voice-activity.ts) and this module says why (docs/audio-analysis.md).
import type { SpeechModel } from '../core/audio/model-speech.ts';
import { loadSileroVad } from './silero-vad.ts';

/** The model file and the onnxruntime WebAssembly, on our own origin. */
const DEFAULT_ASSETS = {
  model: new URL('../../node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx', import.meta.url).href,
  wasm: new URL('../../node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm', import.meta.url).href,
};

/** Where the worker's speech model stands. */
export interface SpeechModelStatus {
  state: 'unloaded' | 'ready' | 'failed';
  /** The URLs it loads from. */
  model: string;
  wasm: string;
  /** Why it failed (state `failed`). */
  error?: string;
}

let assets = { ...DEFAULT_ASSETS };
let loading: Promise<SpeechModel | null> | null = null;
let status: SpeechModelStatus = { state: 'unloaded', ...assets };

/** The model, loaded on first use; null when it cannot load (asset missing, no WebAssembly): the caller falls back. */
export function speechModel(): Promise<SpeechModel | null> {
  loading ??= load();
  return loading;
}

async function load(): Promise<SpeechModel | null> {
  // the URLs of this load: setSpeechModelAssets may change them (and start another load) while this one runs
  const from = assets;
  const current = () => assets === from;
  try {
    const res = await fetch(from.model);
    if (!res.ok) throw new Error(`the model ${from.model} answered ${res.status}`);
    const model = await loadSileroVad({ model: await res.arrayBuffer(), wasm: { url: from.wasm } });
    if (current()) status = { state: 'ready', ...from };
    return model;
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    if (current()) status = { state: 'failed', ...from, error };
    console.warn(`speech: the Silero model cannot load (${error}); the hand-written detector decides speech_share`);
    return null;
  }
}

/** Where the model stands (the worker API reports it: the browser tests check it loaded from our origin). */
export function speechModelStatus(): SpeechModelStatus {
  return { ...status };
}

/** Test hook: load the model from other URLs on the next use (a missing one exercises the fallback); null restores ours. */
export function setSpeechModelAssets(urls: { model: string; wasm: string } | null): void {
  assets = urls ? { ...urls } : { ...DEFAULT_ASSETS };
  loading = null;
  status = { state: 'unloaded', ...assets };
}
