// The analyze worker: decodes and analyses one file at a time off the main thread (src/media/analyze-file.ts).
import * as Comlink from 'comlink';
import type { AnalysisResult, FileInfo, FrameReport } from '../src/core/report/analysis.ts';
import { analyzeBlob } from '../src/media/analyze-file.ts';
import { spectrogramOfBlob } from '../src/media/audio-spectrogram.ts';
import { throttleProgress } from '../src/media/progress-throttle.ts';
import { thumbnailsOfBlob, type Thumbnail } from '../src/media/frame-thumbnails.ts';
import type { Spectrogram } from '../src/core/audio/spectrogram.ts';
import { liveSampleStats, rasterPathStats } from '../src/media/decode-video.ts';
import { rangeSplitStats, type RangeSplitStats } from '../src/media/analyze-ranges.ts';
import { warmSoundWorker } from '../src/media/analyze-sound-alongside.ts';
import { setSpeechModelAssets, speechModel, speechModelStatus, type SpeechModelStatus } from '../src/media/speech-model.ts';

/** Callbacks from the worker to its caller, passed as one Comlink.proxy object (every member present). */
export interface AnalyzeWorkerHooks {
  onProgress(fraction: number): void;
  onFile(file: FileInfo): void;
  onDuration(seconds: number): void;
  /** A batch of complete frames, in order (only when the analysis streams them); the worker waits on its promise. */
  onFrames(frames: FrameReport[]): Promise<void> | void;
}

const api = {
  /**
   * Analyse one file; `maxSide` overrides the analysis raster's longest side, `canvasColor` forces the canvas path
   * (tests), `parallel` false keeps it in this worker. `stream`: the frames go to hooks.onFrames as they are measured
   * and the report comes back without them. `more.ranges`: the second worker measures a frame range of its own
   * (analyze-ranges.ts) instead of every frame's colours; `more.rangeCrash`: test hook, that worker crashes;
   * `more.soundAlongside`: the sound measured in the sound worker meanwhile (analyze-sound-alongside.ts).
   */
  analyze(blob: Blob, name: string, hooks: AnalyzeWorkerHooks, maxSide?: number, canvasColor?: boolean, parallel?: boolean, stream?: boolean, more: { ranges?: boolean; rangeCrash?: boolean; soundAlongside?: boolean } = {}): Promise<AnalysisResult> {
    // calls through the proxy are fire-and-forget (the analysis never waits for the caller), except the frames':
    // waiting on them keeps a slow reader from piling batches up in memory
    return analyzeBlob(blob, name, {
      // a few progress messages a file, not one a frame (each is a round trip to the page: progress-throttle.ts)
      onProgress: throttleProgress((f) => void hooks.onProgress(f)),
      onFile: (f) => void hooks.onFile(f),
      onDuration: (s) => void hooks.onDuration(s),
      ...(maxSide ? { maxSide } : {}),
      ...(canvasColor ? { canvasColor } : {}),
      ...(parallel !== undefined ? { parallel } : {}),
      ...(stream ? { onFrames: (frames: FrameReport[]) => hooks.onFrames(frames) } : {}),
      ...(more.ranges !== undefined ? { ranges: more.ranges } : {}),
      ...(more.rangeCrash ? { rangeCrash: true } : {}),
      ...(more.soundAlongside ? { soundAlongside: true } : {}),
    });
  },
  /** The file's audio as a display spectrogram (off the UI thread), or null without decodable audio; its levels are transferred. */
  async spectrogram(blob: Blob): Promise<Spectrogram | null> {
    const s = await spectrogramOfBlob(blob);
    return s ? Comlink.transfer(s, [s.levelsDb.buffer as ArrayBuffer]) : null;
  },
  /** JPEG pictures of the frames shown at `times` (seconds from the first frame), for the thumbnail strip. */
  thumbnails(blob: Blob, times: number[]): Promise<Thumbnail[]> {
    return thumbnailsOfBlob(blob, times);
  },
  /** Decoded video samples held unclosed now and at most (they are closed as soon as drawn). */
  liveSamples(): { alive: number; maxAlive: number } {
    return liveSampleStats();
  },
  /** Files this worker measured in two frame ranges, and why others fell back to one pass (analyze-ranges.ts). */
  rangeSplits(): RangeSplitStats {
    return rangeSplitStats();
  },
  /** Frames read by the exact YUV conversion and by the canvas since the worker started. */
  rasterPaths(): { exact: number; canvas: number } {
    return rasterPathStats();
  },
  /**
   * Load the speech model now, before any file (the loop calls it as it starts: the model's fetch and its WebAssembly's
   * compile then run while the first clip is made, not inside its analysis). Resolves once loaded, or failed (the
   * analysis then falls back, as it would have anyway); changes nothing an analysis reports. `soundAlongside`: the
   * analyses to come measure their sound in the sound worker, so its model is the one loaded.
   */
  async warm(soundAlongside = false): Promise<void> {
    if (soundAlongside) await warmSoundWorker();
    else await speechModel();
  },
  /** Where the speech model stands: loaded from which URLs, or why not (the hand-written detector then decides speech_share). */
  speechModel(): SpeechModelStatus {
    return speechModelStatus();
  },
  /** Test hook: load the speech model from other URLs on the next analysis (null: our own again). */
  setSpeechModelAssets(urls: { model: string; wasm: string } | null): void {
    setSpeechModelAssets(urls);
  },
  /** The worker's JS heap in bytes (performance.memory, where the browser exposes it in workers), or null. */
  heapBytes(): number | null {
    const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return m ? m.usedJSHeapSize : null;
  },
};

/** The analysis worker's API, for callers to `import type` (through the worker bridge). */
export type AnalyzeWorkerApi = typeof api;
Comlink.expose(api);
