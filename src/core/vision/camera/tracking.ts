// FOUNDATION §3.4: local motion of textured points between two frames, by pyramidal Lucas–Kanade (Bouguet) on a
// grid; the points feed the robust similarity fit (similarity-fit.ts).
import { sampleBilinear, type GrayLevel, type GrayPyramid } from '../gray-pyramid.ts';

/** Grid spacing of the tracked points, in level-0 pixels. */
export const GRID_STEP = 8;
/** Half-size of the Lucas–Kanade patch (9×9), in pixels of each level. */
export const PATCH_RADIUS = 4;
/** Minimum structure-tensor eigenvalue per patch pixel ((luma/px)²) for a point to count as textured. */
export const MIN_TEXTURE = 4;
/** A point whose zero-mean patch error stays above this (luma units, 0–255) after tracking is dropped as lost. */
export const MAX_TRACK_ERROR = 12;

/** The structure tensor of the patch at (x, y) has a small eigenvalue of at least MIN_TEXTURE per pixel (a trackable corner, not an edge). */
export function isTextured(L: Pick<GrayLevel, 'w' | 'gx' | 'gy'>, x: number, y: number): boolean {
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
export function trackPoint(prev: GrayPyramid, cur: GrayPyramid, x0: number, y0: number, gu0: number, gv0: number): [number, number] | null {
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

