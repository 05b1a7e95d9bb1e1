// Depth (vs pure static), FOUNDATION §4: a colour's breakdown into at most 4 primitives, from the
// barycentric coordinates of the fixed tetrahedralisation cell that contains it.
import type { Depth } from '../report/analysis.ts';
import { COLOR_PRIMITIVE_NAMES, COLOR_PRIMITIVE_RGB, type ColorPrimitiveName, type Rgb } from '../vocab/colors.ts';
import { TETRAHEDRA, type Tetrahedron } from './tetrahedra.ts';

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

// Region depth, per cell rather than per pixel: inside one cell the weights are linear in the colour, so the sum of
// a cell's pixels' weights is the weights of the sum of its pixels. With integer code values and the cell's integer
// adjugate the sum is exact (every term is an integer far below 2^53), so each pixel costs a table look-up and four
// additions, and each occupied cell one small matrix product.

/**
 * The cell (+1; 0 = not looked up yet) of each 24-bit colour in a box that straddles cells, filled as colours appear
 * (16 MiB, made on first use), indexed box by box (box · 512 + the colour's place in its box).
 */
let cellOfColor: Uint8Array | null = null;
if (TETRAHEDRA.length > 254) throw new Error(`${TETRAHEDRA.length} cells do not fit the byte-wide colour → cell table`);
/** Exact: is the integer colour (r, g, b) inside or on cell t? */
function inCell(t: Tetrahedron, r: number, g: number, b: number): boolean {
  const o = ORIGINS[t.corners[0]]!;
  const dr = r - o[0];
  const dg = g - o[1];
  const db = b - o[2];
  const m = t.adjugate;
  const s = Math.sign(t.det);
  const n1 = (m[0]! * dr + m[1]! * dg + m[2]! * db) * s;
  const n2 = (m[3]! * dr + m[4]! * dg + m[5]! * db) * s;
  const n3 = (m[6]! * dr + m[7]! * dg + m[8]! * db) * s;
  return n1 >= 0 && n2 >= 0 && n3 >= 0 && t.det * s - n1 - n2 - n3 >= 0;
}

// Most colours need no look-up at all: a 32³ grid of boxes (8 code values a side) gives the cell (+1) of every box
// wholly inside one cell (78 % of them; cells are convex, so its 8 corners decide), 0 for boxes that straddle cells.
const BOX_BITS = 3;
const BOXES = 256 >> BOX_BITS;
/** Cell (+1) of each 8-code-value box (r5·1024 + g5·32 + b5) wholly inside one cell, 0 for boxes that straddle cells. */
export const cellOfBox = new Uint8Array(BOXES ** 3);
for (let i = 0; i < cellOfBox.length; i++) {
  const lo = [(i >> 10) << BOX_BITS, ((i >> 5) & 31) << BOX_BITS, (i & 31) << BOX_BITS];
  const hi = lo.map((v) => v + (1 << BOX_BITS) - 1);
  const corners = Array.from({ length: 8 }, (_, k) => [k & 4 ? hi[0]! : lo[0]!, k & 2 ? hi[1]! : lo[1]!, k & 1 ? hi[2]! : lo[2]!] as const);
  const t = TETRAHEDRA.findIndex((cell) => corners.every(([r, g, b]) => inCell(cell, r, g, b)));
  cellOfBox[i] = t + 1;
}

/** Per cell: pixel count and channel sums (r, g, b), interleaved; zeroed again after each region. */
const cellSums = newCellSums();

/**
 * Adds 100 × the summed weights of `n` pixels of cell `ti` whose channels sum to (sr, sg, sb) into `acc`. Exact:
 * numerators are integer dot products with the cell's adjugate, divided once by its determinant.
 */
function accumulateCell(ti: number, n: number, sr: number, sg: number, sb: number, acc: Float64Array): void {
  const t = TETRAHEDRA[ti]!;
  const o = ORIGINS[t.corners[0]]!;
  const dr = sr - n * o[0];
  const dg = sg - n * o[1];
  const db = sb - n * o[2];
  const m = t.adjugate;
  const n1 = m[0]! * dr + m[1]! * dg + m[2]! * db;
  const n2 = m[3]! * dr + m[4]! * dg + m[5]! * db;
  const n3 = m[6]! * dr + m[7]! * dg + m[8]! * db;
  const n0 = n * t.det - n1 - n2 - n3;
  const c = t.corners;
  const k = 100 / t.det;
  acc[c[0]] = acc[c[0]]! + n0 * k;
  acc[c[1]] = acc[c[1]]! + n1 * k;
  acc[c[2]] = acc[c[2]]! + n2 * k;
  acc[c[3]] = acc[c[3]]! + n3 * k;
}

/**
 * The cell (+1) of the integer colour (r, g, b): its box's when the box lies in one cell, else from the colour → cell
 * table, looked up (and kept) the first time the colour appears.
 */
export function cellOfColor8(r: number, g: number, b: number): number {
  const box = ((r >> BOX_BITS) << 10) | ((g >> BOX_BITS) << 5) | (b >> BOX_BITS);
  const c = cellOfBox[box]!;
  if (c !== 0) return c;
  const table = (cellOfColor ??= new Uint8Array(1 << 24));
  // box-major: the noisy neighbours of a colour share a few cache lines, not lines 64 KiB apart
  const key = (box << 9) | ((r & 7) << 6) | ((g & 7) << 3) | (b & 7);
  let t = table[key]!;
  if (t === 0) {
    t = locate(r, g, b, scratch) + 1;
    table[key] = t;
  }
  return t;
}

/**
 * Per 16-code-value box (4 bits a channel, key r4·256 + g4·16 + b4, the palette's bins): the cell (+1) every colour of
 * the box gets from cellOfColor8 when its 8 smaller boxes all lie in that one cell, else 0. A caller holding a box's
 * pixel count and channel sums can add them to that cell at once (frame-pass.ts).
 */
export const cellOfBin16 = new Uint8Array(4096);
for (let k = 0; k < 4096; k++) {
  const r = (k >> 8) << 1;
  const g = ((k >> 4) & 15) << 1;
  const b = (k & 15) << 1;
  let c = -1;
  for (let q = 0; q < 8 && c !== 0; q++) {
    const sub = cellOfBox[((r + ((q >> 2) & 1)) << 10) | ((g + ((q >> 1) & 1)) << 5) | (b + (q & 1))]!;
    c = c === -1 || c === sub ? sub : 0;
  }
  cellOfBin16[k] = c;
}

/** Per cell: pixel count and channel sums (r, g, b), interleaved (4 a cell); what depthOfCellSums reads. */
export function newCellSums(): Float64Array {
  return new Float64Array(TETRAHEDRA.length * 4);
}

/** Sums every step-th pixel of 8-bit RGBA into cellSums by cell; returns the pixels summed. */
function sumByCell(rgba: Uint8ClampedArray | Uint8Array, step: number): number {
  const sums = cellSums;
  const end = rgba.length - 3;
  const stride = 4 * step;
  let count = 0;
  for (let i = 0; i < end; i += stride) {
    const r = rgba[i]!;
    const g = rgba[i + 1]!;
    const b = rgba[i + 2]!;
    const s = 4 * (cellOfColor8(r, g, b) - 1);
    sums[s]!++;
    sums[s + 1]! += r;
    sums[s + 2]! += g;
    sums[s + 3]! += b;
    count++;
  }
  return count;
}

/**
 * The depth of `count` pixels whose per-cell counts and integer channel sums are in `sums` (newCellSums' layout);
 * zeroes `sums` for the next region. Exact: the same depth whatever order the sums were gathered in.
 */
export function depthOfCellSums(sums: Float64Array, count: number): Depth {
  const acc = new Float64Array(COLOR_PRIMITIVE_NAMES.length);
  for (let t = 0; t < TETRAHEDRA.length; t++) {
    const s = 4 * t;
    if (sums[s] === 0) continue;
    accumulateCell(t, sums[s]!, sums[s + 1]!, sums[s + 2]!, sums[s + 3]!, acc);
  }
  sums.fill(0);
  if (count === 0) return {};
  for (let i = 0; i < acc.length; i++) acc[i] = acc[i]! / count;
  return toDepth(acc);
}

/**
 * The depth of a region: the mean of its pixels' depths (RGBA bytes, alpha ignored). `step` samples every step-th
 * pixel (1 = all of them), for previews; analysis uses every pixel. A plain array may hold fractional values: its
 * pixels are weighed one by one.
 */
export function regionDepth(rgba: ArrayLike<number>, step = 1): Depth {
  if (!(Number.isInteger(step) && step >= 1)) throw new TypeError(`step must be a positive integer, got ${step}`);
  if (rgba instanceof Uint8ClampedArray || rgba instanceof Uint8Array) return depthOfCellSums(cellSums, sumByCell(rgba, step));
  const acc = new Float64Array(COLOR_PRIMITIVE_NAMES.length);
  let count = 0;
  const n = Math.floor(rgba.length / 4);
  for (let p = 0; p < n; p += step, count++) accumulate(rgba[p * 4]!, rgba[p * 4 + 1]!, rgba[p * 4 + 2]!, acc, 100);
  if (count === 0) return {};
  for (let i = 0; i < acc.length; i++) acc[i] = acc[i]! / count;
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
