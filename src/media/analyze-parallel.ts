// Both cores for one analysis (issue 18). The motion and cut measures chain from frame to frame (the tracker starts
// from the last pair's model), so frame ranges analysed apart could not give the report one worker gives; the
// palette, depth, luma and colour histogram of a frame need no other frame, so they are measured in a second
// worker, a few frames ahead, while this worker decodes, converts and tracks. Same functions on the same pixels:
// the same report.
import * as Comlink from 'comlink';
import type { FrameColors } from '../core/vision/frame-colors.ts';
import type { FrameColorsWorkerApi, MeasuredColors } from '../../workers/frame-colors.worker.ts';
import type { RasterFrame } from './decode-video.ts';
import { FailureGate } from './failure-gate.ts';
import { KeptWorker } from './kept-worker.ts';

/** Frames whose colours are being measured at once (each holds one raster copy, ~0.9 MB at 640×360). */
const IN_FLIGHT = 4;

/** A decoded frame with its per-frame measures from the colour worker (undefined: measure them here). */
export interface MeasuredFrame extends RasterFrame {
  measured: FrameColors | undefined;
}

/** Whether this machine has a second core to give the colour worker (and workers can start workers here). */
export function parallelByDefault(): boolean {
  return typeof Worker !== 'undefined' && (globalThis.navigator?.hardwareConcurrency ?? 1) >= 2;
}

/**
 * Passes `frames` through in order, each with its palette, depth, luma and histogram from the colour worker when `parallel`, else
 * with `measured` undefined (the caller's timeline measures them). The worker starts on the first frame of the first
 * file and serves the next files too (it ends with this worker); it is ended when the frames fail or the caller stops early.
 */
export async function* measureColorsAlongside(frames: AsyncIterable<RasterFrame>, parallel: boolean): AsyncGenerator<MeasuredFrame> {
  if (!parallel) {
    for await (const f of frames) yield { ...f, measured: undefined };
    return;
  }
  const { worker, remote } = colourWorker.get();
  // not Promise.race([measured, crash]): racing a promise that stays pending kept every frame's measures (failure-gate.ts)
  const crash = new FailureGate();
  const onError = (e: ErrorEvent) => crash.fail(new Error(`the frame-colors worker failed: ${e.message}`));
  worker.addEventListener('error', onError);
  const queue: { frame: RasterFrame; measured: Promise<MeasuredColors> }[] = [];
  // buffers the colour worker handed back, filled again with later frames (no 1 MB buffer made per frame at 640×360)
  const free: Uint8ClampedArray[] = [];
  const settle = async (next: { frame: RasterFrame; measured: Promise<MeasuredColors> }): Promise<MeasuredFrame> => {
    const { rgba, ...measured } = await crash.wait(next.measured);
    if (rgba.length === next.frame.rgba.length) free.push(rgba);
    return { ...next.frame, measured };
  };
  let done = false;
  try {
    let failure: { err: unknown } | null = null;
    try {
      for await (const frame of frames) {
        // the copy goes to the worker (transferred, not copied again); this worker keeps the frame for motion and cuts
        const reused = free.pop();
        const copy = reused && reused.length === frame.rgba.length ? reused : new Uint8ClampedArray(frame.rgba.length);
        copy.set(frame.rgba);
        queue.push({ frame, measured: remote.measure(Comlink.transfer(copy, [copy.buffer])) });
        if (queue.length >= IN_FLIGHT) {
          const next = queue.shift();
          if (next) yield await settle(next);
        }
      }
    } catch (err) {
      // a file damaged part-way: the frames decoded before the failure still go out first, as without the worker
      failure = { err };
    }
    for (let next = queue.shift(); next; next = queue.shift()) yield await settle(next);
    if (failure) throw failure.err;
    done = true;
  } finally {
    worker.removeEventListener('error', onError);
    // a worker that failed, or one left measuring frames nobody will read (the caller stopped early), is not reused
    if (!done) colourWorker.drop();
  }
}

/** The colour worker, kept between files (its module and its colour → cell table stay warm: a short clip no longer pays for them). */
const colourWorker = new KeptWorker<FrameColorsWorkerApi>(() => new Worker(new URL('../../workers/frame-colors.worker.ts', import.meta.url), { type: 'module', name: 'frame-colors' }));
