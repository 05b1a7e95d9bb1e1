// Both cores for one analysis (issue 18). The motion and cut measures chain from frame to frame (the tracker starts
// from the last pair's model), so frame ranges analysed apart could not give the report one worker gives; the
// palette and depth of a frame need no other frame, so they are measured in a second worker, a few frames ahead,
// while this worker decodes, converts and tracks. Same functions on the same pixels: the same report.
import * as Comlink from 'comlink';
import type { FrameColors } from '../core/vision/frame-colors.ts';
import type { FrameColorsWorkerApi } from '../../workers/frame-colors.worker.ts';
import type { RasterFrame } from './decode-video.ts';

/** Frames whose colours are being measured at once (each holds one raster copy, ~0.9 MB at 640×360). */
const IN_FLIGHT = 4;

/** A decoded frame with its palette and depth measured by the colour worker (undefined: measure it here). */
export interface MeasuredFrame extends RasterFrame {
  measured: FrameColors | undefined;
}

/** Whether this machine has a second core to give the colour worker (and workers can start workers here). */
export function parallelByDefault(): boolean {
  return typeof Worker !== 'undefined' && (globalThis.navigator?.hardwareConcurrency ?? 1) >= 2;
}

/**
 * Passes `frames` through in order, each with its palette and depth from the colour worker when `parallel`, else
 * with `measured` undefined (the caller's timeline measures them). The worker starts on the first frame and is
 * terminated when the frames end, fail or the caller stops early.
 */
export async function* measureColorsAlongside(frames: AsyncIterable<RasterFrame>, parallel: boolean): AsyncGenerator<MeasuredFrame> {
  if (!parallel) {
    for await (const f of frames) yield { ...f, measured: undefined };
    return;
  }
  const worker = new Worker(new URL('../../workers/frame-colors.worker.ts', import.meta.url), { type: 'module', name: 'frame-colors' });
  const remote = Comlink.wrap<FrameColorsWorkerApi>(worker);
  let crashed: ((err: Error) => void) | null = null;
  const crash = new Promise<never>((_, reject) => (crashed = reject));
  crash.catch(() => undefined); // observed through the races below
  const onError = (e: ErrorEvent) => crashed?.(new Error(`the frame-colors worker failed: ${e.message}`));
  worker.addEventListener('error', onError);
  const queue: { frame: RasterFrame; measured: Promise<FrameColors> }[] = [];
  try {
    let failure: { err: unknown } | null = null;
    try {
      for await (const frame of frames) {
        // the copy goes to the worker (transferred, not copied again); this worker keeps the frame for motion and cuts
        const copy = frame.rgba.slice();
        queue.push({ frame, measured: remote.measure(Comlink.transfer(copy, [copy.buffer])) });
        if (queue.length >= IN_FLIGHT) {
          const next = queue.shift();
          if (next) yield { ...next.frame, measured: await Promise.race([next.measured, crash]) };
        }
      }
    } catch (err) {
      // a file damaged part-way: the frames decoded before the failure still go out first, as without the worker
      failure = { err };
    }
    for (let next = queue.shift(); next; next = queue.shift()) yield { ...next.frame, measured: await Promise.race([next.measured, crash]) };
    if (failure) throw failure.err;
  } finally {
    worker.removeEventListener('error', onError);
    remote[Comlink.releaseProxy]();
    worker.terminate();
  }
}
