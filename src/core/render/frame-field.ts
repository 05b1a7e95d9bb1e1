// The world field and the per-pixel renderer: each screen pixel is mapped back to the world (camera
// inverse) and takes the colour of the world cell it lands in (nearest cell, no interpolation).
import { poseAt, worldMapOf } from '../plan/camera-path.ts';
import { rgbToOklab } from '../color/oklab.ts';
import { MOTION_THRESHOLDS } from '../vocab/motion.ts';
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

/**
 * Gradient position u ∈ [0, 1] (0 = dark end, 1 = light end) of a world point; world = screen at frame 0.
 * `clamped` false: the ramp's own position beyond its ends (outside [0, 1] where the world shows one end's colour).
 */
export function gradientPosition(g: SpecGradient, width: number, height: number, clamped = true): (x: number, y: number) => number {
  const clamp = clamped ? (u: number) => (u < 0 ? 0 : u > 1 ? 1 : u) : (u: number) => u;
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
export function selectionTable(spec: Pick<Spec, 'palette' | 'palette_weights' | 'gradient'>): Float64Array[] {
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

/** Each gradient level's mean colour (sRGB, rounded): a blended pixel's colour, a pure cell's expected one. */
export function levelMeanColors(table: readonly Float64Array[], palette: Spec['palette']): [number, number, number][] {
  return table.map((p) => {
    const rgb = [0, 0, 0];
    p.forEach((w, k) => palette[k]!.rgb.forEach((v, c) => (rgb[c]! += w * v)));
    return rgb.map(Math.round) as [number, number, number];
  });
}

/** Frames a pure cell's re-drawn spell lasts (so ≈ 2·share/REDRAW_SPELL of the cells change a frame, like churn). */
export const REDRAW_SPELL = 8;

/** Side of the texture tile in world pixels (a power of two: the tile repeats, far beyond any frame). */
export const TEXTURE_TILE = 512;

/**
 * The blended field's structure: smooth value noise on a lattice of `scale_px` world pixels, −1…1 (summed with
 * `octaves` − 1 coarser ones, each twice the last lattice: a move's coarse pyramid levels need the coarse ones), as a
 * TEXTURE_TILE² tile (it repeats every 512 px, more than any frame's move). It offsets the gradient
 * position, so a smooth field still has 2-D detail that moves with the camera (a ramp alone shows no move
 * along its iso-lines, and the dense fit cannot tell a shift along it from a brightness change).
 */
export function textureTile(scalePx: number, seed: number, octaves = 1): Float32Array {
  if (!(scalePx >= 1)) throw new RangeError(`texture scale must be ≥ 1 px, got ${scalePx}`);
  if (!(Number.isInteger(octaves) && octaves >= 1)) throw new RangeError(`texture octaves must be a positive integer, got ${octaves}`);
  const tile = new Float32Array(TEXTURE_TILE * TEXTURE_TILE);
  const smooth = (t: number) => t * t * (3 - 2 * t);
  for (let k = 0; k < octaves; k++) {
    // octave 0 is the single-octave texture itself (a still clip's field is drawn as it always was)
    const oseed = k === 0 ? seed : (seed ^ Math.imul(k, 0x51ed270b)) | 0;
    const cells = Math.max(1, Math.round(TEXTURE_TILE / (scalePx * 2 ** k)));
    const step = TEXTURE_TILE / cells;
    // The lattice's values hashed once each ((cells + 1)² hashes, not 4 per tile pixel), and each column's offset once.
    const side = cells + 1;
    const values = new Float64Array(side * side);
    for (let j = 0; j < side; j++) for (let i = 0; i < side; i++) values[j * side + i] = 2 * cellHash(i % cells, j % cells, -7, oseed) - 1;
    const lattice = (i: number, j: number) => values[j * side + i]!;
    const colI = new Int32Array(TEXTURE_TILE);
    const colT = new Float64Array(TEXTURE_TILE);
    for (let x = 0; x < TEXTURE_TILE; x++) {
      const fx = x / step;
      colI[x] = Math.floor(fx);
      colT[x] = smooth(fx - colI[x]!);
    }
    for (let y = 0; y < TEXTURE_TILE; y++) {
      const fy = y / step;
      const j = Math.floor(fy);
      const ty = smooth(fy - j);
      for (let x = 0; x < TEXTURE_TILE; x++) {
        const i = colI[x]!;
        const tx = colT[x]!;
        const a = lattice(i, j) + (lattice(i + 1, j) - lattice(i, j)) * tx;
        const b = lattice(i, j + 1) + (lattice(i + 1, j + 1) - lattice(i, j + 1)) * tx;
        tile[y * TEXTURE_TILE + x]! += a + (b - a) * ty;
      }
    }
  }
  return tile;
}

/**
 * For each gradient level, the bin whose colour, projected on the main axis of the bins' OKLab colours (oriented
 * to grow with lightness: how extraction reads a gradient), is nearest a straight line from the first bin's to the
 * last's: the ramp's colour signal then grows linearly with the position.
 */
export function axisLinearLevels(bins: readonly [number, number, number][]): Uint8Array {
  const lab = bins.map((b) => rgbToOklab(b));
  const n = lab.length;
  const m = [0, 1, 2].map((i) => lab.reduce((a, c) => a + c[i]!, 0) / n);
  const cov = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (const c of lab) for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) cov[3 * i + j]! += (c[i]! - m[i]!) * (c[j]! - m[j]!);
  let v = [1, 0.001, 0.001];
  for (let it = 0; it < 50; it++) {
    const w = [0, 1, 2].map((i) => cov[3 * i]! * v[0]! + cov[3 * i + 1]! * v[1]! + cov[3 * i + 2]! * v[2]!);
    const norm = Math.hypot(w[0]!, w[1]!, w[2]!) || 1;
    v = w.map((x) => x / norm);
  }
  const P = lab.map((c) => (c[0]! - m[0]!) * v[0]! + (c[1]! - m[1]!) * v[1]! + (c[2]! - m[2]!) * v[2]!);
  const lo = P[0]!;
  const hi = P[n - 1]!;
  const out = new Uint8Array(n);
  for (let l = 0; l < n; l++) {
    const want = lo + ((hi - lo) * l) / Math.max(1, n - 1);
    let best = 0;
    for (let k = 1; k < n; k++) if (Math.abs(P[k]! - want) < Math.abs(P[best]! - want)) best = k;
    out[l] = best;
  }
  return out;
}

/** The pool indices a frame re-draws: `perFrame` distinct ones, seeded by the frame (a partial Fisher–Yates on the hash). */
export function framePoolColors(poolSize: number, perFrame: number, frame: number, seed: number): number[] {
  const idx = Array.from({ length: poolSize }, (_, i) => i);
  const k = Math.min(poolSize, perFrame);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(cellHash(frame, i, -3, seed) * (poolSize - i));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx.slice(0, k);
}

/**
 * Whether a pure clip's cells are drawn in whole 2×2 blocks on the codec's chroma grid (cells of an even size, under a
 * still camera, a translation, or a medium or fast roll or zoom; a slow roll or zoom draws per pixel: the blocks'
 * rounding jitter lifted slow ones to medium). Blended clips never are.
 */
export function drawsChromaBlocks(spec: Pick<Spec, 'mode' | 'cell_size' | 'camera' | 'motion'>): boolean {
  return spec.mode === 'pure' && spec.cell_size % 2 === 0 && ((spec.camera.zoom === 0 && spec.camera.roll === 0) || spec.motion.speed >= MOTION_THRESHOLDS.slow);
}

/** A frame renderer: `bins` are the colours pixels can take; `render` fills RGBA and returns pixel counts per bin. */
export interface FieldRenderer {
  bins: [number, number, number][];
  render(frame: number, rgba: Uint8ClampedArray): Uint32Array;
}

/**
 * Pure mode: a bin per palette colour, drawn per world cell from the selection probabilities of the gradient
 * position where the cell shows on screen; a cell is re-drawn `churn` times per frame on average
 * (generation = ⌊i·churn + φ⌋); then a random share of the world's cells, in spells of REDRAW_SPELL frames, take
 * colours re-drawn from the pool by the frame their spell began (`redraw`).
 * Blended mode: a bin per gradient level, each the probability-weighted mean palette colour (one
 * smooth palette gradient, posterised to GRADIENT_LEVELS steps so every pixel's colour is known), its
 * position offset by the spec's world-anchored texture when it has one.
 * Blended, the gradient is the light on the screen and the texture is the world under it: a move, however long or
 * far (a 4 s fast zoom scales the world 36,000×), never takes the view off the gradient, and the content still moves
 * with the camera. Pure cells take the world's ramp (a screen ramp would re-colour cells as they cross it: moving
 * content); what leaves it is not claimed (build-spec `pureRampInView`). Under a zoom the world's detail comes in
 * octaves (ZOOM_OCTAVES), so it stays near its size on screen instead of growing into one cell or shrinking under a pixel.
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
  // Blended: the gradient is on the screen, each pixel's position once for the whole clip. Pure: on the world (the
  // level of the cell's centre), since cells crossing a screen-anchored ramp would change colour under the camera
  // and read as moving content (a medium pan measured fast).
  const pos = gradientPosition(spec.gradient, width, height);
  const posAt = new Float32Array(spec.mode === 'blended' ? width * height : 0);
  // A blended complex field is periodic, so a pan, tilt, roll or shake never leaves it: it is on the world and moves
  // with the camera. On the screen its strong still pattern outweighed the texture (a fast tilt over it read still);
  // a zoom past 2× (one that needs octaves) would grow it into one patch, so under such a zoom it stays on the screen
  // (the texture's octaves carry the move). A discovered roll carries a small zoom (≤ 2× over the clip): kept on the
  // world, since a low-key fast roll over a screen complex field read static (2 of 2 in the seed-2 run, raw frames).
  const worldComplex = spec.mode === 'blended' && spec.gradient.type === 'complex' && spec.camera.move !== 'static' && Math.abs(spec.camera.zoom) * spec.duration_s <= Math.LN2;
  for (let y = 0, o = 0; y < height && posAt.length > 0; y++) for (let x = 0; x < width; x++, o++) posAt[o] = pos(x + 0.5, y + 0.5);
  const texture = spec.texture ?? null;
  const tile = texture && texture.amplitude > 0 ? textureTile(texture.scale_px, seed ^ 0x2545f491, texture.octaves ?? 1) : null;
  const amp = texture?.amplitude ?? 0;
  const mask = TEXTURE_TILE - 1;
  const blended = spec.mode === 'blended';
  // Each level's mean colour: a blended pixel's colour, a pure cell's expected colour (what a mean frame shows).
  const levelColors = levelMeanColors(table, spec.palette);
  const bins: [number, number, number][] = blended ? levelColors : spec.palette.map((c) => c.rgb);
  // Pure: a cell's level is re-timed like a blended pixel's, on the levels' expected colours (what the mean frame of a
  // window averages the cells into): the selection bumps have plateaus at the palette's colours, so the ramp's colour
  // signal was S-shaped and pure ramps read radial, or another linear type under a roll (docs/loop-and-app.md).
  const pureRemap = !blended && spec.gradient.type !== 'flat' ? axisLinearLevels(levelColors) : null;
  const levelOf = (x: number, y: number) => {
    const l = Math.min(GRADIENT_LEVELS - 1, Math.floor(pos(x, y) * GRADIENT_LEVELS));
    return pureRemap ? pureRemap[l]! : l;
  };
  // Pure: the per-frame pool colours are bins after the palette's (bin n + k = redraw pool colour k).
  const redraw = !blended && spec.redraw && spec.redraw.share > 0 && spec.redraw.pool.length > 0 ? spec.redraw : null;
  if (redraw) for (const c of redraw.pool) bins.push(c.rgb);
  const redrawSeed = seed ^ 0x68e31da4; // the frame's pool draw (the cells' spells mix in their own level's seed)
  const drawnSets = new Map<number, number[]>();
  const drawnAt = (f: number): number[] => {
    let set = drawnSets.get(f);
    if (!set && redraw) drawnSets.set(f, (set = framePoolColors(redraw.pool.length, redraw.per_frame, f, redrawSeed).map((k) => n + k)));
    return set ?? [];
  };

  // Blended: the level a gradient position shows is re-timed so the colour signal grows linearly with the position
  // (the bins' path through the palette has plateaus at its colours; a ramp with plateaus reads as curved, even radial).
  const remap = blended ? axisLinearLevels(bins) : null;

  // Each bin's RGBA as one 32-bit word in memory order (one store per pixel instead of four).
  const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  const words = new Uint32Array(bins.map(([r, g, b]) => (littleEndian ? ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | 255) >>> 0)));

  // Pure cells of an even size are drawn in 2×2 screen blocks on the codec's chroma grid (a block takes the cell under
  // its centre): a 4:2:0 clip shares chroma over each block, so a block holding two palette colours decodes as their
  // mixture, named as another primitive (blue and pink cells moving read magenta too: palette Jaccard 0.67). At
  // frame 0 and under a still camera this draws exactly the cells the pixel centres fall in. Under a translation the
  // whole picture jumps by whole blocks. Under a zoom or roll each block's position is rounded its own way, a jitter
  // that reads as ≈ 0.03–0.04 diag/s of extra motion: enough to lift a slow move to medium (4 of 10 slow rolls and zooms
  // replayed through x264), not a medium or fast one (12 of 12 kept their level, and 10 of 12 their palette, 3 before).
  const chromaBlocks = drawsChromaBlocks(spec);

  // A zoom that stays within 2× of the first frame's scale keeps one level (no cells fading: content only moves).
  const octaves = Math.abs(spec.camera.zoom) * spec.duration_s > Math.LN2;

  // Blended, a frame depends on its index only through the camera's mapping: the last frame drawn, kept with that
  // mapping, is copied when the next one maps the same (a still camera: 29 of 30 frames not drawn again).
  let kept: { key: number[]; pixels: Uint8ClampedArray; counts: Uint32Array } | null = null;

  return {
    bins,
    render(frame, rgba) {
      if (rgba.length !== width * height * 4) throw new RangeError(`rgba holds ${rgba.length} bytes, not ${width}×${height}×4`);
      // screenToWorld inlined (same arithmetic, so the same cells as its callers compute).
      const pose = poseAt(spec.camera, frame, fps, width, height);
      const { cx: mx, cy: my, ox, oy, cos, sin } = worldMapOf(pose, width, height);
      const { level: zl, fade } = octaves ? zoomOctave(pose.lnScale) : { level: 0, fade: 0 };
      // the world's detail at octave zl (scale fA) and the next (fB, fading in); octave 0 is the world at frame 0
      const fA = 2 ** (zl * ZOOM_OCTAVES);
      const fB = fA * 2 ** ZOOM_OCTAVES;
      const wA = Math.cos((Math.PI / 2) * fade);
      const wB = Math.sin((Math.PI / 2) * fade);
      // every number a blended pixel's colour is computed from, besides the field's own (fixed) tables
      const key = blended ? [mx, my, ox, oy, cos, sin, fA, fB, wA, wB] : null;
      const last = kept;
      if (key && last && key.every((v, i) => Object.is(v, last.key[i]))) {
        rgba.set(last.pixels);
        return last.counts.slice();
      }
      const counts = new Uint32Array(bins.length);
      const out = rgba.byteOffset % 4 === 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height) : null;
      const seedA = octaveSeed(seed, zl);
      const seedB = octaveSeed(seed, zl + 1);
      const pickB = octaveSeed(seed ^ 0x7f4a7c15, zl + 1);
      let o = 0;
      for (let y = 0; y < height; y++) {
        const qy = (chromaBlocks ? y | 1 : y + 0.5) - my - oy;
        // Neighbouring pixels often share a world cell (cells > 1 px, zoom-in): reuse the last cell's bin.
        let lastCx = NaN;
        let lastCy = NaN;
        let lastB = false;
        let lastBin = 0;
        for (let x = 0; x < width; x++, o++) {
          const qx = (chromaBlocks ? x | 1 : x + 0.5) - mx - ox;
          const wx = mx + cos * qx + sin * qy;
          const wy = my - sin * qx + cos * qy;
          let bin: number;
          if (remap) {
            let u = worldComplex ? pos(wx, wy) : posAt[o]!;
            if (tile) {
              let t = wA * tile[(Math.floor(wy * fA) & mask) * TEXTURE_TILE + (Math.floor(wx * fA) & mask)]!;
              if (wB > 0) t += wB * tile[(Math.floor(wy * fB) & mask) * TEXTURE_TILE + (Math.floor(wx * fB) & mask)]!;
              u += amp * t;
            }
            bin = remap[u <= 0 ? 0 : Math.min(GRADIENT_LEVELS - 1, Math.floor(u * GRADIENT_LEVELS))]!;
          } else {
            // the cell at the next octave (fading in: its cells take over one by one as the zoom goes on) or this one
            let cx = Math.floor((wx * fB) / cs);
            let cy = Math.floor((wy * fB) / cs);
            const useB = fade > 0 && cellHash(cx, cy, -9, pickB) < fade;
            if (!useB) {
              cx = Math.floor((wx * fA) / cs);
              cy = Math.floor((wy * fA) / cs);
            }
            if (cx === lastCx && cy === lastCy && useB === lastB) bin = lastBin;
            else {
              const cseed = useB ? seedB : seedA;
              const f = useB ? fB : fA;
              const gen = churn > 0 ? Math.floor(frame * churn + cellHash(cx, cy, -1, cseed ^ 0x5bd1e995)) : 0;
              const lv = levelOf(((cx + 0.5) * cs) / f, ((cy + 0.5) * cs) / f);
              const c = cdf[lv]!;
              const r = cellHash(cx, cy, gen, cseed);
              bin = 0;
              while (c[bin]! <= r) bin++;
              if (redraw) {
                // A world cell is in a re-drawn spell for REDRAW_SPELL frames with probability `share`, showing a colour
                // the frame its spell began drew from the pool: new pool colours every frame, each cell changing
                // only at its spell's ends (flicker everywhere read as moving content).
                const rseed = cseed ^ 0x68e31da4;
                const phase = cellHash(cx, cy, -5, rseed);
                const spell = Math.floor(frame / REDRAW_SPELL + phase);
                if (cellHash(cx, cy, spell, rseed) < redraw.share) {
                  const began = Math.max(0, Math.ceil((spell - phase) * REDRAW_SPELL));
                  const set = drawnAt(began);
                  bin = set[Math.floor(cellHash(cx, cy, spell, rseed ^ 0x1b873593) * set.length)]!;
                }
              }
              lastCx = cx;
              lastCy = cy;
              lastB = useB;
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
      if (key) kept = { key, pixels: kept?.pixels.length === rgba.length ? (kept.pixels.set(rgba), kept.pixels) : rgba.slice(), counts: counts.slice() };
      return counts;
    },
  };
}

/**
 * Octaves (powers of two of scale) between one level of the world's detail and the next under a zoom: a level's
 * cells (or texture) grow or shrink up to 2^ZOOM_OCTAVES on screen, then the next level has faded in. Two octaves
 * (4×) keep a pure clip's fade to a few percent of its cells a frame even at a fast zoom.
 */
export const ZOOM_OCTAVES = 2;

/** The detail level a camera scale shows (0 at frame 0's scale) and how far the next level has faded in, 0–1. */
export function zoomOctave(lnScale: number): { level: number; fade: number } {
  const z = lnScale / Math.LN2 / ZOOM_OCTAVES;
  const level = Math.floor(z);
  return { level, fade: z - level };
}

/** A detail level's hash seed: level 0 keeps the field's own seed (a clip without a zoom is drawn as it always was). */
function octaveSeed(seed: number, level: number): number {
  return (seed ^ Math.imul(level, 0x3c6ef372)) | 0;
}
