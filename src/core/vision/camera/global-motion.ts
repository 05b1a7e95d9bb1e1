// FOUNDATION §3.4: the global (camera) motion between consecutive frames — a robust similarity fit (translation,
// scale, rotation about the frame centre) to local motion vectors measured by pyramidal Lucas–Kanade on a grid of
// textured points, so that content moving inside a static shot is left out as outliers; frames with too little point
// texture fall back to the dense whole-frame fit, and points bunched in a small part of the frame (a textured subject
// over a smooth scene) are checked against the dense fit of the rest of the frame.
import type { GrayPyramid } from '../gray-pyramid.ts';
import { denseFit, type LevelMask } from './dense-fit.ts';
import { INLIER_PX, robustSimilarity, ZERO_SIMILARITY as ZERO, type Similarity } from './similarity-fit.ts';
import { GRID_STEP, isTextured, PATCH_RADIUS, trackPoint } from './tracking.ts';
import { medianResidual, warpResidual } from './warp-residual.ts';
import { hypot2 } from '../hypot.ts';

/** Moving content counts when its outliers are at least this share of the tracked points (and at least 3 points). */
export const MIN_MOVING_SHARE = 0.04;
/** Fewer tracked points than this share of the grid ⇒ the camera is measured by the dense whole-frame fit instead. */
export const DENSE_BELOW_SHARE = 0.05;

/** The global motion from one frame to the next, in original-frame pixels per frame unless stated. */
export interface GlobalMotion {
  /** Translation of the frame centre (x right, y down), original pixels per frame. */
  tx: number;
  ty: number;
  /** ln(scale) per frame (> 0 content grows). */
  zoom: number;
  /** Degrees per frame, > 0 content turns clockwise on screen (y points down). */
  roll: number;
  /** Share of the tracked points' area votes (areaWeights) that follow the model, 0–1. */
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


/** Robust similarity fit of the content motion from `prev` to `cur`; `prior` (the last pair's model) seeds the tracker. */
export function estimateGlobalMotion(prev: GrayPyramid, cur: GrayPyramid, prior: Similarity = ZERO): GlobalMotion {
  // a prior that no longer holds (the camera stopped, reversed, or jitters) can lead the tracker astray: retry unseeded
  return seededOrRetried(prev, cur, prior, (plain, seeded) => plain.inlierRatio > seeded.inlierRatio);
}

/** The fit seeded by `seed`; when few points follow it (and it was seeded), the unseeded fit instead if `better` says so. */
function seededOrRetried(prev: GrayPyramid, cur: GrayPyramid, seed: Similarity, better: (plain: GlobalMotion, seeded: GlobalMotion) => boolean): GlobalMotion {
  const seeded = estimateFrom(prev, cur, seed);
  if (seeded.inlierRatio >= RESEED_BELOW || (seed.a === 0 && seed.b === 0 && seed.tx === 0 && seed.ty === 0)) return seeded;
  const plain = estimateFrom(prev, cur, ZERO);
  return better(plain, seeded) ? plain : seeded;
}

/**
 * The motion over a whole window (window-span.ts) from `seed`, its measured pairs' models composed. As for a pair, a
 * seeded fit that few points follow is retried unseeded; but here the seed is the pairs' measurement, not a guess
 * carried over from the last pair, so the unseeded fit replaces it only when it explains the change better (a smaller
 * warp residual), not when more points agree with it: over a window a fast move shifts fine texture far beyond a
 * tracker's reach, and the unseeded points then agree on a wrong small motion (a 0.5 diag/s pan over 2-px cells read
 * as zoom_in at confidence 0.99 while every pair read the pan at 0.98–1.0).
 */
export function estimateSpanMotion(prev: GrayPyramid, cur: GrayPyramid, seed: Similarity): GlobalMotion {
  return seededOrRetried(prev, cur, seed, (plain, seeded) => plain.residual < seeded.residual);
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
  if (n < DENSE_BELOW_SHARE * gridCount) {
    const dense = denseFit(prev, cur, prior);
    return dense ? fromModel(prev, cur, dense.model, gridPts, dense.inlierShare, dense.confidence, 0, 0) : still(prev, cur);
  }
  const weights = areaWeights(px, py, L0.w, L0.h);
  const model = robustSimilarity(px, py, fu, fv, weights);
  let inliers = 0;
  let total = 0;
  const movingFlow: number[] = [];
  for (let k = 0; k < n; k++) {
    const ru = fu[k]! - (model.a * px[k]! - model.b * py[k]! + model.tx);
    const rv = fv[k]! - (model.b * px[k]! + model.a * py[k]! + model.ty);
    total += weights[k]!;
    if (hypot2(ru, rv) < INLIER_PX) inliers += weights[k]!;
    else movingFlow.push(hypot2(fu[k]!, fv[k]!));
  }
  // the share of the frame's area (block votes) that follows the model: it falls when the evidence splits
  const inlierRatio = total > 0 ? inliers / total : 0;
  // the points sit in a small part of the frame (a textured subject over a smooth scene): the rest of the frame's
  // gradients speak too, through the dense fit; the model that leaves the smaller median residual over the frame's
  // pixels (the majority of its area) is the camera, and the confidence keeps what the points' area did not agree
  const area = pointBlocks(px, py, gridPts, cx, cy, L0.w, L0.h);
  // (asked only when no motion at all explains the larger part of the frame better than the points' model does)
  const own = area.share < POINTS_MIN_AREA_SHARE ? medianResidual(prev, cur, model) : 0;
  if (area.share < POINTS_MIN_AREA_SHARE && medianResidual(prev, cur, ZERO) < own) {
    const dense = denseFit(prev, cur, prior, area.mask());
    if (dense && medianResidual(prev, cur, dense.model) < own) {
      const split = 1 - area.share * inlierRatio;
      return fromModel(prev, cur, dense.model, gridPts, dense.inlierShare * split, dense.confidence * split, 0, 0);
    }
    // the rest of the frame has no measurable motion of its own: the points' model is the subject's, the camera unmeasured
    if (!dense) return still(prev, cur);
  }
  const movingN = movingFlow.length;
  const movingShare = movingN / n;
  const moving = movingN >= 3 && movingShare >= MIN_MOVING_SHARE;
  // median, not mean: points straddling a moving edge carry a blend of the two motions
  movingFlow.sort((p, q) => p - q);
  return fromModel(prev, cur, model, gridPts, inlierRatio, inlierRatio * coverage, moving ? movingShare : 0, moving ? movingFlow[movingN >> 1]! * prev.scale : 0);
}

/** Tracked points in blocks covering less than this share of the grid's blocks ⇒ the dense fit is asked too. */
export const POINTS_MIN_AREA_SHARE = 0.3;

/**
 * Share of the grid's VOTE_BLOCK_PX blocks that hold a tracked point (points relative to the centre of a w×h level),
 * and a level-0 mask of those blocks (for the dense fit of the rest).
 */
function pointBlocks(px: number[], py: number[], gridPts: [number, number][], cx: number, cy: number, w: number, h: number): { share: number; mask: () => LevelMask } {
  const cols = Math.max(1, Math.ceil(w / VOTE_BLOCK_PX));
  const rows = Math.max(1, Math.ceil(h / VOTE_BLOCK_PX));
  const block = (x: number, y: number) => Math.min(cols - 1, Math.floor(x / VOTE_BLOCK_PX)) + cols * Math.min(rows - 1, Math.floor(y / VOTE_BLOCK_PX));
  const all = new Set(gridPts.map(([x, y]) => block(x, y)));
  const used = new Set(px.map((x, k) => block(x + cx - 0.5, py[k]! + cy - 0.5)));
  // the mask only when asked for (most pairs never need it)
  const mask = (): LevelMask => {
    const m = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (used.has(block(x, y))) m[y * w + x] = 1;
    return { mask: m, w };
  };
  return { share: all.size ? used.size / all.size : 0, mask };
}

/** Side of the blocks that share one vote among their tracked points, in level-0 px (3 × 3 grid points). */
export const VOTE_BLOCK_PX = 3 * GRID_STEP;

/**
 * Each tracked point's weight: 1 / √(points tracked in its VOTE_BLOCK_PX block), so a block's vote grows only as the
 * root of its corner count — a compact textured subject cannot outvote a wider, smoother background by corners alone,
 * and a lone corner in a smooth block (noise) does not count as much as a textured block. `px`, `py` are relative to
 * the centre of a w×h level.
 */
export function areaWeights(px: number[], py: number[], w: number, h: number): number[] {
  const cols = Math.max(1, Math.ceil(w / VOTE_BLOCK_PX));
  const block = (k: number) => Math.min(cols - 1, Math.floor((px[k]! + w / 2) / VOTE_BLOCK_PX)) + cols * Math.floor((py[k]! + h / 2) / VOTE_BLOCK_PX);
  const count = new Map<number, number>();
  for (let k = 0; k < px.length; k++) count.set(block(k), (count.get(block(k)) ?? 0) + 1);
  return px.map((_, k) => 1 / Math.sqrt(count.get(block(k))!));
}

/** The pair's GlobalMotion from a level-0 model: rates in original pixels, the grid's mean model speed, and the warp residuals. */
function fromModel(prev: GrayPyramid, cur: GrayPyramid, model: Similarity, gridPts: [number, number][], inlierRatio: number, confidence: number, movingShare: number, movingSpeed: number): GlobalMotion {
  const L0 = prev.levels[0]!;
  const cx = L0.w / 2;
  const cy = L0.h / 2;
  let gridSpeedSum = 0;
  for (const [x, y] of gridPts) {
    const xc = x + 0.5 - cx;
    const yc = y + 0.5 - cy;
    gridSpeedSum += hypot2(model.a * xc - model.b * yc + model.tx, model.b * xc + model.a * yc + model.ty);
  }
  const f = prev.scale;
  return {
    tx: model.tx * f,
    ty: model.ty * f,
    zoom: Math.log(Math.hypot(1 + model.a, model.b)),
    roll: (Math.atan2(model.b, 1 + model.a) * 180) / Math.PI,
    inlierRatio,
    confidence,
    globalSpeed: (gridSpeedSum / Math.max(1, gridPts.length)) * f,
    movingShare,
    movingSpeed,
    ...warpResidual(prev, cur, model),
    model,
  };
}

function still(prev: GrayPyramid, cur: GrayPyramid): GlobalMotion {
  return { tx: 0, ty: 0, zoom: 0, roll: 0, inlierRatio: 0, confidence: 0, globalSpeed: 0, movingShare: 0, movingSpeed: 0, ...warpResidual(prev, cur, ZERO), model: ZERO };
}
