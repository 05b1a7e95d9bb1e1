// The caller's side of the analyze worker, through the worker bridge (lazy start, one file at a time, terminate on
// abort, idle shutdown): enforces the per-file time limit, and turns a timeout or a crash into an error report.
import * as Comlink from 'comlink';
import type { Spectrogram } from '../core/audio/spectrogram.ts';
import type { AnalysisError, AnalysisResult, FileInfo, FrameReport } from '../core/report/analysis.ts';
import { ANALYSIS_SCHEMA } from '../core/report/analysis.ts';
import type { AnalyzeWorkerApi } from '../../workers/analyze.worker.ts';
import type { Thumbnail } from './frame-thumbnails.ts';
import type { SpeechModelStatus } from './speech-model.ts';
import type { RangeSplitStats } from './analyze-ranges.ts';
import { sha256Hex } from './analyze-sha256.ts';
import { timeLimitSeconds } from './media-errors.ts';
import { WorkerBridge, WorkerCrashError } from './worker-bridge.ts';

/** Options of one analysis. */
export interface AnalyzeOptions {
  name?: string;
  signal?: AbortSignal;
  /** Fraction done, 0–1, only when it changes. */
  onProgress?: (fraction: number) => void;
  /** Override the time limit (seconds); default timeLimitSeconds(duration). */
  timeLimitS?: number;
  /** Test hook: the analysis raster's longest side. */
  maxSide?: number;
  /** Test hook: read every frame through the browser's canvas, never the exact YUV conversion. */
  canvasColor?: boolean;
  /** false: analyse in the one worker, without the colour worker (the loop benchmark's reference); default: by core count. */
  parallel?: boolean;
  /** With a second worker: two frame ranges, one per worker (analyze-ranges.ts), instead of the colour worker; default RANGES_BY_DEFAULT. */
  ranges?: boolean;
  /** Test hook: the range worker crashes (the analysis gives an `internal` error report). */
  rangeCrash?: boolean;
  /** Measure the sound in a sound worker while the picture is measured (analyze-sound-alongside.ts: the same report); the loop's. */
  soundAlongside?: boolean;
  /**
   * Stream the report (issue 18): batches of complete frames, in order, come here as they are measured (the worker
   * waits on the promise returned), and the report resolved has `frames` empty. An error report voids the frames.
   */
  onFrames?: (frames: FrameReport[]) => Promise<void> | void;
}

// The analysis worker, started on the first file and shut down after a few idle seconds (src/media/worker-bridge.ts).
const bridge = new WorkerBridge<AnalyzeWorkerApi>(() => new Worker(new URL('../../workers/analyze.worker.ts', import.meta.url), { type: 'module', name: 'analyze' }));

/** Stops the worker (any analysis in flight ends); the next call starts a fresh one. */
export function stopAnalyzeWorker(): void {
  bridge.terminate();
}

/** The analysis worker's JS heap in bytes (Chromium), for the memory test and benchmark. */
export async function analyzeWorkerHeapBytes(): Promise<number | null> {
  return bridge.api().heapBytes();
}

/** Decoded video samples the worker holds unclosed now and at most since it started. */
export async function analyzeWorkerLiveSamples(): Promise<{ alive: number; maxAlive: number }> {
  return bridge.api().liveSamples();
}

/** Frames the worker read by the exact YUV conversion and by the canvas since it started. */
export async function analyzeWorkerRasterPaths(): Promise<{ exact: number; canvas: number }> {
  return bridge.api().rasterPaths();
}

/** Files the worker measured in two frame ranges, and why others fell back to one pass. */
export async function analyzeWorkerRangeSplits(): Promise<RangeSplitStats> {
  return bridge.api().rangeSplits();
}

/** Where the worker's speech model stands (loaded from which URLs, or why not: then the hand-written detector decides speech_share). */
export async function analyzeWorkerSpeechModel(): Promise<SpeechModelStatus> {
  return bridge.api().speechModel();
}

/**
 * Start the analysis worker and its speech model now, outside the file queue (the loop, as it starts: the worker's
 * start, the model's fetch and its WebAssembly's compile overlap the first clip's planning and make instead of
 * delaying its analysis). An analysis that comes meanwhile waits for the same load. Never rejects.
 */
export function warmAnalyzeWorker(soundAlongside = false): Promise<void> {
  // A queued task, so the worker counts as busy until the model has loaded: called outside the queue, the idle timer
  // started with the call and could end the worker (and the half-loaded model) before the first clip was made.
  return bridge.run((api) => api.warm(soundAlongside)).catch(() => {});
}

/** Test hook: the worker loads its speech model from these URLs on its next analysis (null: our own again). */
export async function setAnalyzeWorkerSpeechModel(urls: { model: string; wasm: string } | null): Promise<void> {
  return bridge.api().setSpeechModelAssets(urls);
}

/** The audio of a file as a display spectrogram, computed in the analysis worker (queued with the analyses); null without decodable audio. */
export function spectrogramOf(blob: Blob, signal?: AbortSignal): Promise<Spectrogram | null> {
  return bridge.run((api) => api.spectrogram(blob), signal ? { signal } : {});
}

/** JPEG pictures of the frames at `times` (seconds from the first frame), decoded in the analysis worker (queued with the analyses). */
export function thumbnailsOf(blob: Blob, times: readonly number[], signal?: AbortSignal): Promise<Thumbnail[]> {
  return bridge.run((api) => api.thumbnails(blob, [...times]), signal ? { signal } : {});
}

/** Analyse a File or Blob (streamed by the worker, never read whole). Resolves with the report or its error report; rejects only with an AbortError. */
export function analyzeFile(blob: Blob, opts: AnalyzeOptions = {}): Promise<AnalysisResult> {
  return runOne(blob, opts);
}

/** Analyse MP4 (or any media) bytes: the loop's entry point. */
export function analyzeMp4(mp4: Uint8Array, opts: AnalyzeOptions = {}): Promise<AnalysisResult> {
  return analyzeFile(new Blob([mp4 as Uint8Array<ArrayBuffer>]), opts);
}

/** Why an analysis was stopped from this side: the caller's abort, or the time limit. */
class AnalysisTimeout extends Error {
  override name = 'AnalysisTimeout';
}

async function runOne(blob: Blob, opts: AnalyzeOptions): Promise<AnalysisResult> {
  const name = opts.name ?? (blob instanceof File ? blob.name : 'input.mp4');
  if (opts.signal?.aborted) throw new DOMException('analysis aborted', 'AbortError');
  // One signal for the bridge: the caller's abort or the time limit, whichever comes first.
  const stop = new AbortController();
  const onAbort = () => stop.abort(new DOMException('analysis aborted', 'AbortError'));
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  let file: FileInfo | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (seconds: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => stop.abort(new AnalysisTimeout(`timeout after ${Math.round(seconds)} s`)), seconds * 1000);
  };
  const hooks = Comlink.proxy({
    onProgress: (f: number) => opts.onProgress?.(f),
    onFile: (f: FileInfo) => (file = f),
    onDuration: (s: number) => arm(opts.timeLimitS ?? timeLimitSeconds(s)),
    onFrames: (frames: FrameReport[]) => opts.onFrames?.(frames),
  });
  try {
    // the clock starts when the file reaches the worker, not while it waits in the queue
    return await bridge.run((api): Promise<AnalysisResult> => {
      arm(opts.timeLimitS ?? timeLimitSeconds(null));
      const more = { ...(opts.ranges !== undefined ? { ranges: opts.ranges } : {}), ...(opts.rangeCrash ? { rangeCrash: true } : {}), ...(opts.soundAlongside ? { soundAlongside: true } : {}) };
      return api.analyze(blob, name, hooks, opts.maxSide, opts.canvasColor, opts.parallel, opts.onFrames !== undefined, more);
    }, { signal: stop.signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    // the worker timed out or crashed (the bridge has ended it): an error report, like any unreadable file
    const message = err instanceof Error ? err.message : String(err);
    const info = file ?? { name, bytes: blob.size, sha256: await sha256Hex(blob) };
    const code = err instanceof AnalysisTimeout ? 'timeout' : 'internal';
    const report: AnalysisError = { schema: ANALYSIS_SCHEMA, file: info, error: { code, message: err instanceof WorkerCrashError ? `the analyze worker crashed: ${message}` : message } };
    return report;
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
