// How well a similarity explains the change between two frames: the mean absolute residual and the decorrelation
// (1 − NCC) of the current frame against the previous one warped by the model. The shot detector reads both.
import { sampleBilinear, type GrayPyramid } from '../gray-pyramid.ts';
import type { Similarity } from './similarity-fit.ts';

/** Mean |cur − warp(prev)| / 255 and 1 − NCC on level 1 (or 0), where the warped source falls inside the frame. */
export function warpResidual(prev: GrayPyramid, cur: GrayPyramid, m: Similarity): { residual: number; decorrelation: number } {
  const { P, C, s, cx, cy, A11, A21, det } = warpLevel(prev, cur, m);
  let sum = 0;
  let cnt = 0;
  let sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
  for (let y = 0; y < C.h; y++) {
    for (let x = 0; x < C.w; x++) {
      const qx = (x + 0.5) / s - cx - m.tx;
      const qy = (y + 0.5) / s - cy - m.ty;
      const ux = (A11 * qx + A21 * qy) / det + cx;
      const uy = (-A21 * qx + A11 * qy) / det + cy;
      const sx = ux * s - 0.5;
      const sy = uy * s - 0.5;
      if (sx < 0 || sy < 0 || sx > P.w - 1 || sy > P.h - 1) continue;
      const a = C.data[y * C.w + x]!;
      const b = sampleBilinear(P.data, P.w, P.h, sx, sy);
      sum += Math.abs(a - b);
      sa += a;
      sb += b;
      saa += a * a;
      sbb += b * b;
      sab += a * b;
      cnt++;
    }
  }
  if (cnt === 0) return { residual: 1, decorrelation: 1 };
  const va = saa - (sa * sa) / cnt;
  const vb = sbb - (sb * sb) / cnt;
  const cov = sab - (sa * sb) / cnt;
  // flat pictures have no structure to correlate: a floor of 1 luma level² a pixel keeps them from reading as cuts
  const floor = cnt;
  const ncc = cov / Math.sqrt(Math.max(va, floor) * Math.max(vb, floor));
  return { residual: sum / cnt / 255, decorrelation: 1 - ncc };
}

/** Median |cur − warp(prev)| on level 1 (or 0), luma levels: how well `m` explains the larger part of the frame. */
export function medianResidual(prev: GrayPyramid, cur: GrayPyramid, m: Similarity): number {
  const { P, C, s, cx, cy, A11, A21, det } = warpLevel(prev, cur, m);
  const r = new Float32Array(C.w * C.h);
  let cnt = 0;
  for (let y = 0; y < C.h; y++) {
    for (let x = 0; x < C.w; x++) {
      const qx = (x + 0.5) / s - cx - m.tx;
      const qy = (y + 0.5) / s - cy - m.ty;
      const sx = ((A11 * qx + A21 * qy) / det + cx) * s - 0.5;
      const sy = ((-A21 * qx + A11 * qy) / det + cy) * s - 0.5;
      if (sx < 0 || sy < 0 || sx > P.w - 1 || sy > P.h - 1) continue;
      r[cnt++] = Math.abs(C.data[y * C.w + x]! - sampleBilinear(P.data, P.w, P.h, sx, sy));
    }
  }
  if (!cnt) return Infinity;
  return r.subarray(0, cnt).sort()[cnt >> 1]!;
}

/** The level both residuals compare on (1, or 0 for a one-level pyramid) and the inverse of q = c + A(p − c) + t. */
function warpLevel(prev: GrayPyramid, cur: GrayPyramid, m: Similarity) {
  const l = Math.min(1, prev.levels.length - 1);
  const A11 = 1 + m.a;
  const A21 = m.b;
  return {
    P: prev.levels[l]!,
    C: cur.levels[l]!,
    s: 1 / (1 << l),
    // the centre and the inverse, in level-0 units
    cx: prev.levels[0]!.w / 2,
    cy: prev.levels[0]!.h / 2,
    A11,
    A21,
    det: A11 * A11 + A21 * A21,
  };
}
