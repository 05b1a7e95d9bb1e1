// FOUNDATION §3.4: the dense (whole-frame) similarity fit, for frames with too little point texture to track
// (smooth colour fields, low-contrast pixel noise): Gauss–Newton over every pixel with brightness offset and gain
// eliminated, solved in the eigenbasis of its normal matrix so unobservable directions stay at the prior.
import { sampleBilinear, type GrayLevel, type GrayPyramid } from '../gray-pyramid.ts';
import { symmetricEigen4 } from './eigen4.ts';
import { ZERO_SIMILARITY as ZERO, type Similarity } from './similarity-fit.ts';

/** The dense fit's result: the model (level-0 px), the share of pixels it weighs in, and its confidence (0–1). */
export interface DenseFit {
  model: Similarity;
  inlierShare: number;
  confidence: number;
}

/** The dense fit is kept only when its residual less pixel noise is at most this share of max(unwarped residual less noise, 1-px misregistration residual). */
export const DENSE_MAX_RESIDUAL_SHARE = 0.5;
/** Eigen-directions of the (scale-normalised) dense normal matrix weaker than this share of the strongest are left unchanged (aperture). */
export const DENSE_MIN_EIGEN_SHARE = 1e-3;

/**
 * Dense (global) Lucas–Kanade: the similarity that best warps `prev` onto `cur` over every pixel, coarse to fine
 * (Gauss–Newton, gradients averaged over both frames, Tukey-weighted residuals so moving content counts less).
 * It needs no point texture, only gradients in more than one direction over the frame. Directions the frame cannot
 * observe (a ramp moved along its iso-lines) stay at the prior. Returns the model with its inlier share and
 * confidence, or null when the fit does not explain the change (a fade, a cut) or the frame has no gradients.
 */
export function denseFit(prev: GrayPyramid, cur: GrayPyramid, prior: Similarity): DenseFit | null {
  const L0 = prev.levels[0]!;
  const cx = L0.w / 2;
  const cy = L0.h / 2;
  // a and b are scaled by the RMS radius so all four unknowns are level-0 px at a typical pixel (comparable eigenvalues)
  const R = Math.sqrt((L0.w * L0.w + L0.h * L0.h) / 12);
  let p = [prior.a * R, prior.b * R, prior.tx, prior.ty];
  let last: DenseStep | null = null;
  for (let l = prev.levels.length - 1; l >= 0; l--) {
    for (let it = 0; it < DENSE_ITERATIONS; it++) {
      const step = denseStep(prev.levels[l]!, cur.levels[l]!, 1 / (1 << l), cx, cy, R, p);
      if (!step) break;
      last = step;
      p = p.map((v, k) => v - step.delta[k]!);
      if (Math.hypot(...step.delta) < 0.005) break;
    }
  }
  if (!last || !(last.sigma2 > 0)) return null;
  // how well the model explains the change, on level 1 (half the pixel noise and aliasing of level 0)
  const lq = Math.min(DENSE_CHECK_LEVEL, prev.levels.length - 1);
  const [Pq, Cq, sq] = [prev.levels[lq]!, cur.levels[lq]!, 1 / (1 << lq)];
  const model: Similarity = { a: p[0]! / R, b: p[1]! / R, tx: p[2]!, ty: p[3]! };
  const e1 = denseResidual(Pq, Cq, sq, cx, cy, model);
  const e0 = denseResidual(Pq, Cq, sq, cx, cy, ZERO);
  // the change the model leaves unexplained, less pixel noise, against the change there was (or, for a still picture,
  // against what a 1 level-0 px misregistration would leave)
  const noise2 = e1.noise ** 2;
  const misfit = Math.sqrt(Math.max(0, e1.rms ** 2 - noise2));
  const ref = Math.max(Math.sqrt(Math.max(0, e0.rms ** 2 - noise2)), e1.gradRms);
  if (!(ref > 1e-6) || misfit > DENSE_MAX_RESIDUAL_SHARE * ref || last.eigMax <= 0 || e1.correlation < DENSE_MIN_CORRELATION) return null;
  // conditioning: the weakest observable direction against the strongest (1 for an isotropic field, 0 for a ramp)
  const conditioning = Math.min(1, Math.sqrt(last.eigMin / last.eigMax) / DENSE_FULL_CONDITIONING);
  const explained = 1 - misfit / ref;
  return { model, inlierShare: last.inlierShare, confidence: Math.max(0, explained * conditioning * last.inlierShare) };
}

/** The frames warped by the dense model must correlate at least this much (0–1): structure that persists, not pixel noise. */
export const DENSE_MIN_CORRELATION = 0.3;
/** Pyramid level on which the dense fit's residuals are judged. */
const DENSE_CHECK_LEVEL = 1;
/** √(weakest / strongest eigenvalue) of the normalised dense normal matrix at which its conditioning counts as full (confidence factor 1). */
export const DENSE_FULL_CONDITIONING = 0.15;
/** Gauss–Newton iterations per pyramid level of the dense fit. */
const DENSE_ITERATIONS = 10;

interface DenseStep {
  /** Update to subtract from the normalised parameters (aR, bR, tx, ty), level-0 px. */
  delta: number[];
  eigMin: number;
  eigMax: number;
  /** Share of the compared pixels with a nonzero robust weight. */
  inlierShare: number;
  /** Eigenvalues and column eigenvectors (row-major) of the normalised normal matrix. */
  values: number[];
  vectors: Float64Array;
  /** Weighted mean squared residual, luma². */
  sigma2: number;
}

const denseRes = { buf: new Float32Array(0) };

/** One Gauss–Newton step of the dense similarity fit on one level (s = level px per level-0 px). */
function denseStep(P: GrayLevel, C: GrayLevel, s: number, cx: number, cy: number, R: number, p: number[]): DenseStep | null {
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

/**
 * RMS of cur − prev warped by `m` on one level (s = level px per level-0 px), its white-noise part (from differences
 * of residuals two pixels apart: pixel noise does not correlate that far, a misfit of smooth content does), and the
 * RMS gradient magnitude (luma per level-0 px).
 */
function denseResidual(P: GrayLevel, C: GrayLevel, s: number, cx: number, cy: number, m: Similarity): { rms: number; noise: number; gradRms: number; correlation: number } {
  let se = 0;
  let sc = 0, sp = 0, scc = 0, spp = 0, scp = 0;
  let sg = 0;
  let cnt = 0;
  let sd = 0;
  let nd = 0;
  for (let y = 1; y < P.h - 1; y++) {
    let r2 = NaN; // residual two pixels back
    let r1 = NaN;
    for (let x = 1; x < P.w - 1; x++) {
      const xc = (x + 0.5) / s - cx;
      const yc = (y + 0.5) / s - cy;
      const hx = 0.5 * (m.a * xc - m.b * yc + m.tx) * s;
      const hy = 0.5 * (m.b * xc + m.a * yc + m.ty) * s;
      let r = NaN;
      if (x - Math.abs(hx) >= 0 && y - Math.abs(hy) >= 0 && x + Math.abs(hx) <= P.w - 1 && y + Math.abs(hy) <= P.h - 1) {
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
  // gradients per level px → per level-0 px
  return { correlation, rms: Math.sqrt(se / cnt), noise: nd ? Math.min(Math.sqrt(se / cnt), Math.sqrt(sd / nd / 2)) : 0, gradRms: Math.sqrt(sg / cnt) * s };
}
