// Make a clip from a spec (main thread): plan and mix the sound (OfflineAudioContext), then hand the PCM to
// the render worker (one, through the worker bridge), which draws and encodes the frames and muxes both tracks into one MP4.
import * as Comlink from 'comlink';
import { buildTruth, type IntendedTruth } from '../core/render/intended-truth.ts';
import { planSound, soundTruth } from '../core/render/sound-plan.ts';
import type { Spec } from '../core/plan/spec.ts';
import type { RenderResult, RenderWorkerApi } from '../../workers/render.worker.ts';
import { mixAudio } from './mix-audio.ts';
import type { WarmWorkerStats } from './warm-blob-workers.ts';
import { WorkerBridge } from './worker-bridge.ts';

/** Options of createClip: cancellation and progress. */
export interface CreateClipOptions {
  signal?: AbortSignal;
  /** Progress 0–1, called only when the value changes. */
  onProgress?: (fraction: number) => void;
}

/** A made clip: the MP4 bytes, what it was made to be, and how long the steps took (ms). */
export interface CreatedClip {
  mp4: Uint8Array;
  truth: IntendedTruth;
  stats: { mix_ms: number; render_ms: number; encode_ms: number; total_ms: number; audio_codec: RenderResult['audio_codec']; video_codec: RenderResult['video_codec'] };
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('createClip aborted', 'AbortError');
}

/**
 * Idle seconds before the render worker ends. Longer than the bridge's default: in the pipelined loop it waits for
 * the job before to be analysed and recorded, and a cold first analysis on a loaded machine took 6 s, so the default
 * 5 s ended it and the third clip paid its start and the AAC encoder's WebAssembly compile again (2.8 s make, 1.5 s warm).
 */
export const RENDER_IDLE_S = 30;

// The render worker, through the bridge (queue, cancel on abort, idle shutdown): one worker for every clip. Each
// render starts from nothing but its spec and audio (a new canvas, output and field renderer; the audio encoder
// chosen with its priming, encode-codecs.ts), so a warm worker makes the same bytes as a fresh one.
const renderer = new WorkerBridge<RenderWorkerApi>(() => new Worker(new URL('../../workers/render.worker.ts', import.meta.url), { type: 'module', name: 'render' }), RENDER_IDLE_S);

/** Render and encode one clip in the render worker; on abort the worker is asked to stop at the next frame (its `cancel()`). */
function renderInWorker(spec: Spec, pcm: Float32Array, signal: AbortSignal | undefined, onProgress: (f: number) => void): Promise<RenderResult> {
  return renderer.run((api) => api.render(spec, Comlink.transfer(pcm, [pcm.buffer]), Comlink.proxy(onProgress)), {
    ...(signal ? { signal } : {}),
    cancel: (api) => api.cancel(),
  });
}

/** Ends the render worker now (a clip in flight ends with it); the next clip starts a fresh one. */
export function stopRenderWorker(): void {
  renderer.terminate();
}

/** Whether the render worker is running (tests: it stays up between clips, and goes after a few idle seconds). */
export function renderWorkerRunning(): boolean {
  return renderer.running;
}

/** The render worker's counts of the AAC encoder's workers really started vs handed out (tests: the encoder's worker is kept between clips). */
export function renderWorkerAacWorkers(): Promise<WarmWorkerStats> {
  return renderer.api().warmWorkers();
}

/** Spec → { mp4, truth }. Rejects with the signal's reason (AbortError) on abort, UnsupportedCodecError (by name) without an encoder. */
export async function createClip(spec: Spec, opts: CreateClipOptions = {}): Promise<CreatedClip> {
  const { signal } = opts;
  if (signal?.aborted) throw abortError(signal);
  let last = -1;
  const progress = (f: number) => {
    const v = Math.round(Math.min(1, Math.max(0, f)) * 1000) / 1000;
    if (v !== last) {
      last = v;
      opts.onProgress?.(v);
    }
  };
  const t0 = performance.now();
  progress(0);
  const plan = planSound(spec);
  const pcm = await mixAudio(plan, signal);
  const mixMs = performance.now() - t0;
  progress(0.05);
  const rendering = renderInWorker(spec, pcm, signal, (f) => progress(0.05 + 0.95 * f));
  // The sound's truth (two passes over every component) while the worker renders: not before the frames start. The
  // render request is posted from a queued microtask, so a macrotask turn first lets it reach the worker.
  rendering.catch(() => undefined); // a failure surfaces at `await rendering` below, not as an unhandled rejection meanwhile
  await new Promise<void>((r) => setTimeout(r, 0));
  const sound = soundTruth(plan, spec.frame_count, spec.fps);
  const r = await rendering;
  const truth = buildTruth(spec, r.bins, r.counts, sound);
  progress(1);
  return {
    mp4: r.mp4,
    truth,
    stats: { mix_ms: mixMs, render_ms: r.render_ms, encode_ms: r.encode_ms, total_ms: performance.now() - t0, audio_codec: r.audio_codec, video_codec: r.video_codec },
  };
}
