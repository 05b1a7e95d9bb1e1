// The gray pyramid motion is measured on: the frame reduced by an integer box factor to at most MOTION_MAX_SIDE
// pixels on its long side (level 0) while keeping MOTION_MIN_SHORT_SIDE on its short side, lightly blurred, then
// halved level by level. Values are Rec. 709 luma on 0–255.

/** Long side of level 0, in pixels: motion is measured at this size whatever the frame size … */
export const MOTION_MAX_SIDE = 160;
/**
 * … unless that leaves fewer than this many pixels on the short side: a 32:9 frame reduced to 160 px would keep 45
 * rows, where thin moving content (a scrolling stripe over colour bars, issue #13 defect 5) blurs the still
 * background's few corners away and outweighs them, and the camera is read from the moving content.
 */
export const MOTION_MIN_SHORT_SIDE = 90;
/** Number of pyramid levels (level 0 plus halvings): covers displacements up to about ±16 level-0 px a frame. */
export const PYRAMID_LEVELS = 3;

/** One pyramid level with its central-difference gradients (luma units per pixel). */
export interface GrayLevel {
  w: number;
  h: number;
  data: Float32Array;
  gx: Float32Array;
  gy: Float32Array;
}

/** A frame's gray pyramid; `scale` = original pixels per level-0 pixel. */
export interface GrayPyramid {
  width: number;
  height: number;
  scale: number;
  levels: GrayLevel[];
}

/** Builds the pyramid of an RGBA frame (sRGB, width×height×4). */
export function buildGrayPyramid(rgba: Uint8ClampedArray, width: number, height: number, maxSide = MOTION_MAX_SIDE, levels = PYRAMID_LEVELS): GrayPyramid {
  if (rgba.length < width * height * 4) throw new TypeError(`frame buffer holds ${rgba.length} bytes, need ${width * height * 4}`);
  const minShort = Math.round((MOTION_MIN_SHORT_SIDE * maxSide) / MOTION_MAX_SIDE);
  const f = Math.max(1, Math.min(Math.ceil(Math.max(width, height) / maxSide), Math.ceil(Math.min(width, height) / minShort)));
  const w0 = Math.max(1, Math.floor(width / f));
  const h0 = Math.max(1, Math.floor(height / f));
  const sum = new Float32Array(w0 * h0);
  // one pass over the used part of the frame, a cell's f pixels of a row summed in a local: the same Float32 sum,
  // rounded after each pixel in the same order as `sum[cell] += luma` (Math.fround is the store's rounding)
  for (let y = 0; y < h0 * f; y++) {
    const row = ((y / f) | 0) * w0;
    let i = y * width * 4;
    for (let cx = 0; cx < w0; cx++) {
      let s = sum[row + cx]!;
      for (let q = 0; q < f; q++, i += 4) s = Math.fround(s + (0.2126 * rgba[i]! + 0.7152 * rgba[i + 1]! + 0.0722 * rgba[i + 2]!));
      sum[row + cx] = s;
    }
  }
  const inv = 1 / (f * f);
  for (let k = 0; k < sum.length; k++) sum[k]! *= inv;
  const out: GrayLevel[] = [withGradients(w0, h0, blur121(sum, w0, h0))];
  for (let l = 1; l < levels; l++) {
    const prev = out[l - 1]!;
    if (prev.w < 8 || prev.h < 8) break;
    out.push(withGradients(...halve(prev.data, prev.w, prev.h)));
  }
  return { width, height, scale: f, levels: out };
}

function blur121(a: Float32Array, w: number, h: number): Float32Array {
  const t = new Float32Array(w * h);
  const o = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const r = y * w;
    for (let x = 0; x < w; x++) {
      const l = a[r + (x > 0 ? x - 1 : 0)]!;
      const rr = a[r + (x < w - 1 ? x + 1 : w - 1)]!;
      t[r + x] = 0.25 * l + 0.5 * a[r + x]! + 0.25 * rr;
    }
  }
  for (let y = 0; y < h; y++) {
    const up = (y > 0 ? y - 1 : 0) * w;
    const dn = (y < h - 1 ? y + 1 : h - 1) * w;
    const r = y * w;
    for (let x = 0; x < w; x++) o[r + x] = 0.25 * t[up + x]! + 0.5 * t[r + x]! + 0.25 * t[dn + x]!;
  }
  return o;
}

function halve(a: Float32Array, w: number, h: number): [number, number, Float32Array] {
  const w2 = w >> 1;
  const h2 = h >> 1;
  const o = new Float32Array(w2 * h2);
  for (let y = 0; y < h2; y++) {
    const r0 = 2 * y * w;
    const r1 = r0 + w;
    for (let x = 0; x < w2; x++) {
      o[y * w2 + x] = 0.25 * (a[r0 + 2 * x]! + a[r0 + 2 * x + 1]! + a[r1 + 2 * x]! + a[r1 + 2 * x + 1]!);
    }
  }
  return [w2, h2, o];
}

function withGradients(w: number, h: number, data: Float32Array): GrayLevel {
  const gx = new Float32Array(w * h);
  const gy = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const r = y * w;
    const up = (y > 0 ? y - 1 : 0) * w;
    const dn = (y < h - 1 ? y + 1 : h - 1) * w;
    const sy = y > 0 && y < h - 1 ? 0.5 : 1;
    for (let x = 0; x < w; x++) {
      const l = x > 0 ? x - 1 : 0;
      const rr = x < w - 1 ? x + 1 : w - 1;
      gx[r + x] = (data[r + rr]! - data[r + l]!) * (x > 0 && x < w - 1 ? 0.5 : 1);
      gy[r + x] = (data[dn + x]! - data[up + x]!) * sy;
    }
  }
  return { w, h, data, gx, gy };
}

/** Bilinear sample of a level plane at (x, y) in pixel-index coordinates, clamped at the borders. */
export function sampleBilinear(a: Float32Array, w: number, h: number, x: number, y: number): number {
  if (x < 0) x = 0;
  else if (x > w - 1) x = w - 1;
  if (y < 0) y = 0;
  else if (y > h - 1) y = h - 1;
  const x0 = x | 0;
  const y0 = y | 0;
  const x1 = x0 < w - 1 ? x0 + 1 : x0;
  const y1 = y0 < h - 1 ? y0 + 1 : y0;
  const fx = x - x0;
  const fy = y - y0;
  const r0 = y0 * w;
  const r1 = y1 * w;
  const top = a[r0 + x0]! + (a[r0 + x1]! - a[r0 + x0]!) * fx;
  const bot = a[r1 + x0]! + (a[r1 + x1]! - a[r1 + x0]!) * fx;
  return top + (bot - top) * fy;
}
