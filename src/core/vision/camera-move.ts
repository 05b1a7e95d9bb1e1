// FOUNDATION §3.4: the global (camera) motion between consecutive frames — a robust similarity fit (translation,
// scale, rotation about the frame centre) to local motion vectors measured by pyramidal Lucas–Kanade on a grid of
// textured points, so that content moving inside a static shot is left out as outliers.
import type { CameraReport } from '../report/analysis.ts';
import { CAMERA_THRESHOLDS, classifyCameraMove } from '../vocab/camera.ts';
import { sampleBilinear, type GrayLevel, type GrayPyramid } from './gray-pyramid.ts';

/** Grid spacing of the tracked points, in level-0 pixels. */
export const GRID_STEP = 8;
/** Half-size of the Lucas–Kanade patch (9×9), in pixels of each level. */
export const PATCH_RADIUS = 4;
/** Minimum structure-tensor eigenvalue per patch pixel ((luma/px)²) for a point to count as textured. */
export const MIN_TEXTURE = 4;
/** A point whose zero-mean patch error stays above this (luma units, 0–255) after tracking is dropped as lost. */
export const MAX_TRACK_ERROR = 12;
/** Consensus residual of the robust fit, level-0 pixels: points further from the model are outliers (moving content). */
export const INLIER_PX = 0.35;
/** Moving content counts when its outliers are at least this share of the tracked points (and at least 3 points). */
export const MIN_MOVING_SHARE = 0.04;

/** A similarity transform about the frame centre, level-0 pixels: x' = x + a·x − b·y + tx, y' = y + b·x + a·y + ty. */
export interface Similarity {
  a: number;
  b: number;
  tx: number;
  ty: number;
}

/** The global motion from one frame to the next, in original-frame pixels per frame unless stated. */
export interface GlobalMotion {
  /** Translation of the frame centre (x right, y down), original pixels per frame. */
  tx: number;
  ty: number;
  /** ln(scale) per frame (> 0 content grows). */
  zoom: number;
  /** Degrees per frame, > 0 content turns clockwise on screen (y points down). */
  roll: number;
  /** Share of tracked points that follow the model, 0–1. */
  inlierRatio: number;
  /** inlierRatio × texture coverage, 0–1; 0 when the motion could not be measured. */
  confidence: number;
  /** Mean |model displacement| over the whole grid (content everywhere), original pixels per frame. */
  globalSpeed: number;
  /** Share of tracked points moving against the model (0–1) and their median on-screen speed (original px/frame). */
  movingShare: number;
  movingSpeed: number;
  /** Mean |cur − prev warped by the model| on pyramid level 1, 0–1 (content change the camera does not explain). */
  residual: number;
  /** 1 − the normalised cross-correlation of cur and prev warped by the model, on level 1 (0–2): the same, but blind to gain and offset (fades, exposure). */
  decorrelation: number;
  /** The model in level-0 pixels, to seed the next pair. */
  model: Similarity;
}

const ZERO: Similarity = { a: 0, b: 0, tx: 0, ty: 0 };

/** Robust similarity fit of the content motion from `prev` to `cur`; `prior` (the last pair's model) seeds the tracker. */
export function estimateGlobalMotion(prev: GrayPyramid, cur: GrayPyramid, prior: Similarity = ZERO): GlobalMotion {
  const seeded = estimateFrom(prev, cur, prior);
  // a prior that no longer holds (the camera stopped, reversed, or jitters) can lead the tracker astray: retry unseeded
  if (seeded.inlierRatio >= RESEED_BELOW || (prior.a === 0 && prior.b === 0 && prior.tx === 0 && prior.ty === 0)) return seeded;
  const plain = estimateFrom(prev, cur, ZERO);
  return plain.inlierRatio > seeded.inlierRatio ? plain : seeded;
}

/** Below this inlier ratio a seeded estimate is retried without the seed. */
export const RESEED_BELOW = 0.8;

function estimateFrom(prev: GrayPyramid, cur: GrayPyramid, prior: Similarity): GlobalMotion {
  const L0 = prev.levels[0]!;
  if (cur.levels.length !== prev.levels.length || cur.levels[0]!.w !== L0.w || cur.levels[0]!.h !== L0.h) {
    throw new TypeError('frames of different sizes');
  }
  const cx = L0.w / 2;
  const cy = L0.h / 2;
  const px: number[] = [];
  const py: number[] = [];
  let gridCount = 0;
  let gridSpeedSum = 0; // for the global speed below
  const gridPts: [number, number][] = [];
  const margin = PATCH_RADIUS + 1;
  for (let y = margin; y < L0.h - margin; y += GRID_STEP) {
    for (let x = margin; x < L0.w - margin; x += GRID_STEP) {
      gridPts.push([x, y]);
      gridCount++;
    }
  }
  const fu: number[] = [];
  const fv: number[] = [];
  let textured = 0;
  for (const [x, y] of gridPts) {
    if (!isTextured(L0, x, y)) continue;
    textured++;
    const gu = prior.a * (x + 0.5 - cx) - prior.b * (y + 0.5 - cy) + prior.tx;
    const gv = prior.b * (x + 0.5 - cx) + prior.a * (y + 0.5 - cy) + prior.ty;
    const flow = trackPoint(prev, cur, x, y, gu, gv);
    // content that leaves the frame cannot be matched reliably (the patch would read clamped borders)
    if (!flow || x + flow[0] < margin || y + flow[1] < margin || x + flow[0] > L0.w - 1 - margin || y + flow[1] > L0.h - 1 - margin) continue;
    px.push(x + 0.5 - cx);
    py.push(y + 0.5 - cy);
    fu.push(flow[0]);
    fv.push(flow[1]);
  }
  const n = px.length;
  const coverage = gridCount ? Math.min(1, textured / (0.25 * gridCount)) : 0;
  // too little point texture (smooth colour fields, low-contrast pixel noise): fit the model to the whole frame instead
  if (n < DENSE_BELOW_SHARE * gridCount) return denseMotion(prev, cur, prior, gridPts);
  const model = robustSimilarity(px, py, fu, fv);
  let inliers = 0;
  const movingFlow: number[] = [];
  for (let k = 0; k < n; k++) {
    const ru = fu[k]! - (model.a * px[k]! - model.b * py[k]! + model.tx);
    const rv = fv[k]! - (model.b * px[k]! + model.a * py[k]! + model.ty);
    if (Math.hypot(ru, rv) < INLIER_PX) inliers++;
    else movingFlow.push(Math.hypot(fu[k]!, fv[k]!));
  }
  for (const [x, y] of gridPts) {
    const xc = x + 0.5 - cx;
    const yc = y + 0.5 - cy;
    gridSpeedSum += Math.hypot(model.a * xc - model.b * yc + model.tx, model.b * xc + model.a * yc + model.ty);
  }
  const f = prev.scale;
  const inlierRatio = inliers / n;
  const movingN = movingFlow.length;
  const movingShare = movingN / n;
  const moving = movingN >= 3 && movingShare >= MIN_MOVING_SHARE;
  // median, not mean: points straddling a moving edge carry a blend of the two motions
  movingFlow.sort((p, q) => p - q);
  return {
    tx: model.tx * f,
    ty: model.ty * f,
    zoom: Math.log(Math.hypot(1 + model.a, model.b)),
    roll: (Math.atan2(model.b, 1 + model.a) * 180) / Math.PI,
    inlierRatio,
    confidence: inlierRatio * coverage,
    globalSpeed: (gridSpeedSum / Math.max(1, gridCount)) * f,
    movingShare: moving ? movingShare : 0,
    movingSpeed: moving ? movingFlow[movingN >> 1]! * f : 0,
    ...warpResidual(prev, cur, model),
    model,
  };
}

function still(prev: GrayPyramid, cur: GrayPyramid): GlobalMotion {
  return { tx: 0, ty: 0, zoom: 0, roll: 0, inlierRatio: 0, confidence: 0, globalSpeed: 0, movingShare: 0, movingSpeed: 0, ...warpResidual(prev, cur, ZERO), model: ZERO };
}

/** Fewer tracked points than this share of the grid ⇒ the camera is measured by the dense whole-frame fit instead. */
export const DENSE_BELOW_SHARE = 0.05;
/** The dense fit is kept only when its residual less pixel noise is at most this share of max(unwarped residual less noise, 1-px misregistration residual). */
export const DENSE_MAX_RESIDUAL_SHARE = 0.5;
/** Eigen-directions of the (scale-normalised) dense normal matrix weaker than this share of the strongest are left unchanged (aperture). */
export const DENSE_MIN_EIGEN_SHARE = 1e-3;

/**
 * Dense (global) Lucas–Kanade: the similarity that best warps `prev` onto `cur` over every pixel, coarse to fine
 * (Gauss–Newton, gradients averaged over both frames, Tukey-weighted residuals so moving content counts less).
 * It needs no point texture, only gradients in more than one direction over the frame. Directions the frame cannot
 * observe (a ramp moved along its iso-lines) stay at the prior. Returns the pair's motion, or `still` when the fit
 * does not explain the change (a fade, a cut) or the frame has no gradients.
 */
function denseMotion(prev: GrayPyramid, cur: GrayPyramid, prior: Similarity, gridPts: [number, number][]): GlobalMotion {
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
  if (!last || !(last.sigma2 > 0)) return still(prev, cur);
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
  if (!(ref > 1e-6) || misfit > DENSE_MAX_RESIDUAL_SHARE * ref || last.eigMax <= 0 || e1.correlation < DENSE_MIN_CORRELATION) return still(prev, cur);
  // conditioning: the weakest observable direction against the strongest (1 for an isotropic field, 0 for a ramp)
  const conditioning = Math.min(1, Math.sqrt(last.eigMin / last.eigMax) / DENSE_FULL_CONDITIONING);
  const explained = 1 - misfit / ref;
  let gridSpeedSum = 0;
  for (const [x, y] of gridPts) {
    const xc = x + 0.5 - cx;
    const yc = y + 0.5 - cy;
    gridSpeedSum += Math.hypot(model.a * xc - model.b * yc + model.tx, model.b * xc + model.a * yc + model.ty);
  }
  const f = prev.scale;
  return {
    tx: model.tx * f,
    ty: model.ty * f,
    zoom: Math.log(Math.hypot(1 + model.a, model.b)),
    roll: (Math.atan2(model.b, 1 + model.a) * 180) / Math.PI,
    inlierRatio: last.inlierShare,
    confidence: Math.max(0, explained * conditioning * last.inlierShare),
    globalSpeed: (gridSpeedSum / Math.max(1, gridPts.length)) * f,
    movingShare: 0,
    movingSpeed: 0,
    ...warpResidual(prev, cur, model),
    model,
  };
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

/** Eigenvalues and column eigenvectors (row-major 4×4) of a symmetric 4×4 matrix, by cyclic Jacobi rotations. */
function symmetricEigen4(M: Float64Array): { values: number[]; vectors: Float64Array } {
  const A = Float64Array.from(M);
  const V = new Float64Array(16);
  for (let i = 0; i < 4; i++) V[i * 4 + i] = 1;
  for (let sweep = 0; sweep < 30; sweep++) {
    let off = 0;
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) off += A[i * 4 + j]! ** 2;
    if (off < 1e-22 * (A[0]! ** 2 + A[5]! ** 2 + A[10]! ** 2 + A[15]! ** 2 + 1e-300)) break;
    for (let i = 0; i < 3; i++) {
      for (let j = i + 1; j < 4; j++) {
        const aij = A[i * 4 + j]!;
        if (aij === 0) continue;
        const theta = (A[j * 4 + j]! - A[i * 4 + i]!) / (2 * aij);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < 4; k++) {
          const aki = A[k * 4 + i]!;
          const akj = A[k * 4 + j]!;
          A[k * 4 + i] = c * aki - sn * akj;
          A[k * 4 + j] = sn * aki + c * akj;
        }
        for (let k = 0; k < 4; k++) {
          const aik = A[i * 4 + k]!;
          const ajk = A[j * 4 + k]!;
          A[i * 4 + k] = c * aik - sn * ajk;
          A[j * 4 + k] = sn * aik + c * ajk;
        }
        for (let k = 0; k < 4; k++) {
          const vki = V[k * 4 + i]!;
          const vkj = V[k * 4 + j]!;
          V[k * 4 + i] = c * vki - sn * vkj;
          V[k * 4 + j] = sn * vki + c * vkj;
        }
      }
    }
  }
  return { values: [A[0]!, A[5]!, A[10]!, A[15]!], vectors: V };
}

function isTextured(L: { w: number; gx: Float32Array; gy: Float32Array }, x: number, y: number): boolean {
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  const R = PATCH_RADIUS;
  for (let oy = -R; oy <= R; oy++) {
    const r = (y + oy) * L.w;
    for (let ox = -R; ox <= R; ox++) {
      const gx = L.gx[r + x + ox]!;
      const gy = L.gy[r + x + ox]!;
      sxx += gx * gx;
      sxy += gx * gy;
      syy += gy * gy;
    }
  }
  const tr = sxx + syy;
  const minEig = tr / 2 - Math.sqrt(Math.max(0, (tr * tr) / 4 - (sxx * syy - sxy * sxy)));
  return minEig / ((2 * R + 1) * (2 * R + 1)) >= MIN_TEXTURE;
}

const PATCH = (2 * PATCH_RADIUS + 1) * (2 * PATCH_RADIUS + 1);
const bufI = new Float32Array(PATCH);
const bufX = new Float32Array(PATCH);
const bufY = new Float32Array(PATCH);

/** Pyramidal LK (Bouguet) with zero-mean patches (robust to brightness drift); flow in level-0 px or null when lost. */
function trackPoint(prev: GrayPyramid, cur: GrayPyramid, x0: number, y0: number, gu0: number, gv0: number): [number, number] | null {
  const top = prev.levels.length - 1;
  let gu = gu0 / (1 << top);
  let gv = gv0 / (1 << top);
  let err = 0;
  for (let l = top; l >= 0; l--) {
    const P = prev.levels[l]!;
    const C = cur.levels[l]!;
    const s = 1 / (1 << l);
    // pixel-centre coordinates: level-0 pixel x covers level-l position (x + 0.5)·s − 0.5
    const x = (x0 + 0.5) * s - 0.5;
    const y = (y0 + 0.5) * s - 0.5;
    samplePatch(P.data, P.w, P.h, x, y, bufI);
    samplePatch(P.gx, P.w, P.h, x, y, bufX);
    samplePatch(P.gy, P.w, P.h, x, y, bufY);
    let sxx = 0;
    let sxy = 0;
    let syy = 0;
    let mI = 0;
    for (let k = 0; k < PATCH; k++) {
      const gx = bufX[k]!;
      const gy = bufY[k]!;
      mI += bufI[k]!;
      sxx += gx * gx;
      sxy += gx * gy;
      syy += gy * gy;
    }
    mI /= PATCH;
    const det = sxx * syy - sxy * sxy;
    if (det < 1e-6 * (sxx + syy + 1e-9) ** 2 || sxx + syy < 1e-6) {
      if (l === 0) return null;
      gu *= 2;
      gv *= 2;
      continue;
    }
    for (let it = 0; it < 8; it++) {
      const J = bufJ;
      samplePatch(C.data, C.w, C.h, x + gu, y + gv, J);
      let mJ = 0;
      for (let k = 0; k < PATCH; k++) mJ += J[k]!;
      mJ /= PATCH;
      let bx = 0;
      let by = 0;
      err = 0;
      for (let k = 0; k < PATCH; k++) {
        const d = bufI[k]! - mI - (J[k]! - mJ);
        bx += d * bufX[k]!;
        by += d * bufY[k]!;
        err += Math.abs(d);
      }
      err /= PATCH;
      const du = (syy * bx - sxy * by) / det;
      const dv = (sxx * by - sxy * bx) / det;
      gu += du;
      gv += dv;
      if (du * du + dv * dv < 1e-4) break;
    }
    if (l > 0) {
      gu *= 2;
      gv *= 2;
    }
  }
  if (err > MAX_TRACK_ERROR || !Number.isFinite(gu) || !Number.isFinite(gv)) return null;
  return [gu, gv];
}
const bufJ = new Float32Array(PATCH);

/**
 * The (2R+1)² patch centred at fractional (x, y), bilinear. Inside the image the four weights are the same for every
 * sample (integer offsets from one fractional base), so the interior path is a plain weighted sum; near the border
 * each sample is clamped.
 */
function samplePatch(a: Float32Array, w: number, h: number, x: number, y: number, out: Float32Array): void {
  const R = PATCH_RADIUS;
  const bx = x - R;
  const by = y - R;
  const x0 = Math.floor(bx);
  const y0 = Math.floor(by);
  const n = 2 * R + 1;
  if (x0 >= 0 && y0 >= 0 && x0 + n < w && y0 + n < h) {
    const fx = bx - x0;
    const fy = by - y0;
    const w00 = (1 - fx) * (1 - fy);
    const w01 = fx * (1 - fy);
    const w10 = (1 - fx) * fy;
    const w11 = fx * fy;
    let k = 0;
    for (let oy = 0; oy < n; oy++) {
      const r0 = (y0 + oy) * w + x0;
      const r1 = r0 + w;
      for (let ox = 0; ox < n; ox++, k++) out[k] = w00 * a[r0 + ox]! + w01 * a[r0 + ox + 1]! + w10 * a[r1 + ox]! + w11 * a[r1 + ox + 1]!;
    }
    return;
  }
  let k = 0;
  for (let oy = -R; oy <= R; oy++) for (let ox = -R; ox <= R; ox++, k++) out[k] = sampleBilinear(a, w, h, x + ox, y + oy);
}

/** Least-squares similarity from points (weights w, or all 1). */
function fitSimilarity(px: number[], py: number[], fu: number[], fv: number[], w: number[] | null): Similarity | null {
  // unknowns (a, b, tx, ty); rows: u = a x − b y + tx, v = b x + a y + ty
  let sw = 0;
  let sx = 0;
  let sy = 0;
  let sr2 = 0;
  let su = 0;
  let sv = 0;
  let sa = 0; // Σ w (x u + y v)
  let sb = 0; // Σ w (x v − y u)
  for (let k = 0; k < px.length; k++) {
    const wk = w ? w[k]! : 1;
    if (wk <= 0) continue;
    const x = px[k]!;
    const y = py[k]!;
    sw += wk;
    sx += wk * x;
    sy += wk * y;
    sr2 += wk * (x * x + y * y);
    su += wk * fu[k]!;
    sv += wk * fv[k]!;
    sa += wk * (x * fu[k]! + y * fv[k]!);
    sb += wk * (x * fv[k]! - y * fu[k]!);
  }
  if (sw <= 0) return null;
  // centre on the weighted mean, solve, shift back
  const mx = sx / sw;
  const my = sy / sw;
  const mu = su / sw;
  const mv = sv / sw;
  const r2 = sr2 - sw * (mx * mx + my * my);
  if (r2 < 1e-9) return { a: 0, b: 0, tx: mu, ty: mv };
  const a = (sa - sw * (mx * mu + my * mv)) / r2;
  const b = (sb - sw * (mx * mv - my * mu)) / r2;
  return { a, b, tx: mu - (a * mx - b * my), ty: mv - (b * mx + a * my) };
}

function residuals(m: Similarity, px: number[], py: number[], fu: number[], fv: number[]): number[] {
  const r: number[] = new Array(px.length);
  for (let k = 0; k < px.length; k++) {
    r[k] = Math.hypot(fu[k]! - (m.a * px[k]! - m.b * py[k]! + m.tx), fv[k]! - (m.b * px[k]! + m.a * py[k]! + m.ty));
  }
  return r;
}

/** RANSAC on point pairs (deterministic LCG), then Tukey-weighted IRLS. */
function robustSimilarity(px: number[], py: number[], fu: number[], fv: number[]): Similarity {
  const n = px.length;
  let seed = 0x2545f491;
  const rnd = (m: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % m;
  };
  let best = fitSimilarity(px, py, fu, fv, null)!;
  let bestScore = score(best);
  function score(m: Similarity): number {
    let s = 0;
    for (const r of residuals(m, px, py, fu, fv)) s += r < INLIER_PX ? 1 - (r / INLIER_PX) ** 2 : 0;
    return s;
  }
  // the pure translation of each point is a candidate too (most shots translate), plus random pairs
  for (let it = 0; it < 60; it++) {
    const i = rnd(n);
    let m: Similarity | null;
    if (it < 20) m = { a: 0, b: 0, tx: fu[i]!, ty: fv[i]! };
    else {
      const j = rnd(n);
      if (i === j || Math.hypot(px[i]! - px[j]!, py[i]! - py[j]!) < 3 * GRID_STEP) continue;
      m = fitSimilarity([px[i]!, px[j]!], [py[i]!, py[j]!], [fu[i]!, fu[j]!], [fv[i]!, fv[j]!], null);
    }
    if (!m) continue;
    const s = score(m);
    if (s > bestScore) {
      bestScore = s;
      best = m;
    }
  }
  // IRLS: Tukey biweight with a scale from the inliers' residuals, never below the consensus radius
  let m = best;
  for (let it = 0; it < 6; it++) {
    const r = residuals(m, px, py, fu, fv);
    const sorted = r.filter((v) => v < 3 * INLIER_PX).sort((p, q) => p - q);
    const med = sorted.length ? sorted[sorted.length >> 1]! : INLIER_PX;
    const c = Math.max(INLIER_PX, 4.685 * 1.4826 * med);
    const w = r.map((v) => (v < c ? (1 - (v / c) ** 2) ** 2 : 0));
    const next = fitSimilarity(px, py, fu, fv, w);
    if (!next) break;
    m = next;
  }
  return m;
}

/** Mean |cur − warp(prev)| / 255 and 1 − NCC on level 1 (or 0), where the warped source falls inside the frame. */
function warpResidual(prev: GrayPyramid, cur: GrayPyramid, m: Similarity): { residual: number; decorrelation: number } {
  const l = Math.min(1, prev.levels.length - 1);
  const P = prev.levels[l]!;
  const C = cur.levels[l]!;
  const s = 1 / (1 << l);
  const cx = prev.levels[0]!.w / 2;
  const cy = prev.levels[0]!.h / 2;
  // inverse of q = c + A(p − c) + t, in level-0 units
  const A11 = 1 + m.a;
  const A21 = m.b;
  const det = A11 * A11 + A21 * A21;
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

/** One frame pair's motion as kept for the window: the global motion, or null for pairs across a cut or flash. */
export type PairMotion = Pick<GlobalMotion, 'tx' | 'ty' | 'zoom' | 'roll' | 'confidence'>;

/** Shake: translations reverse direction in at least this share of consecutive pairs … */
export const SHAKE_MIN_REVERSALS = 0.35;
/** … the per-pair translation speed's spread (RMS about the mean) is at least this many translation thresholds … */
export const SHAKE_MIN_JITTER = 3;
/** … and the net translation is below the threshold or below this share of the jitter. */
export const SHAKE_NET_SHARE = 0.25;

/**
 * The window's camera report from its frame pairs' motion (pairs across cuts and flashes left out): means of the
 * raw numbers in FOUNDATION units (diagonals/s, ln-scale/s, °/s), the move by classifyCameraMove, or `shake` by the
 * rule above; confidence = mean pair confidence.
 */
export function summarizeCamera(pairs: PairMotion[], fps: number, diagonal: number): CameraReport {
  const n = pairs.length;
  if (n === 0) return { move: 'static', dx: 0, dy: 0, zoom: 0, roll: 0, confidence: 0 };
  let tx = 0;
  let ty = 0;
  let zoom = 0;
  let roll = 0;
  let conf = 0;
  for (const p of pairs) {
    tx += p.tx;
    ty += p.ty;
    zoom += p.zoom;
    roll += p.roll;
    conf += p.confidence;
  }
  const k = fps / n;
  const raw = { dx: (tx * k) / diagonal, dy: (ty * k) / diagonal, zoom: zoom * k, roll: roll * k };
  let move = classifyCameraMove(raw);
  // shake: frame-to-frame translation reversals with a jitter much larger than the net move
  const mtx = tx / n;
  const mty = ty / n;
  let jit = 0;
  let reversals = 0;
  for (let i = 0; i < n; i++) {
    const p = pairs[i]!;
    jit += (p.tx - mtx) ** 2 + (p.ty - mty) ** 2;
    if (i > 0) {
      const q = pairs[i - 1]!;
      if (p.tx * q.tx + p.ty * q.ty < 0) reversals++;
    }
  }
  const jitter = (Math.sqrt(jit / n) * fps) / diagonal; // diagonals/s
  const net = Math.hypot(raw.dx, raw.dy);
  const T = CAMERA_THRESHOLDS;
  const otherMove = Math.abs(raw.zoom) > T.zoom || Math.abs(raw.roll) > T.roll;
  if (
    n >= 3 &&
    !otherMove &&
    reversals / (n - 1) >= SHAKE_MIN_REVERSALS &&
    jitter >= SHAKE_MIN_JITTER * T.translation &&
    (net < T.translation || net < SHAKE_NET_SHARE * jitter)
  ) {
    move = 'shake';
  }
  return { move, dx: raw.dx, dy: raw.dy, zoom: raw.zoom, roll: raw.roll, confidence: conf / n };
}
