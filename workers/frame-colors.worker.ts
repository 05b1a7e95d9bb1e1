// The second analysis worker: a frame's palette and depth (src/core/vision/frame-colors.ts), measured while the
// analyze worker goes on decoding and tracking motion (src/media/analyze-parallel.ts starts and ends it).
import * as Comlink from 'comlink';
import { measureFrameColors, type FrameColors } from '../src/core/vision/frame-colors.ts';

const api = {
  /** Palette and depth of one RGBA frame (transferred in: this worker owns it afterwards). */
  measure(rgba: Uint8ClampedArray): FrameColors {
    return measureFrameColors(rgba);
  },
};

/** The API this worker exposes over Comlink; callers `import type` it only. */
export type FrameColorsWorkerApi = typeof api;
Comlink.expose(api);
