// The per-frame measures that need no other frame (FOUNDATION §7 frames[].colors, depth and luma, and the colour
// histogram the cut detector compares): the part of a frame's analysis that can run in another worker while the
// motion and cut measures, which chain from frame to frame, stay in order in the first (issue 18). One pass over the
// pixels measures them all (frame-pass.ts).
import { measureFramePixels, type FramePixels } from './frame-pass.ts';

/** A frame's palette, depth, luma and colour histogram. */
export type FrameColors = FramePixels;

/** Palette, depth, luma and colour histogram of one sRGB RGBA frame. */
export function measureFrameColors(rgba: Uint8ClampedArray): FrameColors {
  return measureFramePixels(rgba);
}
