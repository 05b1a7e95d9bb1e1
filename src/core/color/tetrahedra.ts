// The fixed tetrahedralisation of the RGB cube by the 16 colour primitives (FOUNDATION §4).
//
// Construction (deterministic, documented in docs/color-and-naming.md):
// 1. The cube's 8 corners (all primitives) are split into the 6 Kuhn tetrahedra around the black–white
//    diagonal: one per order of the axes, walking black → one axis → two axes → white.
// 2. The other 8 primitives are inserted in vocabulary order. Each cell that contains the new point
//    (inside, on a face or on an edge) is replaced by the cells made by swapping one of its corners for
//    the point; cells that would be flat (the point lies on the opposite face) are dropped.
// Coordinates are integer code values, so every containment test during construction is exact.
import { COLOR_PRIMITIVE_NAMES, COLOR_PRIMITIVE_RGB, type ColorPrimitiveName } from '../vocab/colors.ts';

type Vec = readonly [number, number, number];

/** One cell: four primitive indices (into COLOR_PRIMITIVES) and its inverse barycentric matrix. */
export interface Tetrahedron {
  corners: [number, number, number, number];
  /** Row-major 3×3 inverse of [v1−v0, v2−v0, v3−v0] (columns): λ1..3 = inv · (p − v0). */
  inverse: Float64Array;
  /** The same matrix times `det` (integer entries): exact barycentric numerators on integer colours. */
  adjugate: Float64Array;
  /** det[v1−v0, v2−v0, v3−v0] (an integer; six times the signed volume). */
  det: number;
  min: Vec;
  max: Vec;
}

const P = COLOR_PRIMITIVE_RGB;

function det3(a: Vec, b: Vec, c: Vec): number {
  return a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0]) + a[2] * (b[0] * c[1] - b[1] * c[0]);
}

function sub(a: Vec, b: Vec): [number, number, number] {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

/** Six times the signed volume of the cell (exact on integer coordinates). */
function volume6(c: readonly number[], pts: readonly Vec[]): number {
  const v0 = pts[c[0]!]!;
  return det3(sub(pts[c[1]!]!, v0), sub(pts[c[2]!]!, v0), sub(pts[c[3]!]!, v0));
}

/** The four cells obtained by coning each face of `c` to point `pi`, skipping flat ones; null if `pi` is outside `c`. */
function splitAt(c: readonly number[], pi: number, pts: readonly Vec[]): number[][] | null {
  const total = volume6(c, pts);
  const parts: number[][] = [];
  for (let k = 0; k < 4; k++) {
    const cell = c.slice();
    cell[k] = pi;
    const v = volume6(cell, pts);
    // The signed sub-volumes are the barycentric coordinates times `total`: one of opposite sign means outside.
    if (Math.sign(v) === -Math.sign(total) && v !== 0) return null;
    if (v !== 0) parts.push(cell);
  }
  return parts;
}

function corner(bits: number): number {
  const rgb: Vec = [bits & 4 ? 255 : 0, bits & 2 ? 255 : 0, bits & 1 ? 255 : 0];
  const i = P.findIndex((p) => p[0] === rgb[0] && p[1] === rgb[1] && p[2] === rgb[2]);
  if (i < 0) throw new Error(`cube corner ${rgb.join(',')} is not a primitive`);
  return i;
}

function build(): Tetrahedron[] {
  const AXES = [4, 2, 1];
  const orders = [
    [0, 1, 2],
    [0, 2, 1],
    [1, 0, 2],
    [1, 2, 0],
    [2, 0, 1],
    [2, 1, 0],
  ];
  let cells: number[][] = orders.map((o) => [corner(0), corner(AXES[o[0]!]!), corner(AXES[o[0]!]! | AXES[o[1]!]!), corner(7)]);
  const isCorner = (rgb: Vec) => rgb.every((v) => v === 0 || v === 255);
  P.forEach((rgb, pi) => {
    if (isCorner(rgb)) return;
    const next: number[][] = [];
    for (const c of cells) next.push(...(splitAt(c, pi, P) ?? [c]));
    cells = next;
  });
  return cells.map((c) => {
    const v0 = P[c[0]!]!;
    const e1 = sub(P[c[1]!]!, v0);
    const e2 = sub(P[c[2]!]!, v0);
    const e3 = sub(P[c[3]!]!, v0);
    const d = det3(e1, e2, e3);
    // Inverse of the matrix whose columns are e1, e2, e3: rows are the cross products over the determinant.
    const cross = (a: Vec, b: Vec): Vec => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
    const r1 = cross(e2, e3);
    const r2 = cross(e3, e1);
    const r3 = cross(e1, e2);
    const adjugate = Float64Array.from([...r1, ...r2, ...r3]);
    const inverse = adjugate.map((x) => x / d);
    const xs = c.map((i) => P[i]!);
    const min: Vec = [Math.min(...xs.map((x) => x[0])), Math.min(...xs.map((x) => x[1])), Math.min(...xs.map((x) => x[2]))];
    const max: Vec = [Math.max(...xs.map((x) => x[0])), Math.max(...xs.map((x) => x[1])), Math.max(...xs.map((x) => x[2]))];
    return { corners: c as [number, number, number, number], inverse, adjugate, det: d, min, max };
  });
}

/** The cells, in their fixed order (the first cell containing a colour is the one used). */
export const TETRAHEDRA: readonly Tetrahedron[] = build();

/** The corner names of each cell, for documentation and tests. */
export function cellNames(t: Tetrahedron): ColorPrimitiveName[] {
  return t.corners.map((i) => COLOR_PRIMITIVE_NAMES[i]!);
}

/** Six times the volume of a cell, in code values³ (the cells' volumes sum to 6 · 255³). */
export function cellVolume6(t: Tetrahedron): number {
  return Math.abs(volume6(t.corners, P));
}
