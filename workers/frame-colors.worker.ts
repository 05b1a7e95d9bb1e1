// The second analysis worker: a frame's palette, depth, luma and colour histogram (src/core/vision/frame-colors.ts),
// measured while the analyze worker goes on decoding and tracking motion (src/media/analyze-parallel.ts starts it
// and reuses it).
import * as Comlink from 'comlink';
import { measureFrameColors, type FrameColors } from '../src/core/vision/frame-colors.ts';

/** A frame's colours, with its pixels handed back (transferred) for the caller to fill with a later frame. */
export interface MeasuredColors extends FrameColors {
  rgba: Uint8ClampedArray;
}

const api = {
  /** The per-frame measures of one RGBA frame (transferred in, and back out with the result: no frame buffer is made per frame). */
  measure(rgba: Uint8ClampedArray): MeasuredColors {
    const m = measureFrameColors(rgba);
    return Comlink.transfer({ ...m, rgba }, [rgba.buffer, m.hist.buffer as ArrayBuffer]);
  },
};

/** The API this worker exposes over Comlink; callers `import type` it only. */
export type FrameColorsWorkerApi = typeof api;
Comlink.expose(api);
