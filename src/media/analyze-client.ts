// The caller's side of the analyze worker: starts it lazily, runs one file at a time, enforces the per-file time
// limit and terminates the worker on abort or timeout (a new one starts for the next file).
import * as Comlink from 'comlink';
import type { AnalysisError, AnalysisResult, FileInfo } from '../core/report/analysis.ts';
import { ANALYSIS_SCHEMA } from '../core/report/analysis.ts';
import type { AnalyzeWorkerApi } from '../../workers/analyze.worker.ts';
import { sha256Hex } from './analyze-sha256.ts';
import { timeLimitSeconds } from './media-errors.ts';

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
}

let worker: Worker | null = null;
let remote: Comlink.Remote<AnalyzeWorkerApi> | null = null;
let queue: Promise<unknown> = Promise.resolve();

function start(): Comlink.Remote<AnalyzeWorkerApi> {
  if (!remote) {
    worker = new Worker(new URL('../../workers/analyze.worker.ts', import.meta.url), { type: 'module', name: 'analyze' });
    remote = Comlink.wrap<AnalyzeWorkerApi>(worker);
  }
  return remote;
}

/** Stops the worker (any analysis in flight ends); the next call starts a fresh one. */
export function stopAnalyzeWorker(): void {
  remote?.[Comlink.releaseProxy]();
  worker?.terminate();
  worker = null;
  remote = null;
}

/** The analysis worker's JS heap in bytes (Chromium), for the memory test and benchmark. */
export async function analyzeWorkerHeapBytes(): Promise<number | null> {
  return start().heapBytes();
}

/** Decoded video samples the worker holds unclosed now and at most since it started. */
export async function analyzeWorkerLiveSamples(): Promise<{ alive: number; maxAlive: number }> {
  return start().liveSamples();
}

/** Frames the worker read by the exact YUV conversion and by the canvas since it started. */
export async function analyzeWorkerRasterPaths(): Promise<{ exact: number; canvas: number }> {
  return start().rasterPaths();
}

/** Analyse a File or Blob. Resolves with the report or its error report; rejects only with an AbortError. */
export function analyzeFile(blob: Blob, opts: AnalyzeOptions = {}): Promise<AnalysisResult> {
  const run = queue.then(() => runOne(blob, opts));
  queue = run.catch(() => undefined);
  return run;
}

/** Analyse MP4 (or any media) bytes: the loop's entry point. */
export function analyzeMp4(mp4: Uint8Array, opts: AnalyzeOptions = {}): Promise<AnalysisResult> {
  return analyzeFile(new Blob([mp4 as Uint8Array<ArrayBuffer>]), opts);
}

function abortError(): DOMException {
  return new DOMException('analysis aborted', 'AbortError');
}

async function runOne(blob: Blob, opts: AnalyzeOptions): Promise<AnalysisResult> {
  const name = opts.name ?? (blob instanceof File ? blob.name : 'input.mp4');
  if (opts.signal?.aborted) throw abortError();
  const api = start();
  const w = worker!;
  let file: FileInfo | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settle: ((r: AnalysisResult | Error) => void) | null = null;
  const stopped = new Promise<AnalysisResult | Error>((res) => (settle = res));
  const arm = (seconds: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => settle?.(new Error(`timeout after ${Math.round(seconds)} s`)), seconds * 1000);
  };
  arm(opts.timeLimitS ?? timeLimitSeconds(null));
  const onAbort = () => settle?.(abortError());
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const onCrash = (e: ErrorEvent) => settle?.(new Error(`the analyze worker crashed: ${e.message}`));
  w.addEventListener('error', onCrash);
  const hooks = Comlink.proxy({
    onProgress: (f: number) => opts.onProgress?.(f),
    onFile: (f: FileInfo) => (file = f),
    onDuration: (s: number) => arm(opts.timeLimitS ?? timeLimitSeconds(s)),
  });
  try {
    const out = await Promise.race([api.analyze(blob, name, hooks, opts.maxSide, opts.canvasColor), stopped]);
    if (!(out instanceof Error)) return out;
    stopAnalyzeWorker(); // whatever it was doing is abandoned
    if (out instanceof DOMException && out.name === 'AbortError') throw out;
    const info = file ?? { name, bytes: blob.size, sha256: await sha256Hex(blob) };
    const code = out.message.startsWith('timeout') ? 'timeout' : 'internal';
    const err: AnalysisError = { schema: ANALYSIS_SCHEMA, file: info, error: { code, message: out.message } };
    return err;
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
    w.removeEventListener('error', onCrash);
  }
}
