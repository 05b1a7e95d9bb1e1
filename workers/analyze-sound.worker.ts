// The sound worker: a file's audio pass (src/media/analyze-sound.ts) measured while the analyze worker measures its
// picture, over the frame spans the video track's packets predict (src/media/analyze-sound-alongside.ts starts it,
// checks the prediction and keeps the result only when it holds).
import * as Comlink from 'comlink';
import { ALL_FORMATS, BlobSource, Input } from 'mediabunny';
import type { FrameSound } from '../src/core/report/analysis.ts';
import { measureSound, type SoundPassResult } from '../src/media/analyze-sound.ts';
import { setSpeechModelAssets, speechModel, speechModelStatus } from '../src/media/speech-model.ts';

/** The frames the sound is cut into: their start times (seconds from `originS`), the last one's end, windows and rate. */
export interface SoundFrameSpans {
  originS: number;
  times: number[];
  end: number;
  windows: [number, number][];
  fps: number;
}

/** Every frame's sound (null: the audio did not reach it) and the pass's result. */
export interface SoundAlongsideResult {
  frames: (FrameSound | null)[];
  result: SoundPassResult;
}

/** The speech model's files (the analyze worker's, so both measure speech with the same model or both without). */
export interface SpeechAssets {
  model: string;
  wasm: string;
}

// one file at a time: the speech model's session is shared, and two passes must not interleave on it
let queue: Promise<unknown> = Promise.resolve();

function useAssets(assets: SpeechAssets): void {
  const now = speechModelStatus();
  if (now.model !== assets.model || now.wasm !== assets.wasm) setSpeechModelAssets(assets);
}

async function measureOne(source: Blob, trackId: number, spans: SoundFrameSpans, assets: SpeechAssets): Promise<SoundAlongsideResult> {
  useAssets(assets);
  const input = new Input({ source: new BlobSource(source), formats: ALL_FORMATS });
  try {
    const track = (await input.getAudioTracks()).find((t) => t.id === trackId);
    if (!track) throw new Error(`the sound worker found no audio track ${trackId}`);
    const n = spans.times.length;
    const frames: (FrameSound | null)[] = new Array<FrameSound | null>(n).fill(null);
    const result = await measureSound(track, {
      originS: spans.originS,
      bounds: (i) => (i < n ? [spans.times[i]!, i + 1 < n ? spans.times[i + 1]! : spans.end] : null),
      windows: spans.windows,
      fps: spans.fps,
      hasVision: true,
      onFrame: (i, sound) => (frames[i] = sound),
    });
    return { frames, result };
  } finally {
    input.dispose();
  }
}

const api = {
  /** The audio pass of track `trackId` of `source`, cut into `spans`; rejects when it cannot run (the caller then runs it itself). */
  measure(source: Blob, trackId: number, spans: SoundFrameSpans, assets: SpeechAssets): Promise<SoundAlongsideResult> {
    const run = queue.then(() => measureOne(source, trackId, spans, assets));
    queue = run.catch(() => undefined);
    return run;
  },
  /** Load the speech model now (before the first file); resolves once loaded or failed. */
  async warm(assets: SpeechAssets): Promise<void> {
    useAssets(assets);
    await speechModel();
  },
};

/** The sound worker's API, for callers to `import type`. */
export type AnalyzeSoundWorkerApi = typeof api;
Comlink.expose(api);
