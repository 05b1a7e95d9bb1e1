// The world field and the per-pixel renderer: each screen pixel is mapped back to the world (camera
// inverse) and takes the colour of the world cell it lands in (nearest cell, no interpolation).
import { poseAt, worldMapOf } from '../plan/camera-path.ts';
import type { Spec, SpecGradient } from '../plan/spec.ts';

/** Gradient positions are quantised to this many levels (selection tables, blended colours). */
export const GRADIENT_LEVELS = 64;
/** Spread (in palette-rank units 0–1) of the selection bump that moves with the gradient position. */
export const GRADIENT_SIGMA = 0.25;

/** 32-bit integer hash of three ints and a seed → uniform [0, 1). Deterministic, evaluable anywhere in the world. */
export function cellHash(x: number, y: number, z: number, seed: number): number {
  let h = Math.imul(x | 0, 0x27d4eb2d) ^ Math.imul(y | 0, 0x165667b1) ^ Math.imul(z | 0, 0x9e3779b1) ^ seed;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Gradient position u ∈ [0, 1] (0 = dark end, 1 = light end) of a world point; world = screen at frame 0. */
export function gradientPosition(g: SpecGradient, width: number, height: number): (x: number, y: number) => number {
  const clamp = (u: number) => (u < 0 ? 0 : u > 1 ? 1 : u);
  if (g.type === 'flat') return () => 0.5;
  if (g.type === 'radial') {
    const [fx, fy] = g.center ?? [0.5, 0.5];
    const cx = fx * width;
    const cy = fy * height;
    const rmax = Math.max(Math.hypot(cx, cy), Math.hypot(width - cx, cy), Math.hypot(cx, height - cy), Math.hypot(width - cx, height - cy));
    return (x, y) => {
      // sqrt, not Math.hypot: hypot's overflow care costs ~3× here, and these distances are small.
      const r = Math.sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy)) / rmax;
      return clamp(g.light_center ? 1 - r : r);
    };
  }
  if (g.type === 'complex') {
    return (x, y) => clamp(0.5 + 0.5 * Math.sin((3 * Math.PI * x) / width) * Math.sin((3 * Math.PI * y) / height));
  }
  const a = ((g.direction_deg ?? 0) * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  const extent = (Math.abs(width * c) + Math.abs(height * s)) / 2;
  return (x, y) => clamp(0.5 + (0.5 * ((x - width / 2) * c + (y - height / 2) * s)) / extent);
}

/** Selection probabilities of the palette at each gradient level: base weight × a bump around the level (flat: base weights). */
export function selectionTable(spec: Spec): Float64Array[] {
  const n = spec.palette.length;
  const table: Float64Array[] = [];
  for (let l = 0; l < GRADIENT_LEVELS; l++) {
    const u = (l + 0.5) / GRADIENT_LEVELS;
    const p = new Float64Array(n);
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const rank = n === 1 ? 0.5 : k / (n - 1);
      const bump = spec.gradient.type === 'flat' ? 1 : Math.exp(-((rank - u) ** 2) / (2 * GRADIENT_SIGMA ** 2));
      p[k] = spec.palette_weights[k]! * bump;
      sum += p[k]!;
    }
    for (let k = 0; k < n; k++) p[k]! /= sum;
    table.push(p);
  }
  return table;
}

/** A frame renderer: `bins` are the colours pixels can take; `render` fills RGBA and returns pixel counts per bin. */
export interface FieldRenderer {
  bins: [number, number, number][];
  render(frame: number, rgba: Uint8ClampedArray): Uint32Array;
}

/**
 * Pure mode: a bin per palette colour, drawn per world cell from the position's selection
 * probabilities; a cell is re-drawn `churn` times per frame on average (generation = ⌊i·churn + φ⌋).
 * Blended mode: a bin per gradient level, each the probability-weighted mean palette colour (one
 * smooth palette gradient, posterised to GRADIENT_LEVELS steps so every pixel's colour is known).
 */
export function createFieldRenderer(spec: Spec): FieldRenderer {
  const { width, height, cell_size: cs, fps, field_seed: seed, churn } = spec;
  const table = selectionTable(spec);
  const n = spec.palette.length;
  const cdf = table.map((p) => {
    const c = new Float64Array(n);
    let s = 0;
    for (let k = 0; k < n; k++) c[k] = s += p[k]!;
    c[n - 1] = 1;
    return c;
  });
  const pos = gradientPosition(spec.gradient, width, height);
  const levelOf = (x: number, y: number) => Math.min(GRADIENT_LEVELS - 1, Math.floor(pos(x, y) * GRADIENT_LEVELS));
  const blended = spec.mode === 'blended';
  const bins: [number, number, number][] = blended
    ? table.map((p) => {
        const rgb = [0, 0, 0];
        p.forEach((w, k) => spec.palette[k]!.rgb.forEach((v, c) => (rgb[c]! += w * v)));
        return rgb.map(Math.round) as [number, number, number];
      })
    : spec.palette.map((c) => c.rgb);

  // Each bin's RGBA as one 32-bit word in memory order (one store per pixel instead of four).
  const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  const words = new Uint32Array(bins.map(([r, g, b]) => (littleEndian ? ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | 255) >>> 0)));
  const churnSeed = seed ^ 0x5bd1e995;

  return {
    bins,
    render(frame, rgba) {
      if (rgba.length !== width * height * 4) throw new RangeError(`rgba holds ${rgba.length} bytes, not ${width}×${height}×4`);
      const counts = new Uint32Array(bins.length);
      const out = rgba.byteOffset % 4 === 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height) : null;
      // screenToWorld inlined (same arithmetic, so the same cells as its callers compute).
      const { cx: mx, cy: my, ox, oy, cos, sin } = worldMapOf(poseAt(spec.camera, frame, fps, width, height), width, height);
      let o = 0;
      for (let y = 0; y < height; y++) {
        const qy = y + 0.5 - my - oy;
        // Neighbouring pixels often share a world cell (cells > 1 px, zoom-in): reuse the last cell's bin.
        let lastCx = NaN;
        let lastCy = NaN;
        let lastBin = 0;
        for (let x = 0; x < width; x++, o++) {
          const qx = x + 0.5 - mx - ox;
          const wx = mx + cos * qx + sin * qy;
          const wy = my - sin * qx + cos * qy;
          let bin: number;
          if (blended) bin = levelOf(wx, wy);
          else {
            const cx = Math.floor(wx / cs);
            const cy = Math.floor(wy / cs);
            if (cx === lastCx && cy === lastCy) bin = lastBin;
            else {
              const gen = churn > 0 ? Math.floor(frame * churn + cellHash(cx, cy, -1, churnSeed)) : 0;
              const c = cdf[levelOf((cx + 0.5) * cs, (cy + 0.5) * cs)]!;
              const r = cellHash(cx, cy, gen, seed);
              bin = 0;
              while (c[bin]! <= r) bin++;
              lastCx = cx;
              lastCy = cy;
              lastBin = bin;
            }
          }
          counts[bin]!++;
          if (out) out[o] = words[bin]!;
          else {
            const rgb = bins[bin]!;
            rgba[4 * o] = rgb[0];
            rgba[4 * o + 1] = rgb[1];
            rgba[4 * o + 2] = rgb[2];
            rgba[4 * o + 3] = 255;
          }
        }
      }
      return counts;
    },
  };
}
