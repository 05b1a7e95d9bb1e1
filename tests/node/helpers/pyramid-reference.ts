// The gray pyramid as it was before issue 18's third speed pass (level 0 summed by `sum[cell] += luma` per pixel), kept
// to prove the faster one gives the same Float32 values (tests/node/gray-pyramid.test.ts).
import type { GrayLevel, GrayPyramid } from '../../../src/core/vision/gray-pyramid.ts';
import { MOTION_MAX_SIDE, MOTION_MIN_SHORT_SIDE, PYRAMID_LEVELS } from '../../../src/core/vision/gray-pyramid.ts';

/** The earlier pyramid of an RGBA frame (sRGB, width×height×4). */
export function buildGrayPyramidReference(rgba: Uint8ClampedArray, width: number, height: number, maxSide = MOTION_MAX_SIDE, levels = PYRAMID_LEVELS): GrayPyramid {
  if (rgba.length < width * height * 4) throw new TypeError(`frame buffer holds ${rgba.length} bytes, need ${width * height * 4}`);
  const minShort = Math.round((MOTION_MIN_SHORT_SIDE * maxSide) / MOTION_MAX_SIDE);
  const f = Math.max(1, Math.min(Math.ceil(Math.max(width, height) / maxSide), Math.ceil(Math.min(width, height) / minShort)));
  const w0 = Math.max(1, Math.floor(width / f));
  const h0 = Math.max(1, Math.floor(height / f));
  const sum = new Float32Array(w0 * h0);
  // column → cell lookup: one pass over the used part of the frame
  for (let y = 0; y < h0 * f; y++) {
    const row = ((y / f) | 0) * w0;
    let i = y * width * 4;
    for (let x = 0; x < w0 * f; x++, i += 4) {
      sum[row + ((x / f) | 0)]! += 0.2126 * rgba[i]! + 0.7152 * rgba[i + 1]! + 0.0722 * rgba[i + 2]!;
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

