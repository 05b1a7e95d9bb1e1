// The Silero VAD adapter (v5 model of @ricky0123/vad-web, run by onnxruntime-web's wasm backend on one thread): loads
// the model from bytes and scores 16 kHz windows one after another with the model's recurrent state, for core's
// model-speech.ts. Runtime-neutral: the analysis worker gives it URLs on our own origin (speech-model.ts), Node (tests,
// scripts/eval-speech.mjs) gives it the files' bytes.
import type { InferenceSession, Tensor } from 'onnxruntime-web';
import type { SpeechModel } from '../core/audio/model-speech.ts';
import { MODEL_RATE } from '../core/audio/model-speech.ts';

/** Where the runtime's WebAssembly comes from: a URL (streamed compile) or its bytes. */
export type OrtWasmSource = { url: string } | { binary: ArrayBuffer | Uint8Array };

/** The model file's bytes and the runtime's WebAssembly. */
export interface SileroAssets {
  model: ArrayBuffer | Uint8Array;
  wasm: OrtWasmSource;
}

/** The inputs and outputs of Silero v5 that the adapter drives. */
const INPUTS = ['input', 'state', 'sr'];
const OUTPUTS = ['output', 'stateN'];

/** Load the model; rejects (a clear Error) when the runtime or the model cannot be loaded or is not Silero v5's shape. */
export async function loadSileroVad(assets: SileroAssets): Promise<SpeechModel> {
  const ort = await import('onnxruntime-web/wasm');
  // one thread, no proxy worker: the analysis already runs in a worker, and threads need cross-origin isolation
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  if ('url' in assets.wasm) ort.env.wasm.wasmPaths = { wasm: assets.wasm.url };
  else ort.env.wasm.wasmBinary = assets.wasm.binary;
  const bytes = assets.model instanceof Uint8Array ? assets.model : new Uint8Array(assets.model);
  let session: InferenceSession;
  try {
    session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
  } catch (err) {
    throw new Error(`Silero VAD: the model could not be loaded (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
  const missing = [...INPUTS.filter((n) => !session.inputNames.includes(n)), ...OUTPUTS.filter((n) => !session.outputNames.includes(n))];
  if (missing.length) {
    // free the session's WebAssembly memory now: the failed load is cached, the worker may live on without the model
    await session.release();
    throw new Error(`Silero VAD: the model lacks ${missing.join(', ')} (not Silero v5)`);
  }
  const sr = new ort.Tensor('int64', BigInt64Array.from([BigInt(MODEL_RATE)]), []);
  return {
    open() {
      let state: Tensor = new ort.Tensor('float32', new Float32Array(2 * 128), [2, 1, 128]);
      return async (window) => {
        const out = await session.run({ input: new ort.Tensor('float32', window, [1, window.length]), state, sr });
        const next = out.stateN;
        const p = out.output?.data[0];
        if (!next || typeof p !== 'number') throw new Error('Silero VAD: the model gave no probability');
        state = next;
        return p;
      };
    },
  };
}
