// The dense fit's Gauss–Newton step, sped up for issue 18 (samples kept from pass 1, both gradients sampled at once,
// the robust scale from a typed-array sort, the normal equations in locals), gives the same doubles as the plain
// version it replaced, kept here as the reference: every number of every step compared with Object.is, on real
// fixture frames (decoded by ffmpeg) at every pyramid level, for still, shifted, zoomed and rolled starting models.
// Since the bilinear samples were written out in the loops (issue 18: called, each sample's doubles were heap numbers,
// ~3 MB of garbage a frame), the step and the residual are also compared with a mask leaving half the frame out.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { denseResidual, denseStep, type DenseStep, type LevelMask } from '../../src/core/vision/camera/dense-fit.ts';
import { symmetricEigen4 } from '../../src/core/vision/camera/eigen4.ts';
import { buildGrayPyramid, sampleBilinear, type GrayLevel } from '../../src/core/vision/gray-pyramid.ts';
import type { Similarity } from '../../src/core/vision/camera/similarity-fit.ts';
import { decodeScaled } from './helpers/real-photos.ts';

const DENSE_MIN_EIGEN_SHARE = 1e-3;
const denseRes = { buf: new Float32Array(0) };

/** The plain denseStep as it was before the speed-up (git history: src/core/vision/camera/dense-fit.ts). */
function plainStep(P: GrayLevel, C: GrayLevel, s: number, cx: number, cy: number, R: number, p: number[], ignore?: LevelMask): DenseStep | null {
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
      if (x - Math.abs(hx) < 0 || y - Math.abs(hy) < 0 || x + Math.abs(hx) > P.w - 1 || y + Math.abs(hy) > P.h - 1 || ignored(ignore, x, y, s)) {
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

/** The mask says to leave out level-s pixel (x, y) (dense-fit.ts before issue 18's written-out loops). */
function ignored(ignore: LevelMask | undefined, x: number, y: number, s: number): boolean {
  return ignore !== undefined && ignore.mask[((y + 0.5) / s | 0) * ignore.w + ((x + 0.5) / s | 0)] === 1;
}

/** The plain denseResidual (sampleBilinear called for every sample), as it was before its samples were written out. */
function plainResidual(P: GrayLevel, C: GrayLevel, s: number, cx: number, cy: number, m: Similarity, ignore?: LevelMask): { rms: number; noise: number; gradRms: number; correlation: number } {
  let se = 0;
  let sc = 0, sp = 0, scc = 0, spp = 0, scp = 0;
  let sg = 0;
  let cnt = 0;
  let sd = 0;
  let nd = 0;
  for (let y = 1; y < P.h - 1; y++) {
    let r2 = NaN;
    let r1 = NaN;
    for (let x = 1; x < P.w - 1; x++) {
      const xc = (x + 0.5) / s - cx;
      const yc = (y + 0.5) / s - cy;
      const hx = 0.5 * (m.a * xc - m.b * yc + m.tx) * s;
      const hy = 0.5 * (m.b * xc + m.a * yc + m.ty) * s;
      let r = NaN;
      if (x - Math.abs(hx) >= 0 && y - Math.abs(hy) >= 0 && x + Math.abs(hx) <= P.w - 1 && y + Math.abs(hy) <= P.h - 1 && !ignored(ignore, x, y, s)) {
        const k = y * P.w + x;
        const cv = sampleBilinear(C.data, C.w, C.h, x + hx, y + hy);
        const pv = sampleBilinear(P.data, P.w, P.h, x - hx, y - hy);
        r = cv - pv;
        se += r * r;
        sc += cv;
        sp += pv;
        scc += cv * cv;
        spp += pv * pv;
        scp += cv * pv;
        sg += P.gx[k]! ** 2 + P.gy[k]! ** 2;
        cnt++;
        if (!Number.isNaN(r2)) {
          sd += (r - r2) ** 2;
          nd++;
        }
      }
      r2 = r1;
      r1 = r;
    }
  }
  if (!cnt) return { rms: 0, noise: 0, gradRms: 0, correlation: 0 };
  const vc = scc - (sc * sc) / cnt;
  const vp = spp - (sp * sp) / cnt;
  const correlation = vc > 0 && vp > 0 ? (scp - (sc * sp) / cnt) / Math.sqrt(vc * vp) : 0;
  return { correlation, rms: Math.sqrt(se / cnt), noise: nd ? Math.min(Math.sqrt(se / cnt), Math.sqrt(sd / nd / 2)) : 0, gradRms: Math.sqrt(sg / cnt) * s };
}

/** A level-0 mask leaving out the blocks of a checkerboard of 24 px squares (as global-motion.ts masks the points' blocks). */
function checkerMask(w: number, h: number): LevelMask {
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) mask[y * w + x] = ((x / 24) | 0) % 2 === ((y / 24) | 0) % 2 ? 1 : 0;
  return { mask, w };
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

describe('dense fit step and residual: the same doubles as the plain versions, with and without a mask', () => {
  for (const name of FIXTURES) {
    it(name, () => {
      const file = join(import.meta.dirname, '..', 'fixtures', 'media', `${name}.mp4`);
      const { frames, width, height } = decodeScaled(file, 320, 240);
      expect(frames.length).toBeGreaterThan(6);
      let steps = 0;
      let residuals = 0;
      for (const i of [0, 5]) {
        const P = buildGrayPyramid(frames[i]!, width, height);
        const C = buildGrayPyramid(frames[i + 1]!, width, height);
        const L0 = P.levels[0]!;
        const R = Math.sqrt((L0.w * L0.w + L0.h * L0.h) / 12);
        for (const ignore of [undefined, checkerMask(L0.w, L0.h)]) {
          for (const p of PRIORS) {
            for (let l = 0; l < P.levels.length; l++) {
              const args = [P.levels[l]!, C.levels[l]!, 1 / (1 << l), L0.w / 2, L0.h / 2, R, p, ignore] as const;
              const fast = denseStep(...args);
              same(fast, plainStep(...args));
              if (fast) steps++;
              // the residual of the model the prior stands for, and of the still model
              for (const m of [{ a: p[0]! / R, b: p[1]! / R, tx: p[2]!, ty: p[3]! }, { a: 0, b: 0, tx: 0, ty: 0 }]) {
                const rargs = [P.levels[l]!, C.levels[l]!, 1 / (1 << l), L0.w / 2, L0.h / 2, m, ignore] as const;
                const fr = denseResidual(...rargs);
                const pr = plainResidual(...rargs);
                for (const key of ['rms', 'noise', 'gradRms', 'correlation'] as const) expect(fr[key], key).toBe(pr[key]);
                residuals++;
              }
            }
          }
        }
      }
      expect(steps).toBeGreaterThan(0);
      expect(residuals).toBeGreaterThan(0);
    });
  }
});
