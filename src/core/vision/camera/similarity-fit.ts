// FOUNDATION §3.4: the robust similarity fit (translation, scale, rotation about the frame centre) to tracked point
// motion: RANSAC on point pairs, then Tukey-weighted IRLS, so content moving inside the shot is left out as outliers.
// Points may carry prior weights (global-motion.ts gives each block of the frame one vote shared by its points), so
// the consensus is a majority of the frame's area, not of its corners: a textured subject crossing a smooth sky has
// more corners than the sky, but fewer blocks (issue #13).
import { seededRandom } from '../../seeded-random.ts';
import { GRID_STEP } from './tracking.ts';
import { hypot2 } from '../hypot.ts';

/** Consensus residual of the robust fit, level-0 pixels: points further from the model are outliers (moving content). */
export const INLIER_PX = 0.35;

/** A similarity transform about the frame centre, level-0 pixels: x' = x + a·x − b·y + tx, y' = y + b·x + a·y + ty. */
export interface Similarity {
  a: number;
  b: number;
  tx: number;
  ty: number;
}


/** No motion: the identity similarity. */
export const ZERO_SIMILARITY: Similarity = { a: 0, b: 0, tx: 0, ty: 0 };

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
    r[k] = hypot2(fu[k]! - (m.a * px[k]! - m.b * py[k]! + m.tx), fv[k]! - (m.b * px[k]! + m.a * py[k]! + m.ty));
  }
  return r;
}

/** RANSAC on point pairs, then Tukey-weighted IRLS; `prior` (optional, ≥ 0): each point's weight in the consensus and the fit. */
export function robustSimilarity(px: number[], py: number[], fu: number[], fv: number[], prior: number[] | null = null): Similarity {
  const n = px.length;
  const pw = (k: number) => (prior ? prior[k]! : 1);
  // The app's one seeded source, re-seeded per call: the same flow field always gives the same fit.
  const random = seededRandom('robust-similarity');
  const rnd = (m: number) => Math.floor(random() * m);
  let best = fitSimilarity(px, py, fu, fv, prior)!;
  let bestScore = score(best);
  // the residuals summed as they are computed (no array per candidate), in the same order: the same sum
  function score(m: Similarity): number {
    let s = 0;
    for (let k = 0; k < n; k++) {
      const r = hypot2(fu[k]! - (m.a * px[k]! - m.b * py[k]! + m.tx), fv[k]! - (m.b * px[k]! + m.a * py[k]! + m.ty));
      s += r < INLIER_PX ? pw(k) * (1 - (r / INLIER_PX) ** 2) : 0;
    }
    return s;
  }
  // the pure translation of each point is a candidate too (most shots translate), plus random pairs
  for (let it = 0; it < 60; it++) {
    const i = rnd(n);
    let m: Similarity | null;
    if (it < 20) m = { a: 0, b: 0, tx: fu[i]!, ty: fv[i]! };
    else {
      const j = rnd(n);
      if (i === j || hypot2(px[i]! - px[j]!, py[i]! - py[j]!) < 3 * GRID_STEP) continue;
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
    const w = r.map((v, k) => (v < c ? pw(k) * (1 - (v / c) ** 2) ** 2 : 0));
    const next = fitSimilarity(px, py, fu, fv, w);
    if (!next) break;
    m = next;
  }
  return m;
}

