// The dense fit's Gauss–Newton step, sped up for issue 18 (samples kept from pass 1, both gradients sampled at once,
// the robust scale from a typed-array sort, the normal equations in locals), gives the same doubles as the plain
// version it replaced, kept here as the reference: every number of every step compared with Object.is, on real
// fixture frames (decoded by ffmpeg) at every pyramid level, for still, shifted, zoomed and rolled starting models.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { denseStep, type DenseStep } from '../../src/core/vision/camera/dense-fit.ts';
import { symmetricEigen4 } from '../../src/core/vision/camera/eigen4.ts';
import { buildGrayPyramid, sampleBilinear, type GrayLevel } from '../../src/core/vision/gray-pyramid.ts';
import { decodeScaled } from './helpers/real-photos.ts';

const DENSE_MIN_EIGEN_SHARE = 1e-3;
const denseRes = { buf: new Float32Array(0) };

/** The plain denseStep as it was before the speed-up (git history: src/core/vision/camera/dense-fit.ts). */
function plainStep(P: GrayLevel, C: GrayLevel, s: number, cx: number, cy: number, R: number, p: number[]): DenseStep | null {
  const a = p[0]! / R;
  const b = p[1]! / R;
  const tx = p[2]!;
  const ty = p[3]!;
  const n = P.w * P.h;
  if (denseRes.buf.length < n) denseRes.buf = new Float32Array(n);
  const res = denseRes.buf;
  // pass 1: residuals (NaN where the warped pixel leaves the frame), for the robust scale
  let m = 0;
  const abs: number[] = [];
  for (let y = 1; y < P.h - 1; y++) {
    for (let x = 1; x < P.w - 1; x++) {
      const k = y * P.w + x;
      const xc = (x + 0.5) / s - cx;
      const yc = (y + 0.5) / s - cy;
      // symmetric: (x, y) is the midpoint, prev is read half a displacement back and cur half forward, so both go
      // through the same bilinear smoothing (else the fit drifts to fractional shifts that smooth away pixel noise)
      const hx = 0.5 * (a * xc - b * yc + tx) * s;
      const hy = 0.5 * (b * xc + a * yc + ty) * s;
      if (x - Math.abs(hx) < 0 || y - Math.abs(hy) < 0 || x + Math.abs(hx) > P.w - 1 || y + Math.abs(hy) > P.h - 1) {
        res[k] = NaN;
        continue;
      }
      const r = sampleBilinear(C.data, C.w, C.h, x + hx, y + hy) - sampleBilinear(P.data, P.w, P.h, x - hx, y - hy);
      res[k] = r;
      if ((m++ & 3) === 0) abs.push(Math.abs(r));
    }
  }
  if (m < 16) return null;
  abs.sort((u, v) => u - v);
  // Tukey scale: 4.685 × the robust σ (1.4826 × MAD), floored at 2 luma levels so noise-level residuals keep full weight
  const c = Math.max(2, 4.685 * 1.4826 * abs[abs.length >> 1]!);
  // unknowns: the four motion parameters and two photometric ones (offset, gain), which are eliminated below
  const H = new Float64Array(36);
  const g = new Float64Array(6);
  const J = [0, 0, 0, 0, 0, 0];
  let used = 0;
  let kept = 0;
  let sw = 0;
  let swr2 = 0;
  for (let y = 1; y < P.h - 1; y++) {
    for (let x = 1; x < P.w - 1; x++) {
      const k = y * P.w + x;
      const r = res[k]!;
      if (Number.isNaN(r)) continue;
      used++;
      if (Math.abs(r) >= c) continue;
      kept++;
      const w = (1 - (r / c) ** 2) ** 2;
      sw += w;
      swr2 += w * r * r;
      const xc = (x + 0.5) / s - cx;
      const yc = (y + 0.5) / s - cy;
      const hx = 0.5 * (a * xc - b * yc + tx) * s;
      const hy = 0.5 * (b * xc + a * yc + ty) * s;
      // gradient per level-0 px, the mean of both frames' at their sample points
      const gx = 0.5 * (sampleBilinear(P.gx, P.w, P.h, x - hx, y - hy) + sampleBilinear(C.gx, C.w, C.h, x + hx, y + hy)) * s;
      const gy = 0.5 * (sampleBilinear(P.gy, P.w, P.h, x - hx, y - hy) + sampleBilinear(C.gy, C.w, C.h, x + hx, y + hy)) * s;
      J[0] = (gx * xc + gy * yc) / R;
      J[1] = (gy * xc - gx * yc) / R;
      J[2] = gx;
      J[3] = gy;
      // a brightness offset (luma) and gain (per 64 luma levels about mid-gray) of cur against prev
      J[4] = -1;
      J[5] = -(0.5 * (sampleBilinear(P.data, P.w, P.h, x - hx, y - hy) + sampleBilinear(C.data, C.w, C.h, x + hx, y + hy)) - 128) / 64;
      for (let i = 0; i < 6; i++) {
        g[i]! += w * J[i]! * r;
        for (let j = i; j < 6; j++) H[i * 6 + j]! += w * J[i]! * J[j]!;
      }
    }
  }
  for (let i = 0; i < 6; i++) for (let j = 0; j < i; j++) H[i * 6 + j] = H[j * 6 + i]!;
  // eliminate the photometric unknowns (Schur complement): the motion is credited only with the change a brightness
  // offset or gain could not explain — on a ramp, a small exposure change looks like a shift along it
  const p00 = H[4 * 6 + 4]!;
  const p01 = H[4 * 6 + 5]!;
  const p11 = H[5 * 6 + 5]!;
  const ridge = 1e-9 * (p00 + p11) + 1e-12;
  const pdet = (p00 + ridge) * (p11 + ridge) - p01 * p01;
  const i00 = (p11 + ridge) / pdet;
  const i01 = -p01 / pdet;
  const i11 = (p00 + ridge) / pdet;
  const S = new Float64Array(16);
  const gm = [0, 0, 0, 0];
  for (let i = 0; i < 4; i++) {
    const hi4 = H[i * 6 + 4]!;
    const hi5 = H[i * 6 + 5]!;
    // (H_mp · H_pp⁻¹) row i
    const u4 = hi4 * i00 + hi5 * i01;
    const u5 = hi4 * i01 + hi5 * i11;
    gm[i] = g[i]! - u4 * g[4]! - u5 * g[5]!;
    for (let j = 0; j < 4; j++) S[i * 4 + j] = H[i * 6 + j]! - u4 * H[4 * 6 + j]! - u5 * H[5 * 6 + j]!;
  }
  const { values, vectors } = symmetricEigen4(S);
  const eigMax = Math.max(...values);
  const eigMin = Math.min(...values);
  const delta = [0, 0, 0, 0];
  if (eigMax > 0) {
    for (let e = 0; e < 4; e++) {
      const lam = values[e]!;
      if (lam < DENSE_MIN_EIGEN_SHARE * eigMax) continue;
      let proj = 0;
      for (let i = 0; i < 4; i++) proj += vectors[i * 4 + e]! * gm[i]!;
      for (let i = 0; i < 4; i++) delta[i]! += (vectors[i * 4 + e]! * proj) / lam;
    }
  }
  return { delta, eigMin: Math.max(0, eigMin), eigMax, inlierShare: used ? kept / used : 0, values, vectors, sigma2: sw > 0 ? swr2 / sw : 0 };
}

const FIXTURES = ['gradient-radial', 'gradient-left', 'noise-white', 'pan-left-fast', 'roll-cw-content', 'light-dark'];
const PRIORS = [
  [0, 0, 0, 0],
  [0, 0, 1.5, -0.75],
  [0.8, 0, 0.2, 0.1],
  [-0.3, 1.1, -2.25, 0.6],
];

function same(a: DenseStep | null, b: DenseStep | null): void {
  expect(a === null).toBe(b === null);
  if (!a || !b) return;
  const flat = (x: DenseStep) => [...x.delta, x.eigMin, x.eigMax, x.inlierShare, x.sigma2, ...x.values, ...x.vectors];
  const fa = flat(a);
  const fb = flat(b);
  expect(fa.length).toBe(fb.length);
  // toBe is Object.is: the same doubles, not nearly the same
  fa.forEach((v, i) => expect(v, `value ${i}`).toBe(fb[i]));
}

describe('dense fit step: the same doubles as the plain version', () => {
  for (const name of FIXTURES) {
    it(name, () => {
      const file = join(import.meta.dirname, '..', 'fixtures', 'media', `${name}.mp4`);
      const { frames, width, height } = decodeScaled(file, 320, 240);
      expect(frames.length).toBeGreaterThan(6);
      let steps = 0;
      for (const i of [0, 5]) {
        const P = buildGrayPyramid(frames[i]!, width, height);
        const C = buildGrayPyramid(frames[i + 1]!, width, height);
        const L0 = P.levels[0]!;
        const R = Math.sqrt((L0.w * L0.w + L0.h * L0.h) / 12);
        for (const p of PRIORS) {
          for (let l = 0; l < P.levels.length; l++) {
            const args = [P.levels[l]!, C.levels[l]!, 1 / (1 << l), L0.w / 2, L0.h / 2, R, p] as const;
            const fast = denseStep(...args);
            same(fast, plainStep(...args));
            if (fast) steps++;
          }
        }
      }
      expect(steps).toBeGreaterThan(0);
    });
  }
});
