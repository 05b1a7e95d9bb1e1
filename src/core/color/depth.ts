// Depth (vs pure static), FOUNDATION §4: a colour's breakdown into at most 4 primitives, from the
// barycentric coordinates of the fixed tetrahedralisation cell that contains it.
import type { Depth } from '../report/analysis.ts';
import { COLOR_PRIMITIVE_NAMES, COLOR_PRIMITIVE_RGB, type ColorPrimitiveName, type Rgb } from '../vocab/colors.ts';
import { TETRAHEDRA } from './tetrahedra.ts';

const ORIGINS = COLOR_PRIMITIVE_RGB;

// A 16³ grid over the cube lists the cells whose bounding box meets each grid cell, so a colour
// is tested against a handful of cells instead of all of them.
const GRID = 16;
const STEP = 256 / GRID;
const candidates: number[][] = Array.from({ length: GRID ** 3 }, () => []);
TETRAHEDRA.forEach((t, ti) => {
  const lo = t.min.map((v) => Math.max(0, Math.floor(v / STEP)));
  const hi = t.max.map((v) => Math.min(GRID - 1, Math.floor(v / STEP)));
  for (let r = lo[0]!; r <= hi[0]!; r++)
    for (let g = lo[1]!; g <= hi[1]!; g++) for (let b = lo[2]!; b <= hi[2]!; b++) candidates[(r * GRID + g) * GRID + b]!.push(ti);
});

// Barycentric coordinates may come out as −1e−15 on a shared face; anything above this is inside.
const INSIDE = -1e-9;
const SNAP = 1e-9;

/**
 * The cell index and the four weights (0–1, summing to 1) of a colour. Writes into `out` to avoid
 * allocating per pixel. Colours outside the cube are clamped into it first.
 */
function locate(r: number, g: number, b: number, out: Float64Array): number {
  r = Math.min(255, Math.max(0, r));
  g = Math.min(255, Math.max(0, g));
  b = Math.min(255, Math.max(0, b));
  const cell = (Math.min(GRID - 1, Math.floor(r / STEP)) * GRID + Math.min(GRID - 1, Math.floor(g / STEP))) * GRID + Math.min(GRID - 1, Math.floor(b / STEP));
  let best = -1;
  let bestMin = -Infinity;
  for (const ti of candidates[cell]!) {
    const t = TETRAHEDRA[ti]!;
    const v0 = t.corners[0];
    const o = ORIGINS[v0]!;
    const dr = r - o[0];
    const dg = g - o[1];
    const db = b - o[2];
    const m = t.inverse;
    const l1 = m[0]! * dr + m[1]! * dg + m[2]! * db;
    const l2 = m[3]! * dr + m[4]! * dg + m[5]! * db;
    const l3 = m[6]! * dr + m[7]! * dg + m[8]! * db;
    const l0 = 1 - l1 - l2 - l3;
    const lo = Math.min(l0, l1, l2, l3);
    if (lo > bestMin) {
      bestMin = lo;
      best = ti;
      out[0] = l0;
      out[1] = l1;
      out[2] = l2;
      out[3] = l3;
    }
    if (lo >= INSIDE) {
      best = ti;
      break;
    }
  }
  // Snap rounding noise (a colour on a face or at a corner gets weights like 1e−17) to exactly 0, so the
  // weights are ≥ 0, pure colours are exactly pure, and the rest still sums to 1.
  let sum = 0;
  for (let k = 0; k < 4; k++) {
    if (out[k]! < SNAP) out[k] = 0;
    sum += out[k]!;
  }
  for (let k = 0; k < 4; k++) out[k] = out[k]! / sum;
  return best;
}

const scratch = new Float64Array(4);

/** Adds 100 × the colour's weights into `acc` (indexed like COLOR_PRIMITIVES). */
function accumulate(r: number, g: number, b: number, acc: Float64Array, scale: number): void {
  const t = TETRAHEDRA[locate(r, g, b, scratch)]!;
  for (let k = 0; k < 4; k++) acc[t.corners[k]!] = acc[t.corners[k]!]! + scratch[k]! * scale;
}

function toDepth(acc: Float64Array): Depth {
  const depth: Depth = {};
  acc.forEach((v, i) => {
    if (v > 0) depth[COLOR_PRIMITIVE_NAMES[i]!] = v;
  });
  return depth;
}

/** The depth of one colour: percentages (0–100, summing to 100) over at most 4 primitives. */
export function colorDepth(rgb: Rgb): Depth {
  const acc = new Float64Array(COLOR_PRIMITIVE_NAMES.length);
  accumulate(rgb[0], rgb[1], rgb[2], acc, 100);
  return toDepth(acc);
}

/**
 * The depth of a region: the mean of its pixels' depths (RGBA bytes, alpha ignored). `step` samples
 * every step-th pixel (1 = all of them), for previews; analysis uses every pixel.
 */
export function regionDepth(rgba: ArrayLike<number>, step = 1): Depth {
  const acc = new Float64Array(COLOR_PRIMITIVE_NAMES.length);
  const n = Math.floor(rgba.length / 4);
  let count = 0;
  // Frames repeat colours heavily: remember the last pixel's cell and weights.
  let lastKey = -1;
  let lastT = 0;
  const w = new Float64Array(4);
  for (let p = 0; p < n; p += step) {
    const i = p * 4;
    const r = rgba[i]!;
    const g = rgba[i + 1]!;
    const b = rgba[i + 2]!;
    const key = (r << 16) | (g << 8) | b;
    if (key !== lastKey) {
      lastT = locate(r, g, b, w);
      lastKey = key;
    }
    const c = TETRAHEDRA[lastT]!.corners;
    for (let k = 0; k < 4; k++) acc[c[k]!] = acc[c[k]!]! + w[k]!;
    count++;
  }
  if (count === 0) return {};
  for (let i = 0; i < acc.length; i++) acc[i] = (acc[i]! * 100) / count;
  return toDepth(acc);
}

/** The mean of several depths (each summing to 100), e.g. a window's frames. Empty list → {}. */
export function meanDepth(depths: readonly Depth[]): Depth {
  if (depths.length === 0) return {};
  const acc = new Float64Array(COLOR_PRIMITIVE_NAMES.length);
  for (const d of depths) COLOR_PRIMITIVE_NAMES.forEach((name, i) => (acc[i] = acc[i]! + (d[name] ?? 0)));
  for (let i = 0; i < acc.length; i++) acc[i] = acc[i]! / depths.length;
  return toDepth(acc);
}

/** `depth_pct`: the largest part of a depth (FOUNDATION §4). */
export function depthPct(depth: Depth): number {
  return Math.max(0, ...Object.values(depth).filter((v): v is number => typeof v === 'number'));
}

/** The colour a depth stands for: the share-weighted sum of its primitives (inverse of colorDepth). */
export function depthToRgb(depth: Depth): [number, number, number] {
  const out: [number, number, number] = [0, 0, 0];
  COLOR_PRIMITIVE_NAMES.forEach((name: ColorPrimitiveName, i) => {
    const w = (depth[name] ?? 0) / 100;
    for (let c = 0; c < 3; c++) out[c] = out[c]! + w * ORIGINS[i]![c]!;
  });
  return out;
}
