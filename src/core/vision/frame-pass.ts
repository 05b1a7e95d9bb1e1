// A frame's per-pixel measures that need no other frame, in one pass over its pixels (issue 18): the palette's bin
// counts, the depth's per-cell sums, the luma sums and the cut detector's colour histogram. Each pixel is read once,
// as one 32-bit word, and the depth of a pixel whose palette bin lies inside one depth cell costs nothing per pixel:
// the bin's count and exact channel sums are added to that cell once, after the pass. The results are the same
// numbers the separate passes give (framePalette, regionDepth, frameLuma, colorHistogram): every sum is of integers
// below 2^53, or gathered in the same pixel order with the same expressions (tests/node/frame-pass.test.ts).
import type { Depth, FrameColor } from '../report/analysis.ts';
import { cellOfBin16, cellOfBox, cellOfColor8, depthOfCellSums, newCellSums, regionDepth } from '../color/depth.ts';
import { frameLuma, lumaOfSums } from './luma.ts';
import { channelSum, framePalette, paletteCounters, paletteOfCounted } from './palette.ts';

/** Bins of the cut detector's colour histogram: 4 levels a channel. */
export const HIST_BINS = 64;

/** Everything measured of one frame on its own. */
export interface FramePixels {
  colors: FrameColor[];
  depth: Depth;
  luma: { mean: number; std: number };
  /** 4×4×4 RGB histogram of every other pixel, summing to 1 (for cut detection). */
  hist: Float32Array;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const cellSums = newCellSums();
/** The occupied palette bins in the order they first appear (an array push in the pixel loop costs ~20 % of it). */
const firstSeen = new Int32Array(4096);

/** Palette, depth, luma and colour histogram of one sRGB RGBA frame. */
export function measureFramePixels(rgba: Uint8ClampedArray): FramePixels {
  const npx = rgba.length >> 2;
  // the one-word read needs an aligned view in little-endian byte order; anything else takes the separate passes
  if (npx === 0 || !LITTLE_ENDIAN || (rgba.byteOffset & 3) !== 0 || (rgba.length & 3) !== 0) {
    return { colors: framePalette(rgba), depth: regionDepth(rgba), luma: frameLuma(rgba), hist: colorHistogram(rgba) };
  }
  const px = new Uint32Array(rgba.buffer, rgba.byteOffset, npx);
  const bins = paletteCounters;
  const sums = cellSums;
  const hist = new Float32Array(HIST_BINS);
  let nk = 0;
  let s = 0;
  let s2 = 0;
  for (let p = 0; p < npx; p++) {
    const v = px[p]!;
    const r = v & 255;
    const g = (v >>> 8) & 255;
    const b = (v >>> 16) & 255;
    // palette: the bin's count and the low bits of each channel (palette.ts)
    const k = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
    const h = k << 6;
    if (bins[h] === 0) firstSeen[nk++] = k;
    bins[h]!++;
    bins[h + 1 + (r & 15)]!++;
    bins[h + 17 + (g & 15)]!++;
    bins[h + 33 + (b & 15)]!++;
    // depth: only pixels of bins that straddle cells are summed one by one
    if (cellOfBin16[k] === 0) {
      const box = cellOfBox[((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3)]!;
      const c = 4 * ((box !== 0 ? box : cellOfColor8(r, g, b)) - 1);
      sums[c]!++;
      sums[c + 1]! += r;
      sums[c + 2]! += g;
      sums[c + 3]! += b;
    }
    // luma (luma.ts) and, every other pixel, the colour histogram
    const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    s += y;
    s2 += y * y;
    if ((p & 1) === 0) hist[((r >> 6) << 4) | ((g >> 6) << 2) | (b >> 6)]!++;
  }
  const keys = Array.from(firstSeen.subarray(0, nk));
  for (const k of keys) {
    const c = cellOfBin16[k]!;
    if (c === 0) continue;
    const at = 4 * (c - 1);
    sums[at]! += bins[k << 6]!;
    sums[at + 1]! += channelSum(k, 0);
    sums[at + 2]! += channelSum(k, 1);
    sums[at + 3]! += channelSum(k, 2);
  }
  const depth = depthOfCellSums(sums, npx);
  const colors = paletteOfCounted(keys, npx);
  const n = (npx + 1) >> 1;
  for (let q = 0; q < HIST_BINS; q++) hist[q]! /= n;
  return { colors, depth, luma: lumaOfSums(s, s2, npx), hist };
}

/** 4×4×4 RGB histogram of every other pixel, normalised to sum 1. */
export function colorHistogram(rgba: Uint8ClampedArray): Float32Array {
  const h = new Float32Array(HIST_BINS);
  let n = 0;
  for (let i = 0; i < rgba.length; i += 8) {
    h[((rgba[i]! >> 6) << 4) | ((rgba[i + 1]! >> 6) << 2) | (rgba[i + 2]! >> 6)]!++;
    n++;
  }
  for (let k = 0; k < HIST_BINS; k++) h[k]! /= n || 1;
  return h;
}
