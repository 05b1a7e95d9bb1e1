// The per-frame colour measures that need no other frame (FOUNDATION §7 frames[].colors and depth): the part of a
// frame's analysis that can run in another worker while the motion and cut measures, which chain from frame to frame,
// stay in order in the first (issue 18).
import type { Depth, FrameColor } from '../report/analysis.ts';
import { regionDepth } from '../color/depth.ts';
import { framePalette } from './palette.ts';

/** A frame's palette and depth. */
export interface FrameColors {
  colors: FrameColor[];
  depth: Depth;
}

/** Palette and depth of one sRGB RGBA frame. */
export function measureFrameColors(rgba: Uint8ClampedArray): FrameColors {
  return { colors: framePalette(rgba), depth: regionDepth(rgba) };
}
