// FOUNDATION §3.5: the gradient of a window, fitted on its mean frame (a small grid of mean sRGB values) in OKLab.
// The signal fitted is the projection of each cell's OKLab colour on the main axis of the frame's colour variation,
// signed so that it grows with lightness: a pure lightness ramp fits on L itself, a hue ramp at equal lightness
// still fits. Coordinates are in frame diagonals, so directions are true on-screen angles whatever the aspect.
import type { GradientReport } from '../report/analysis.ts';
import { rgbToOklab } from '../color/oklab.ts';
import { hypot2Radial } from './hypot.ts';

/** Below this standard deviation of the cells' OKLab colours (ΔE_ok units) the frame is `flat`. */
export const FLAT_STD = 0.015;
/** A model explains the frame when its R² reaches this. */
export const MIN_FIT = 0.7;
/** Radial wins over linear only when its R² is higher by at least this much (a far centre mimics a ramp). */
export const RADIAL_MARGIN = 0.05;
/** Half-width of the horizontal and vertical angle bands, degrees; between them a ramp is diagonal. */
export const AXIS_BAND_DEG = 22.5;

/** Fits the gradient of a mean frame given as cols×rows cells of sRGB (interleaved, 0–255) for a width×height frame. */
export function fitGradient(grid: Float64Array, cols: number, rows: number, width: number, height: number): GradientReport {
  const n = cols * rows;
  const L = new Float64Array(n);
  const A = new Float64Array(n);
  const B = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const lab = rgbToOklab([grid[3 * c]!, grid[3 * c + 1]!, grid[3 * c + 2]!]);
    L[c] = lab[0];
    A[c] = lab[1];
    B[c] = lab[2];
  }
  // colour covariance and its main axis (power iteration)
  const m = [mean(L), mean(A), mean(B)];
  const ch = [L, A, B];
  const cov = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let c = 0; c < n; c++) {
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) cov[3 * i + j]! += (ch[i]![c]! - m[i]!) * (ch[j]![c]! - m[j]!);
  }
  for (let k = 0; k < 9; k++) cov[k]! /= n;
  const total = Math.sqrt(cov[0]! + cov[4]! + cov[8]!);
  if (total < FLAT_STD) return { type: 'flat', direction_deg: null, center: null, fit: 1 };
  let v = [1, 0.001, 0.001];
  for (let it = 0; it < 50; it++) {
    const w = [0, 1, 2].map((i) => cov[3 * i]! * v[0]! + cov[3 * i + 1]! * v[1]! + cov[3 * i + 2]! * v[2]!);
    const norm = Math.hypot(w[0]!, w[1]!, w[2]!) || 1;
    v = w.map((x) => x / norm);
  }
  if (cov[0]! * v[0]! + cov[1]! * v[1]! + cov[2]! * v[2]! < 0) v = v.map((x) => -x); // grows with lightness
  const s = new Float64Array(n);
  for (let c = 0; c < n; c++) s[c] = (L[c]! - m[0]!) * v[0]! + (A[c]! - m[1]!) * v[1]! + (B[c]! - m[2]!) * v[2]!;
  const diag = Math.hypot(width, height);
  const X = new Float64Array(n);
  const Y = new Float64Array(n);
  for (let r = 0; r < rows; r++) {
    for (let q = 0; q < cols; q++) {
      X[r * cols + q] = (((q + 0.5) / cols) * width) / diag;
      Y[r * cols + q] = (((r + 0.5) / rows) * height) / diag;
    }
  }
  const lin = fitLinear(s, X, Y);
  const rad = fitRadial(s, X, Y, width / diag, height / diag);
  const direction = ((Math.atan2(lin.by, lin.bx) * 180) / Math.PI + 360) % 360;
  if (rad.r2 >= MIN_FIT && rad.r2 > lin.r2 + RADIAL_MARGIN) {
    return { type: 'radial', direction_deg: null, center: [round3(rad.cx), round3(rad.cy)], fit: round3(rad.r2) };
  }
  if (lin.r2 >= MIN_FIT) {
    const a = direction % 180;
    const type = a < AXIS_BAND_DEG || a > 180 - AXIS_BAND_DEG ? 'linear_horizontal' : Math.abs(a - 90) < AXIS_BAND_DEG ? 'linear_vertical' : 'linear_diagonal';
    return { type, direction_deg: Math.round(direction * 10) / 10, center: null, fit: round3(lin.r2) };
  }
  return { type: 'complex', direction_deg: null, center: null, fit: round3(Math.max(lin.r2, rad.r2)) };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function mean(a: Float64Array): number {
  let s = 0;
  for (const x of a) s += x;
  return s / a.length;
}

/** s ~ bx·X + by·Y + c by least squares (s has zero mean); R² (also the spec builder's test of what reads as a ramp). */
export function fitLinear(s: Float64Array, X: Float64Array, Y: Float64Array): { bx: number; by: number; r2: number } {
  const mx = mean(X);
  const my = mean(Y);
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  let sxs = 0;
  let sys = 0;
  let sss = 0;
  for (let c = 0; c < s.length; c++) {
    const x = X[c]! - mx;
    const y = Y[c]! - my;
    sxx += x * x;
    sxy += x * y;
    syy += y * y;
    sxs += x * s[c]!;
    sys += y * s[c]!;
    sss += s[c]! * s[c]!;
  }
  const det = sxx * syy - sxy * sxy;
  if (det <= 0 || sss <= 0) return { bx: 0, by: 0, r2: 0 };
  const bx = (syy * sxs - sxy * sys) / det;
  const by = (sxx * sys - sxy * sxs) / det;
  return { bx, by, r2: Math.max(0, (bx * sxs + by * sys) / sss) };
}

/** s ~ c0 + c1·r + c2·r² with r the distance from a centre searched inside the frame (coarse grid, then finer); R². */
function fitRadial(s: Float64Array, X: Float64Array, Y: Float64Array, wd: number, hd: number): { cx: number; cy: number; r2: number } {
  let sss = 0;
  for (const v of s) sss += v * v; // s has zero mean
  const tryAt = (fx: number, fy: number): number => {
    const px = fx * wd;
    const py = fy * hd;
    // normal equations for [1, r, r²]
    let n = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0, t0 = 0, t1 = 0, t2 = 0;
    for (let c = 0; c < s.length; c++) {
      const r = hypot2Radial(X[c]! - px, Y[c]! - py);
      const rr = r * r;
      n++;
      r1 += r;
      r2 += rr;
      r3 += rr * r;
      r4 += rr * rr;
      t0 += s[c]!;
      t1 += r * s[c]!;
      t2 += rr * s[c]!;
    }
    const sol = solve3([n, r1, r2, r1, r2, r3, r2, r3, r4], [t0, t1, t2]);
    if (!sol) return 0;
    // explained sum of squares = β·(Mᵀs) − n·mean² (mean is 0)
    return sss > 0 ? Math.max(0, (sol[0] * t0 + sol[1] * t1 + sol[2] * t2) / sss) : 0;
  };
  let best = { cx: 0.5, cy: 0.5, r2: -1 };
  const steps = 6;
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= steps; j++) {
      const r2 = tryAt(i / steps, j / steps);
      if (r2 > best.r2) best = { cx: i / steps, cy: j / steps, r2 };
    }
  }
  for (let step = 1 / (2 * steps); step > 0.004; step /= 2) {
    const c0 = best;
    for (let i = -2; i <= 2; i++) {
      for (let j = -2; j <= 2; j++) {
        const fx = Math.min(1, Math.max(0, c0.cx + i * step));
        const fy = Math.min(1, Math.max(0, c0.cy + j * step));
        const r2 = tryAt(fx, fy);
        if (r2 > best.r2) best = { cx: fx, cy: fy, r2 };
      }
    }
  }
  return best;
}

function solve3(M: number[], b: number[]): [number, number, number] | null {
  const a = [[M[0]!, M[1]!, M[2]!, b[0]!], [M[3]!, M[4]!, M[5]!, b[1]!], [M[6]!, M[7]!, M[8]!, b[2]!]];
  for (let col = 0; col < 3; col++) {
    let piv = col;
    for (let r = col + 1; r < 3; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[piv]![col]!)) piv = r;
    if (Math.abs(a[piv]![col]!) < 1e-12) return null;
    [a[col], a[piv]] = [a[piv]!, a[col]!];
    for (let r = 0; r < 3; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / a[col]![col]!;
      for (let k = col; k < 4; k++) a[r]![k]! -= f * a[col]![k]!;
    }
  }
  return [a[0]![3]! / a[0]![0]!, a[1]![3]! / a[1]![1]!, a[2]![3]! / a[2]![2]!];
}
