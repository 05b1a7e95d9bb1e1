// FOUNDATION §3.4: the dense (whole-frame) similarity fit, for frames with too little point texture to track
// (smooth colour fields, low-contrast pixel noise): Gauss–Newton over every pixel with brightness offset and gain
// eliminated, solved in the eigenbasis of its normal matrix so unobservable directions stay at the prior.
import type { GrayLevel, GrayPyramid } from '../gray-pyramid.ts';
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
/** … or the model explains at least this share of the change's variance on level 1 (e1² ≤ 0.6·e0²). */
export const DENSE_MIN_VARIANCE_EXPLAINED = 0.4;
/** Eigen-directions of the (scale-normalised) dense normal matrix weaker than this share of the strongest are left unchanged (aperture). */
export const DENSE_MIN_EIGEN_SHARE = 1e-3;

/**
 * Dense (global) Lucas–Kanade: the similarity that best warps `prev` onto `cur` over every pixel, coarse to fine
 * (Gauss–Newton, gradients averaged over both frames, Tukey-weighted residuals so moving content counts less).
 * It needs no point texture, only gradients in more than one direction over the frame. Directions the frame cannot
 * observe (a ramp moved along its iso-lines) stay at the prior. Returns the model with its inlier share and
 * confidence, or null when the fit does not explain the change (a fade, a cut) or the frame has no gradients.
 */
export function denseFit(prev: GrayPyramid, cur: GrayPyramid, prior: Similarity, ignore?: LevelMask): DenseFit | null {
  const L0 = prev.levels[0]!;
  const cx = L0.w / 2;
  const cy = L0.h / 2;
  // a and b are scaled by the RMS radius so all four unknowns are level-0 px at a typical pixel (comparable eigenvalues)
  const R = Math.sqrt((L0.w * L0.w + L0.h * L0.h) / 12);
  let p = [prior.a * R, prior.b * R, prior.tx, prior.ty];
  let last: DenseStep | null = null;
  for (let l = prev.levels.length - 1; l >= 0; l--) {
    for (let it = 0; it < DENSE_ITERATIONS; it++) {
      const step = denseStep(prev.levels[l]!, cur.levels[l]!, 1 / (1 << l), cx, cy, R, p, ignore);
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
  const e1 = denseResidual(Pq, Cq, sq, cx, cy, model, ignore);
  const e0 = denseResidual(Pq, Cq, sq, cx, cy, ZERO, ignore);
  // the change the model leaves unexplained, less pixel noise, against the change there was (or, for a still picture,
  // against what a 1 level-0 px misregistration would leave)
  const noise2 = e1.noise ** 2;
  const misfit = Math.sqrt(Math.max(0, e1.rms ** 2 - noise2));
  const ref = Math.max(Math.sqrt(Math.max(0, e0.rms ** 2 - noise2)), e1.gradRms);
  // … or, where the pixel noise is correlated over more than two pixels (grain through a strong encoder: the noise term
  // above reads too little of it), the model explains most of the change's variance outright — a still picture's
  // change is all noise, which no warp explains, and a cut's or a fade's is no warp either
  const varianceExplained = e0.rms > 0 ? 1 - (e1.rms / e0.rms) ** 2 : 0;
  const fits = misfit <= DENSE_MAX_RESIDUAL_SHARE * ref || varianceExplained >= DENSE_MIN_VARIANCE_EXPLAINED;
  if (!(ref > 1e-6) || !fits || last.eigMax <= 0 || e1.correlation < DENSE_MIN_CORRELATION) return null;
  // conditioning: the weakest observable direction against the strongest (1 for an isotropic field, 0 for a ramp)
  const conditioning = Math.min(1, Math.sqrt(last.eigMin / last.eigMax) / DENSE_FULL_CONDITIONING);
  const explained = Math.max(1 - misfit / ref, varianceExplained);
  return { model, inlierShare: last.inlierShare, confidence: Math.max(0, explained * conditioning * last.inlierShare) };
}

/** Level-0 pixels the dense fit leaves out (1 = ignore; row-major, `w` wide): content already known to move otherwise. */
export interface LevelMask {
  mask: Uint8Array;
  w: number;
}

/** The frames warped by the dense model must correlate at least this much (0–1): structure that persists, not pixel noise. */
export const DENSE_MIN_CORRELATION = 0.3;
/** Pyramid level on which the dense fit's residuals are judged. */
const DENSE_CHECK_LEVEL = 1;
/** √(weakest / strongest eigenvalue) of the normalised dense normal matrix at which its conditioning counts as full (confidence factor 1). */
export const DENSE_FULL_CONDITIONING = 0.15;
/** Gauss–Newton iterations per pyramid level of the dense fit. */
const DENSE_ITERATIONS = 10;

/** One Gauss–Newton step's result (denseStep). */
export interface DenseStep {
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

/**
 * Reused per-pixel buffers of denseStep: the residual (NaN outside; Float32, as the weights have always read it), the
 * sum of the two samples (for the gain term) and every fourth |residual| (for the robust scale), the last two Float64:
 * the doubles the samples gave, unchanged.
 */
const denseRes = { res: new Float32Array(0), sum: new Float64Array(0), abs: new Float64Array(0) };

/** One Gauss–Newton step of the dense similarity fit on one level (s = level px per level-0 px); exported for its test against the plain version. */
export function denseStep(P: GrayLevel, C: GrayLevel, s: number, cx: number, cy: number, R: number, p: number[], ignore?: LevelMask): DenseStep | null {
  const a = p[0]! / R;
  const b = p[1]! / R;
  const tx = p[2]!;
  const ty = p[3]!;
  const n = P.w * P.h;
  if (denseRes.res.length < n) {
    denseRes.res = new Float32Array(n);
    denseRes.sum = new Float64Array(n);
    denseRes.abs = new Float64Array((n >> 2) + 1);
  }
  const { res, sum, abs } = denseRes;
  // The bilinear samples below are sampleBilinear's (gray-pyramid.ts) written out in the loops: the same clamping,
  // indices and arithmetic, so the same doubles. Called, they were not inlined (the loops exceed V8's
  // inlining budget), and every double passed to or returned from a call is a heap number: ~1.3 MB of garbage a step
  // on a 160×90 level, ~3 MB a frame, whose scavenges grew the analysis worker's young generation with the file's
  // length (issue 18, docs/extraction.md "The camera fit's garbage").
  const Pd = P.data;
  const Cd = C.data;
  const pw = P.w;
  const ph = P.h;
  const cw = C.w;
  const ch = C.h;
  const mask = ignore?.mask;
  const maskW = ignore?.w ?? 0;
  // pass 1: residuals (NaN where the warped pixel leaves the frame), for the robust scale
  let m = 0;
  let na = 0;
  for (let y = 1; y < ph - 1; y++) {
    for (let x = 1; x < pw - 1; x++) {
      const k = y * pw + x;
      const xc = (x + 0.5) / s - cx;
      const yc = (y + 0.5) / s - cy;
      // symmetric: (x, y) is the midpoint, prev is read half a displacement back and cur half forward, so both go
      // through the same bilinear smoothing (else the fit drifts to fractional shifts that smooth away pixel noise)
      const hx = 0.5 * (a * xc - b * yc + tx) * s;
      const hy = 0.5 * (b * xc + a * yc + ty) * s;
      // (the mask: the level-0 pixel under level-s pixel (x, y))
      if (x - Math.abs(hx) < 0 || y - Math.abs(hy) < 0 || x + Math.abs(hx) > pw - 1 || y + Math.abs(hy) > ph - 1 || (mask !== undefined && mask[((y + 0.5) / s | 0) * maskW + ((x + 0.5) / s | 0)] === 1)) {
        res[k] = NaN;
        continue;
      }
      // cv = sampleBilinear(C.data, C.w, C.h, x + hx, y + hy)
      let qx = x + hx;
      let qy = y + hy;
      if (qx < 0) qx = 0;
      else if (qx > cw - 1) qx = cw - 1;
      if (qy < 0) qy = 0;
      else if (qy > ch - 1) qy = ch - 1;
      let x0 = qx | 0;
      let y0 = qy | 0;
      let x1 = x0 < cw - 1 ? x0 + 1 : x0;
      let y1 = y0 < ch - 1 ? y0 + 1 : y0;
      let fx = qx - x0;
      let fy = qy - y0;
      let r0 = y0 * cw;
      let r1 = y1 * cw;
      let top = Cd[r0 + x0]! + (Cd[r0 + x1]! - Cd[r0 + x0]!) * fx;
      let bot = Cd[r1 + x0]! + (Cd[r1 + x1]! - Cd[r1 + x0]!) * fx;
      const cv = top + (bot - top) * fy;
      // pv = sampleBilinear(P.data, P.w, P.h, x - hx, y - hy)
      qx = x - hx;
      qy = y - hy;
      if (qx < 0) qx = 0;
      else if (qx > pw - 1) qx = pw - 1;
      if (qy < 0) qy = 0;
      else if (qy > ph - 1) qy = ph - 1;
      x0 = qx | 0;
      y0 = qy | 0;
      x1 = x0 < pw - 1 ? x0 + 1 : x0;
      y1 = y0 < ph - 1 ? y0 + 1 : y0;
      fx = qx - x0;
      fy = qy - y0;
      r0 = y0 * pw;
      r1 = y1 * pw;
      top = Pd[r0 + x0]! + (Pd[r0 + x1]! - Pd[r0 + x0]!) * fx;
      bot = Pd[r1 + x0]! + (Pd[r1 + x1]! - Pd[r1 + x0]!) * fx;
      const pv = top + (bot - top) * fy;
      const r = cv - pv;
      res[k] = r;
      // the gain term's sum of both samples, kept rather than sampled again in pass 2 (the same doubles)
      sum[k] = pv + cv;
      if ((m++ & 3) === 0) abs[na++] = Math.abs(r);
    }
  }
  if (m < 16) return null;
  // the median |residual|: a numeric typed-array sort orders these finite, non-negative values as the comparator did
  const sorted = abs.subarray(0, na).sort();
  // Tukey scale: 4.685 × the robust σ (1.4826 × MAD), floored at 2 luma levels so noise-level residuals keep full weight
  const c = Math.max(2, 4.685 * 1.4826 * sorted[na >> 1]!);
  // unknowns: the four motion parameters and two photometric ones (offset, gain), which are eliminated below
  // the normal equations' 21 distinct sums and 6 gradient sums in locals (in a typed array each update is a load and a store)
  let h00 = 0, h01 = 0, h02 = 0, h03 = 0, h04 = 0, h05 = 0, h11 = 0, h12 = 0, h13 = 0, h14 = 0, h15 = 0, h22 = 0, h23 = 0, h24 = 0, h25 = 0, h33 = 0, h34 = 0, h35 = 0, h44 = 0, h45 = 0, h55 = 0;
  let g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0;
  const Pgx = P.gx;
  const Pgy = P.gy;
  const Cgx = C.gx;
  const Cgy = C.gy;
  let used = 0;
  let kept = 0;
  let sw = 0;
  let swr2 = 0;
  for (let y = 1; y < ph - 1; y++) {
    for (let x = 1; x < pw - 1; x++) {
      const k = y * pw + x;
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
      // gradient per level-0 px, the mean of both frames' at their sample points (gx and gy of a frame share a point):
      // prev's gx and gy at (x − hx, y − hy), as sampleBilinear samples each
      let qx = x - hx;
      let qy = y - hy;
      if (qx < 0) qx = 0;
      else if (qx > pw - 1) qx = pw - 1;
      if (qy < 0) qy = 0;
      else if (qy > ph - 1) qy = ph - 1;
      let x0 = qx | 0;
      let y0 = qy | 0;
      let x1 = x0 < pw - 1 ? x0 + 1 : x0;
      let y1 = y0 < ph - 1 ? y0 + 1 : y0;
      let fx = qx - x0;
      let fy = qy - y0;
      let i00 = y0 * pw + x0;
      let i01 = y0 * pw + x1;
      let i10 = y1 * pw + x0;
      let i11 = y1 * pw + x1;
      let top = Pgx[i00]! + (Pgx[i01]! - Pgx[i00]!) * fx;
      let bot = Pgx[i10]! + (Pgx[i11]! - Pgx[i10]!) * fx;
      const pgx = top + (bot - top) * fy;
      top = Pgy[i00]! + (Pgy[i01]! - Pgy[i00]!) * fx;
      bot = Pgy[i10]! + (Pgy[i11]! - Pgy[i10]!) * fx;
      const pgy = top + (bot - top) * fy;
      // cur's at (x + hx, y + hy)
      qx = x + hx;
      qy = y + hy;
      if (qx < 0) qx = 0;
      else if (qx > cw - 1) qx = cw - 1;
      if (qy < 0) qy = 0;
      else if (qy > ch - 1) qy = ch - 1;
      x0 = qx | 0;
      y0 = qy | 0;
      x1 = x0 < cw - 1 ? x0 + 1 : x0;
      y1 = y0 < ch - 1 ? y0 + 1 : y0;
      fx = qx - x0;
      fy = qy - y0;
      i00 = y0 * cw + x0;
      i01 = y0 * cw + x1;
      i10 = y1 * cw + x0;
      i11 = y1 * cw + x1;
      top = Cgx[i00]! + (Cgx[i01]! - Cgx[i00]!) * fx;
      bot = Cgx[i10]! + (Cgx[i11]! - Cgx[i10]!) * fx;
      const cgx = top + (bot - top) * fy;
      top = Cgy[i00]! + (Cgy[i01]! - Cgy[i00]!) * fx;
      bot = Cgy[i10]! + (Cgy[i11]! - Cgy[i10]!) * fx;
      const cgy = top + (bot - top) * fy;
      const gx = 0.5 * (pgx + cgx) * s;
      const gy = 0.5 * (pgy + cgy) * s;
      // the Jacobian row: the four motion parameters, then a brightness offset (luma) and gain (per 64 luma levels
      // about mid-gray) of cur against prev
      const j0 = (gx * xc + gy * yc) / R;
      const j1 = (gy * xc - gx * yc) / R;
      const j2 = gx;
      const j3 = gy;
      const j4 = -1;
      const j5 = -(0.5 * sum[k]! - 128) / 64;
      // w·Jᵢ·Jⱼ evaluates left to right, so (w·Jᵢ) once per row gives the same doubles
      const w0 = w * j0;
      const w1 = w * j1;
      const w2 = w * j2;
      const w3 = w * j3;
      const w4 = w * j4;
      const w5 = w * j5;
      g0 += w0 * r;
      h00 += w0 * j0;
      h01 += w0 * j1;
      h02 += w0 * j2;
      h03 += w0 * j3;
      h04 += w0 * j4;
      h05 += w0 * j5;
      g1 += w1 * r;
      h11 += w1 * j1;
      h12 += w1 * j2;
      h13 += w1 * j3;
      h14 += w1 * j4;
      h15 += w1 * j5;
      g2 += w2 * r;
      h22 += w2 * j2;
      h23 += w2 * j3;
      h24 += w2 * j4;
      h25 += w2 * j5;
      g3 += w3 * r;
      h33 += w3 * j3;
      h34 += w3 * j4;
      h35 += w3 * j5;
      g4 += w4 * r;
      h44 += w4 * j4;
      h45 += w4 * j5;
      g5 += w5 * r;
      h55 += w5 * j5;
    }
  }
  const H = Float64Array.of(h00, h01, h02, h03, h04, h05, h01, h11, h12, h13, h14, h15, h02, h12, h22, h23, h24, h25, h03, h13, h23, h33, h34, h35, h04, h14, h24, h34, h44, h45, h05, h15, h25, h35, h45, h55);
  const g = Float64Array.of(g0, g1, g2, g3, g4, g5);
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
 * RMS gradient magnitude (luma per level-0 px); exported for its test against the plain version.
 */
export function denseResidual(P: GrayLevel, C: GrayLevel, s: number, cx: number, cy: number, m: Similarity, ignore?: LevelMask): { rms: number; noise: number; gradRms: number; correlation: number } {
  let se = 0;
  let sc = 0, sp = 0, scc = 0, spp = 0, scp = 0;
  let sg = 0;
  let cnt = 0;
  let sd = 0;
  let nd = 0;
  const Pd = P.data;
  const Cd = C.data;
  const pw = P.w;
  const ph = P.h;
  const cw = C.w;
  const ch = C.h;
  const mask = ignore?.mask;
  const maskW = ignore?.w ?? 0;
  for (let y = 1; y < ph - 1; y++) {
    let rb = NaN; // residual two pixels back
    let ra = NaN;
    for (let x = 1; x < pw - 1; x++) {
      const xc = (x + 0.5) / s - cx;
      const yc = (y + 0.5) / s - cy;
      const hx = 0.5 * (m.a * xc - m.b * yc + m.tx) * s;
      const hy = 0.5 * (m.b * xc + m.a * yc + m.ty) * s;
      let r = NaN;
      if (x - Math.abs(hx) >= 0 && y - Math.abs(hy) >= 0 && x + Math.abs(hx) <= pw - 1 && y + Math.abs(hy) <= ph - 1 && !(mask !== undefined && mask[((y + 0.5) / s | 0) * maskW + ((x + 0.5) / s | 0)] === 1)) {
        const k = y * pw + x;
        // cv = sampleBilinear(C.data, C.w, C.h, x + hx, y + hy), written out as in denseStep (no heap numbers)
        let qx = x + hx;
        let qy = y + hy;
        if (qx < 0) qx = 0;
        else if (qx > cw - 1) qx = cw - 1;
        if (qy < 0) qy = 0;
        else if (qy > ch - 1) qy = ch - 1;
        let x0 = qx | 0;
        let y0 = qy | 0;
        let x1 = x0 < cw - 1 ? x0 + 1 : x0;
        let y1 = y0 < ch - 1 ? y0 + 1 : y0;
        let fx = qx - x0;
        let fy = qy - y0;
        let r0 = y0 * cw;
        let r1 = y1 * cw;
        let top = Cd[r0 + x0]! + (Cd[r0 + x1]! - Cd[r0 + x0]!) * fx;
        let bot = Cd[r1 + x0]! + (Cd[r1 + x1]! - Cd[r1 + x0]!) * fx;
        const cv = top + (bot - top) * fy;
        // pv = sampleBilinear(P.data, P.w, P.h, x - hx, y - hy)
        qx = x - hx;
        qy = y - hy;
        if (qx < 0) qx = 0;
        else if (qx > pw - 1) qx = pw - 1;
        if (qy < 0) qy = 0;
        else if (qy > ph - 1) qy = ph - 1;
        x0 = qx | 0;
        y0 = qy | 0;
        x1 = x0 < pw - 1 ? x0 + 1 : x0;
        y1 = y0 < ph - 1 ? y0 + 1 : y0;
        fx = qx - x0;
        fy = qy - y0;
        r0 = y0 * pw;
        r1 = y1 * pw;
        top = Pd[r0 + x0]! + (Pd[r0 + x1]! - Pd[r0 + x0]!) * fx;
        bot = Pd[r1 + x0]! + (Pd[r1 + x1]! - Pd[r1 + x0]!) * fx;
        const pv = top + (bot - top) * fy;
        r = cv - pv;
        se += r * r;
        sc += cv;
        sp += pv;
        scc += cv * cv;
        spp += pv * pv;
        scp += cv * pv;
        sg += P.gx[k]! ** 2 + P.gy[k]! ** 2;
        cnt++;
        if (!Number.isNaN(rb)) {
          sd += (r - rb) ** 2;
          nd++;
        }
      }
      rb = ra;
      ra = r;
    }
  }
  if (!cnt) return { rms: 0, noise: 0, gradRms: 0, correlation: 0 };
  const vc = scc - (sc * sc) / cnt;
  const vp = spp - (sp * sp) / cnt;
  const correlation = vc > 0 && vp > 0 ? (scp - (sc * sp) / cnt) / Math.sqrt(vc * vp) : 0;
  // gradients per level px → per level-0 px
  return { correlation, rms: Math.sqrt(se / cnt), noise: nd ? Math.min(Math.sqrt(se / cnt), Math.sqrt(sd / nd / 2)) : 0, gradRms: Math.sqrt(sg / cnt) * s };
}
