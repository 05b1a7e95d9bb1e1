// FOUNDATION §3.8: gradual transitions. A fade is a run of frames whose contrast falls monotonically to a flat frame
// (fade_out) or rises monotonically from one (fade_in): a fade multiplies the content's deviations from the flat
// colour, so the luma standard deviation follows the fade factor whatever the colour faded to. A dissolve is a run
// whose frames are, cell by cell, mixes (1 − α)·A + α·B of the frame before it (A) and the frame after it (B) with α
// rising, that no single step carries, and whose fine detail dips in the middle (two unrelated pictures' gradients
// add in quadrature, so a half mix keeps about 1/√2 of them) — a pan or a whip pan moves content instead of mixing it.
// A slow pan or tilt over a smooth photograph (a sky darkening across the frame) also makes its coarse grid ramp
// like a mix, with a detail dip from codec softening; so a run that the camera explains is no dissolve: the pairs'
// camera models, composed over the run, carry the frame before it onto the frame after it (issue #13).
import type { TransitionReport } from '../report/analysis.ts';
import { frameReader, type FrameReader } from './frame-reader.ts';
import { frameRuns } from './frame-runs.ts';
import type { GrayLevel } from './gray-pyramid.ts';

/** What transition detection keeps of each frame (a few numbers and a tiny luma grid). */
export interface FrameLook {
  /** Luma standard deviation over the frame, 0–1. */
  std: number;
  /** RMS luma gradient on pyramid level 0 (luma levels per level-0 px): the frame's fine detail. */
  edge: number;
  /** GRID_COLS × GRID_ROWS cell means of level-0 luma (0–255). */
  grid: Uint8Array;
  /** Per cell: the luma standard deviation inside it (0–255, rounded), for the contrast of a part of the frame. */
  cellStd: Uint8Array;
  /** Per cell: the RMS level-0 gradient inside it (luma levels per px, rounded, at most 255), for the detail of a part. */
  cellEdge: Uint8Array;
}

/** Columns and rows of the luma grid kept per frame. */
export const GRID_COLS = 16;
/** Rows of the luma grid (16 × 9 keeps a 16:9 frame's cells square). */
export const GRID_ROWS = 9;
/** A frame is flat (black or one colour) below this luma standard deviation (0–1; 5 levels of 255). */
export const FLAT_STD = 0.02;
/** A fade's content end has at least this many times the flat contrast. */
export const FADE_MIN_CONTRAST = 2;
/** Contrast steps smaller than this (luma std, 0–1) are codec noise, inside a flat run. */
export const FADE_NOISE = 0.001;
/** A fade's ends are where the contrast is within this share of its whole change from the content (content drift in a shot is not the fade). */
export const FADE_EDGE_SHARE = 0.05;
/** A fade has at least this many frames between the flat frame and the content. */
export const FADE_MIN_FRAMES = 2;
/** A dissolve lasts at least this many frames … */
export const DISSOLVE_MIN_FRAMES = 3;
/** … and at most this many seconds. */
export const DISSOLVE_MAX_S = 2;
/** The pictures before and after a dissolve differ by at least this mean |Δ| over the grid (luma levels). */
export const DISSOLVE_MIN_CHANGE = 12;
/** Its frames are mixes of them within this share of that change (mean |residual| / change). */
export const DISSOLVE_MAX_MIX_ERROR = 0.2;
/** No single step carries more than this share of the change (else it is a cut, maybe beside motion). */
export const DISSOLVE_MAX_STEP_SHARE = 0.45;
/** Fine detail at the half mix is at most this share of the ends' (linearly interpolated). */
export const DISSOLVE_MAX_EDGE_DIP = 0.88;

/** Pairs' camera motion (frame i−1 → i, as the timeline's global motion): centre translation in frame px, ln-scale and degrees per frame. */
export interface PairCamera {
  tx: number;
  ty: number;
  zoom: number;
  roll: number;
}

/** The camera explains a dissolve candidate when its composed motion leaves less than this share of the change (mean |Δ| over the cells it keeps in view). */
export const DISSOLVE_CAMERA_EXPLAINS = 0.5;
/** The camera check needs at least this share of the grid's cells kept in view by the composed motion. */
export const DISSOLVE_CAMERA_MIN_VIEW = 0.3;

/** The frame's look from its luma standard deviation (0–1) and its pyramid level 0. */
export function frameLook(std: number, level0: GrayLevel): FrameLook {
  const { w, h, data, gx, gy } = level0;
  const sums = new Float64Array(GRID_COLS * GRID_ROWS);
  const squares = new Float64Array(GRID_COLS * GRID_ROWS);
  const grads = new Float64Array(GRID_COLS * GRID_ROWS);
  const counts = new Float64Array(GRID_COLS * GRID_ROWS);
  let g2 = 0;
  for (let y = 0; y < h; y++) {
    const row = Math.min(GRID_ROWS - 1, Math.floor((y * GRID_ROWS) / h)) * GRID_COLS;
    for (let x = 0; x < w; x++) {
      const k = y * w + x;
      const c = row + Math.min(GRID_COLS - 1, Math.floor((x * GRID_COLS) / w));
      const v = data[k]!;
      const e = gx[k]! ** 2 + gy[k]! ** 2;
      sums[c]! += v;
      squares[c]! += v * v;
      grads[c]! += e;
      counts[c]!++;
      g2 += e;
    }
  }
  const grid = new Uint8Array(GRID_COLS * GRID_ROWS);
  const cellStd = new Uint8Array(GRID_COLS * GRID_ROWS);
  const cellEdge = new Uint8Array(GRID_COLS * GRID_ROWS);
  for (let c = 0; c < grid.length; c++) {
    const k = counts[c]!;
    if (!k) continue;
    const m = sums[c]! / k;
    grid[c] = Math.round(m);
    cellStd[c] = Math.round(Math.sqrt(Math.max(0, squares[c]! / k - m * m)));
    cellEdge[c] = Math.min(255, Math.round(Math.sqrt(grads[c]! / k)));
  }
  return { std, edge: Math.sqrt(g2 / Math.max(1, w * h)), grid, cellStd, cellEdge };
}

/** Frame i's camera motion from frame i−1 (null where unmeasured) on width×height frames. */
export interface CameraMotions {
  motion: FrameReader<PairCamera | null>;
  width: number;
  height: number;
}

/**
 * Fades and dissolves over the frames' looks, in frame order, not overlapping. `looks`: an array, or the timeline's
 * columns read frame by frame (frame-reader.ts, issue 18). `camera` (optional): the pairs' camera motions, to veto
 * runs that the camera explains. `cuts` (optional): hard-cut frames found so far; a fade's content does not reach
 * across one.
 */
export function detectTransitions(looks: FrameReader<FrameLook>, fps: number, camera?: CameraMotions, cuts: number[] = []): TransitionReport[] {
  const active = changingCells(looks, fps);
  // a fade's contrast is measured from the frame's own radial field: a vignette leaves a white or coloured hold
  // (one colour times a lens fall-off) with contrast in its cell means only, which a fade toward it does not scale
  const field = radialBasis(active ?? allCells(), camera ? camera.width / camera.height : 16 / 9);
  // per frame: the changing part's plain contrast and detail, and its field contrast (numbers, not looks: issue 18)
  const n = looks.length;
  const contrast: number[] = [];
  const fieldStd: number[] = [];
  const edge: number[] = [];
  for (let i = 0; i < n; i++) {
    const l = active ? regionLook(looks.at(i)!, active) : looks.at(i)!;
    contrast.push(l.std);
    edge.push(l.edge);
    fieldStd.push(fieldContrast(l, field));
  }
  const base = looks;
  looks = frameReader(n, (i) => ({ ...base.at(i)!, std: fieldStd[i]!, edge: edge[i]! }));
  const flat = fieldFrames(looks, fps, active ?? allCells());
  const fades = detectFades(looks, cuts, flat, contrast);
  const taken = new Uint8Array(looks.length);
  for (const f of fades) for (let i = Math.max(0, f.start_frame - 1); i <= Math.min(looks.length - 1, f.end_frame + 1); i++) taken[i] = 1;
  // flat frames belong to no dissolve (a fade's black hold)
  for (let i = 0; i < looks.length; i++) if (flat[i]) taken[i] = 1;
  const dissolves = detectDissolves(looks, fps, taken, camera, active ?? allCells()).map((d) => fadeOrDissolve(looks, d, active ?? allCells()));
  return [...fades, ...dissolves].sort((a, b) => a.start_frame - b.start_frame);
}

/** A frame is a field (the hold a fade goes to) when its contrast and fine detail are at most this share of the most around it … */
export const FIELD_SHARE = 0.4;
/** … within this many seconds either side … */
export const FIELD_CONTEXT_S = 1;
/** A field's cells are alike (grain and a lens fall-off, no picture): their inner std and detail spread at most this share of their mean (plus half a level of rounding). */
export const FIELD_MAX_SPREAD = 0.35;

/** The values of `cells` spread (std) at most FIELD_MAX_SPREAD of their mean, plus half a level (they are rounded). */
function uniform(v: Uint8Array, cells: number[]): boolean {
  let m = 0;
  for (const c of cells) m += v[c]!;
  m /= cells.length;
  let d = 0;
  for (const c of cells) d += (v[c]! - m) ** 2;
  return Math.sqrt(d / cells.length) <= FIELD_MAX_SPREAD * m + 0.5;
}

/** … and at most this share of the most on the quieter side (a dip below both: a picture beside a busier one is no field). */
export const FIELD_SIDE_SHARE = 0.7;

/**
 * Frames that hold no picture: flat (contrast under FLAT_STD), or a field — contrast (from the frame's own radial
 * field) and fine detail both at most FIELD_SHARE of the most within FIELD_CONTEXT_S on the busier side and
 * FIELD_SIDE_SHARE of the most on the quieter (each side that has frames), its cells alike in inner contrast and
 * detail (FIELD_MAX_SPREAD: grain is everywhere, a picture's detail is not); `looks[].std` is the field contrast
 * (fieldContrast) and `cells` the cells measured. A fade
 * to white under a vignette holds a lens fall-off of one colour plus the grain: neither flat nor a picture (issue #13).
 */
export function fieldFrames(looks: FrameReader<FrameLook>, fps: number, cells: number[]): boolean[] {
  const n = looks.length;
  const r = Math.max(1, Math.round(FIELD_CONTEXT_S * fps));
  const std = Array.from({ length: n }, (_, i) => looks.at(i)!.std);
  const edge = Array.from({ length: n }, (_, i) => looks.at(i)!.edge);
  const below = (x: number[], i: number) => {
    const side = (from: number, to: number) => {
      let m = -Infinity;
      for (let j = Math.max(0, from); j <= Math.min(n - 1, to); j++) m = Math.max(m, x[j]!);
      return m;
    };
    const sides = [i > 0 ? side(i - r, i - 1) : NaN, i < n - 1 ? side(i + 1, i + r) : NaN].filter((m) => Number.isFinite(m));
    return { busier: sides.length > 0 && x[i]! <= FIELD_SHARE * Math.max(...sides), quieter: sides.length > 0 && x[i]! <= FIELD_SIDE_SHARE * Math.min(...sides) };
  };
  return Array.from({ length: n }, (_, i) => {
    if (std[i]! < FLAT_STD) return true;
    const [s, e] = [below(std, i), below(edge, i)];
    // below the busier side in contrast and detail, below the quieter in either: grain on a field can show as much
    // detail as a smooth picture beside it (footage-4: a vignetted white, detail 2.5, beside a blurred plasma cloud, 2.7)
    return s.busier && e.busier && (s.quieter || e.quieter) && uniform(looks.at(i)!.cellStd, cells) && uniform(looks.at(i)!.cellEdge, cells);
  });
}

/**
 * A run that mixes two frames is a fade when one of them holds no picture: a fade toward white or a colour under a
 * vignette ends on one colour times the lens fall-off (plus grain), which the mix fits as well as a picture. So both
 * are fitted: the end whose contrast once its own radial field is taken out (`looks[].std`, fieldContrast) is at
 * most FIELD_SHARE of the other end's, its cells alike in inner contrast and detail (grain everywhere, no picture),
 * is a field — the run is a fade_out toward it (the frame after the run) or a fade_in from it (the frame before).
 * The field frame's fine detail is not asked to dip: grain shows more on white than on the dark picture it fades from
 * (issue #13, footage-3: a fade to white meeting a fade from white under a vignette read as two dissolves, detail
 * 1.6 on the picture and 3.0 on the white). The end is read at its frame and the one beyond (a meeting fade's
 * lowest frame may sit there).
 */
function fadeOrDissolve(looks: FrameReader<FrameLook>, d: TransitionReport, cells: number[]): TransitionReport {
  const n = looks.length;
  const lowest = (i: number, j: number) => (j >= 0 && j < n && looks.at(j)!.std < looks.at(i)!.std ? j : i);
  const a = lowest(Math.max(0, d.start_frame - 1), d.start_frame - 2);
  const b = lowest(Math.min(n - 1, d.end_frame + 1), d.end_frame + 2);
  const field = (x: number, y: number) => {
    const [lx, ly] = [looks.at(x)!, looks.at(y)!];
    return lx.std <= FIELD_SHARE * ly.std && uniform(lx.cellStd, cells) && uniform(lx.cellEdge, cells);
  };
  if (field(b, a)) return { ...d, kind: 'fade_out' };
  if (field(a, b)) return { ...d, kind: 'fade_in' };
  return d;
}

/** A fade's walk tolerates frame-to-frame contrast noise up to this many times the file's median |Δ contrast| (grain, codec). */
export const FADE_NOISE_MULT = 3;
/** A fade's walk crosses at most this many steps in a row that do not continue it (a frame repeated by a higher frame rate, grain). */
export const FADE_MAX_PAUSE = 2;
/** A fade ramps: at least FADE_MIN_FRAMES of its frames have contrast strictly inside this share of the way between its ends (a flash or a cut to black jumps). */
export const FADE_RAMP_MARGIN = 0.1;

/** A fade's walk also tolerates this share of the contrast reached (a codec's frame types wobble the contrast of a faint, fading picture in proportion). */
export const FADE_REL_NOISE = 0.1;

/** The file's contrast noise: FADE_NOISE_MULT × the median |std step| (at least FADE_NOISE). */
function contrastNoise(std: number[]): number {
  const d: number[] = [];
  for (let i = 1; i < std.length; i++) d.push(Math.abs(std[i]! - std[i - 1]!));
  if (!d.length) return FADE_NOISE;
  d.sort((p, q) => p - q);
  return Math.max(FADE_NOISE, FADE_NOISE_MULT * d[d.length >> 1]!);
}

/**
 * From `from`, walk by `dir` (±1, within [lo, hi]) while the contrast keeps going `up` (or down) — noise of `tol`
 * or FADE_REL_NOISE of the contrast reached, and up to FADE_MAX_PAUSE steps that do not continue it crossed — and
 * return the most extreme frame reached.
 */
function walkExtreme(std: number[], from: number, dir: 1 | -1, up: boolean, lo: number, hi: number, tol: number): number {
  const better = (x: number, y: number) => (up ? x > y : x < y);
  let best = from;
  let pause = 0;
  for (let j = from + dir; j >= lo && j <= hi; j += dir) {
    // falls back from the best by more than noise: the walk is over
    const t = Math.max(tol, FADE_REL_NOISE * std[best]!);
    if (up ? std[j]! < std[best]! - t : std[j]! > std[best]! + t) break;
    if (better(std[j]!, std[j - dir]!)) pause = 0;
    else if (++pause > FADE_MAX_PAUSE) break;
    if (better(std[j]!, std[best]!)) best = j;
  }
  return best;
}

/** No single frame step carries more than this share of a fade's whole change (a flash ending or a cut from black jumps). */
export const FADE_MAX_STEP_SHARE = 0.5;

/** The largest |contrast step| from frame s−1 to e, as a share of |a − b|. */
function maxStepShare(std: number[], s: number, e: number, a: number, b: number): number {
  let m = 0;
  for (let j = Math.max(1, s); j <= e; j++) m = Math.max(m, Math.abs(std[j]! - std[j - 1]!));
  return m / Math.max(1e-9, Math.abs(a - b));
}

/** Frames of [s, e] whose contrast lies strictly inside the ramp between a and b (FADE_RAMP_MARGIN off each end). */
function rampFrames(std: number[], s: number, e: number, a: number, b: number): number {
  const lo = Math.min(a, b) + FADE_RAMP_MARGIN * Math.abs(a - b);
  const hi = Math.max(a, b) - FADE_RAMP_MARGIN * Math.abs(a - b);
  let k = 0;
  for (let j = s; j <= e; j++) if (std[j]! > lo && std[j]! < hi) k++;
  return k;
}

/**
 * A fade takes the contrast down to a field: its field end keeps at most this share of its content end's field contrast.
 * A picture whose contrast sags by a sixth while it pans (footage-4: 0.084 → 0.070 after a flash) or a still picture
 * beside a wipe (0.020 → 0.020) is no fade; footage-4's faint plasma cloud faded in from white starts at 0.47 of it.
 */
export const FADE_MAX_END_SHARE = 0.6;

/** `contrast`: the frames' plain contrast (the content at a fade's end has FADE_MIN_CONTRAST × FLAT_STD of it). */
function detectFades(looks: FrameReader<FrameLook>, cuts: number[], flat: boolean[], contrast: number[]): TransitionReport[] {
  const n = looks.length;
  const std = Array.from({ length: n }, (_, i) => looks.at(i)!.std);
  const tol = contrastNoise(std);
  const out: TransitionReport[] = [];
  // two flat runs a noisy frame apart (60 fps grain) both lead to the same content: one fade of a kind, the first found
  const add = (t: TransitionReport) => {
    if (!out.some((o) => o.kind === t.kind && o.start_frame <= t.end_frame && t.start_frame <= o.end_frame)) out.push(t);
  };
  for (const { start: a, end: b } of frameRuns(n, (i) => flat[i]!)) {
    // fade_out into the flat run: contrast falling from the content's peak k to the run, and on into it while it
    // still falls by more than noise (the last nearly-black frames)
    const k = walkExtreme(std, a, -1, true, Math.max(0, ...cuts.filter((c) => c < a)), a, tol);
    let e = a;
    while (e + 1 <= b && std[e + 1]! < std[e]! - FADE_NOISE) e++;
    if (e - k >= FADE_MIN_FRAMES + 1 && contrast[k]! >= FADE_MIN_CONTRAST * FLAT_STD && std[e]! <= FADE_MAX_END_SHARE * std[k]!) {
      // the fade starts where the contrast last stood within a small share of its whole fall from the peak: the
      // final fall, not a drift of the content before it (a pan across the picture)
      let j = e;
      while (j > k && std[j]! < std[k]! - FADE_EDGE_SHARE * (std[k]! - std[e]!)) j--;
      const start = Math.max(k + 1, j);
      if (rampFrames(std, start, e, std[k]!, std[e]!) >= FADE_MIN_FRAMES && maxStepShare(std, start, e, std[k]!, std[e]!) <= FADE_MAX_STEP_SHARE) add({ kind: 'fade_out', start_frame: start, end_frame: e });
    }
    // fade_in out of the flat run: contrast rising from the run's darkest late frame s to the content's peak k
    let s = walkExtreme(std, b, -1, false, a, b, tol);
    // the content's peak, not past the next cut (the frame after the run may itself read as one: it is the fade's)
    const kin = walkExtreme(std, b, 1, true, b, Math.min(n, ...cuts.filter((c) => c > b + 1)) - 1, tol);
    // the fade starts where the contrast rises out of the hold's noise (a long flat hold is not the fade)
    const trough = std[s]!;
    while (s + 1 <= b && s + 1 < kin && std[s + 1]! <= trough + tol) s++;
    if (kin - s >= FADE_MIN_FRAMES + 1 && contrast[kin]! >= FADE_MIN_CONTRAST * FLAT_STD && std[s]! <= FADE_MAX_END_SHARE * std[kin]!) {
      // and ends where the contrast first comes within that share of the content's peak (a later drift is content)
      let end = s + 1;
      while (end < kin && std[end]! < std[kin]! - FADE_EDGE_SHARE * (std[kin]! - std[s]!)) end++;
      if (rampFrames(std, s, end, std[s]!, std[kin]!) >= FADE_MIN_FRAMES && maxStepShare(std, s + 1, end, std[s]!, std[kin]!) <= FADE_MAX_STEP_SHARE) add({ kind: 'fade_in', start_frame: s, end_frame: end });
    }
  }
  return out;
}

/** Frames between the two pictures compared for the static-region mask: half a second. */
export const STATIC_LAG_S = 0.5;
/** A frame pair is a change of picture when the median cell moved by at least this much (luma levels)… */
export const STATIC_EVENT_MIN = 16;
/** … and the file has at least this many such pairs (else nothing tells a still overlay from a still picture). */
export const STATIC_MIN_EVENTS = 3;
/** A cell is static (bars, a burnt-in ticker or logo) when, over the changes of picture, it moved less than this share of the median cell. */
export const STATIC_MAX_RESPONSE = 0.6;
/** The static cells are left out only when at least this share of the grid still changes (else the picture itself is still). */
export const STATIC_MIN_CHANGING = 0.5;

function allCells(): number[] {
  return Array.from({ length: GRID_COLS * GRID_ROWS }, (_, c) => c);
}

/**
 * The cells that follow the picture's changes, or null when every cell does (or too few changes are seen to tell):
 * over pairs of frames STATIC_LAG_S apart whose median cell moved by STATIC_EVENT_MIN or more (cuts, fades,
 * dissolves, moves), a cell's summed |change| against the summed median. Letterbox bars (0), a news ticker or a logo
 * burnt in over the picture (0.3–0.5: only what shows through, and its own text) respond far less than the picture
 * (about 1). Fades and dissolves are then measured on the changing cells only (issue #13).
 */
export function changingCells(looks: FrameReader<FrameLook>, fps: number): number[] | null {
  const n = looks.length;
  const cells = GRID_COLS * GRID_ROWS;
  const lag = Math.max(1, Math.round(STATIC_LAG_S * fps));
  const num = new Float64Array(cells);
  const d = new Float64Array(cells);
  let den = 0;
  let events = 0;
  for (let i = 0; i + lag < n; i++) {
    const a = looks.at(i)!.grid;
    const b = looks.at(i + lag)!.grid;
    for (let c = 0; c < cells; c++) d[c] = Math.abs(b[c]! - a[c]!);
    const m = Float64Array.from(d).sort()[cells >> 1]!;
    if (m < STATIC_EVENT_MIN) continue;
    events++;
    den += m;
    for (let c = 0; c < cells; c++) num[c]! += d[c]!;
  }
  if (events < STATIC_MIN_EVENTS) return null;
  const changing = (c: number) => num[c]! >= STATIC_MAX_RESPONSE * den;
  if (allCells().every(changing)) return null;
  // cells beside a static one straddle it (a bar's edge, the picture showing above a ticker): left out too
  const col = (c: number) => c % GRID_COLS;
  const active = allCells().filter((c) => changing(c) && [c - GRID_COLS, c + GRID_COLS, col(c) > 0 ? c - 1 : -1, col(c) < GRID_COLS - 1 ? c + 1 : -1].every((k) => k < 0 || k >= cells || changing(k)));
  return active.length >= STATIC_MIN_CHANGING * cells ? active : null;
}

/** A frame's radial field: cell means fitted by a + b·r² + c·r⁴ about the frame centre (r: distance over the half-diagonal). */
export interface RadialBasis {
  cells: number[];
  /** Per listed cell: r², r⁴. */
  r2: Float64Array;
  r4: Float64Array;
  /** The inverse of the 3×3 normal matrix of [1, r², r⁴] over the cells (row-major), or null when singular. */
  inverse: Float64Array | null;
}

/** The radial-field basis over `cells` of a frame of width/height `aspect`. */
export function radialBasis(cells: number[], aspect: number): RadialBasis {
  const r2 = new Float64Array(cells.length);
  const r4 = new Float64Array(cells.length);
  const hw = aspect / 2;
  const hh = 0.5;
  cells.forEach((c, k) => {
    const x = ((c % GRID_COLS) + 0.5) / GRID_COLS * aspect - hw;
    const y = (Math.floor(c / GRID_COLS) + 0.5) / GRID_ROWS - hh;
    r2[k] = (x * x + y * y) / (hw * hw + hh * hh);
    r4[k] = r2[k]! * r2[k]!;
  });
  const m = new Float64Array(9);
  for (let k = 0; k < cells.length; k++) {
    const v = [1, r2[k]!, r4[k]!];
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) m[3 * a + b]! += v[a]! * v[b]!;
  }
  return { cells, r2, r4, inverse: invert3(m) };
}

/** The inverse of a row-major 3×3 matrix, or null when it is singular. */
function invert3(m: Float64Array): Float64Array | null {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0, i = 0] = m;
  const A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (!(Math.abs(det) > 1e-12)) return null;
  return Float64Array.from([A, -(b * i - c * h), b * f - c * e, B, a * i - c * g, -(a * f - c * d), C, -(a * h - b * g), a * e - b * d]).map((v) => v / det);
}

/**
 * The frame's contrast once its own radial field is taken out (0–1): pooled from the cells' inner stds and their
 * means' residuals from the fitted a + b·r² + c·r⁴. A flat frame and a vignetted hold of one colour read near 0; a
 * fade toward either scales what is left (the content), as the plain std does for a flat target.
 */
export function fieldContrast(l: FrameLook, basis: RadialBasis): number {
  const { cells, r2, r4, inverse } = basis;
  let s0 = 0, s1 = 0, s2 = 0;
  for (let k = 0; k < cells.length; k++) {
    const g = l.grid[cells[k]!]!;
    s0 += g;
    s1 += g * r2[k]!;
    s2 += g * r4[k]!;
  }
  let ca = s0 / cells.length, cb = 0, cc = 0;
  if (inverse) {
    ca = inverse[0]! * s0 + inverse[1]! * s1 + inverse[2]! * s2;
    cb = inverse[3]! * s0 + inverse[4]! * s1 + inverse[5]! * s2;
    cc = inverse[6]! * s0 + inverse[7]! * s1 + inverse[8]! * s2;
  }
  let v = 0;
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k]!;
    v += l.cellStd[c]! ** 2 + (l.grid[c]! - (ca + cb * r2[k]! + cc * r4[k]!)) ** 2;
  }
  return Math.sqrt(v / cells.length) / 255;
}

/** The look of the changing part of the frame: contrast (luma std, 0–1) and fine detail over `cells` only; the grid is kept whole. */
function regionLook(l: FrameLook, cells: number[]): FrameLook {
  let m = 0;
  for (const c of cells) m += l.grid[c]!;
  m /= cells.length;
  let v = 0;
  let e = 0;
  for (const c of cells) {
    v += l.cellStd[c]! ** 2 + (l.grid[c]! - m) ** 2;
    e += l.cellEdge[c]! ** 2;
  }
  return { ...l, std: Math.sqrt(v / cells.length) / 255, edge: Math.sqrt(e / cells.length) };
}

interface Candidate {
  s: number;
  e: number;
  score: number;
  alphas: number[];
  /** Fitted as a mix of the still end frames (not of ends carried by their motion). */
  still: boolean;
}

function detectDissolves(looks: FrameReader<FrameLook>, fps: number, taken: Uint8Array, camera: CameraMotions | undefined, cells: number[]): TransitionReport[] {
  const n = looks.length;
  const dist = (p: Uint8Array, q: Uint8Array) => {
    let s = 0;
    for (const c of cells) s += Math.abs(p[c]! - q[c]!);
    return s / cells.length;
  };
  const step = new Float64Array(n);
  for (let j = 1; j < n; j++) step[j] = dist(looks.at(j)!.grid, looks.at(j - 1)!.grid);
  const maxLen = Math.max(DISSOLVE_MIN_FRAMES, Math.round(DISSOLVE_MAX_S * fps));
  const found: Candidate[] = [];
  for (let s = 1; s < n - 1; s++) {
    for (let len = DISSOLVE_MIN_FRAMES; len <= maxLen && s + len < n; len++) {
      const e = s + len - 1;
      if (taken[s - 1] || taken[e + 1]) continue;
      let blocked = false;
      for (let j = s; j <= e && !blocked; j++) blocked = taken[j] === 1;
      if (blocked) break; // longer runs from s cross it too
      const A = looks.at(s - 1)!.grid;
      const B = looks.at(e + 1)!.grid;
      const D = dist(A, B);
      if (D < DISSOLVE_MIN_CHANGE) continue;
      let maxStep = 0;
      for (let j = s; j <= e + 1; j++) maxStep = Math.max(maxStep, step[j]!);
      if (maxStep > DISSOLVE_MAX_STEP_SHARE * D) continue;
      // the still ends first; between moving pictures, the ends carried by their own motion
      const moving = camera ? movingEnds(camera, s, e, A, B) : null;
      const still = mixFit(looks, s, e, A, B, D, cells);
      const fit = still ?? (moving ? mixFit(looks, s, e, A, B, D, cells, moving) : null);
      if (!fit) continue;
      if (camera && cameraExplains(camera, s, e, A, B)) continue;
      found.push({ s, e, score: D * (1 - fit.error / DISSOLVE_MAX_MIX_ERROR), alphas: fit.alphas, still: still !== null });
    }
  }
  // the best-explained candidates first, none overlapping another; mixes of the still ends before those of moved ends
  // (the plainer explanation; carried by a side's median motion the ends blur a little: make-photos.sh seq-dissolves
  // 210–239 read 212–238 without this order, 211–239 with it)
  found.sort((p, q) => Number(q.still) - Number(p.still) || q.score - p.score);
  const used = new Uint8Array(n);
  const out: TransitionReport[] = [];
  for (const c of found) {
    let free = true;
    for (let j = c.s - 1; j <= c.e + 1 && free; j++) free = !used[j];
    if (!free) continue;
    for (let j = c.s - 1; j <= c.e + 1; j++) used[j] = 1;
    // the frames that actually blend: α strictly between the ends
    let s = c.s;
    let e = c.e;
    while (s < e && c.alphas[s - c.s]! < 0.04) s++;
    while (e > s && c.alphas[e - c.s]! > 0.96) e--;
    out.push({ kind: 'dissolve', start_frame: s, end_frame: e });
  }
  return out;
}

/** Grids of a dissolve's two ends as seen at frame j of it (cells out of view NaN). */
type EndsAt = (j: number) => { a: ArrayLike<number>; b: ArrayLike<number> };

/**
 * Least-squares α per frame of [s, e] against the mix of A and B (or of the ends as carried to each frame, `endsAt`);
 * null unless the frames are rising mixes with a detail dip that every part of the frame shares.
 */
function mixFit(looks: FrameReader<FrameLook>, s: number, e: number, A: Uint8Array, B: Uint8Array, D: number, cells: number[], endsAt: EndsAt = () => ({ a: A, b: B })): { error: number; alphas: number[] } | null {
  const alphas: number[] = [];
  let err = 0;
  const len = e - s + 1;
  for (let j = s; j <= e; j++) {
    const G = looks.at(j)!.grid;
    const { a, b } = endsAt(j);
    let ab = 0;
    let bb = 0;
    let k = 0;
    for (const c of cells) {
      const [x, y] = [a[c]!, b[c]!];
      if (Number.isNaN(x) || Number.isNaN(y)) continue;
      ab += (G[c]! - x) * (y - x);
      bb += (y - x) ** 2;
      k++;
    }
    if (!(bb > 0) || k < DISSOLVE_CAMERA_MIN_VIEW * cells.length) return null;
    const alpha = Math.min(1, Math.max(0, ab / bb));
    let r = 0;
    for (const c of cells) {
      const [x, y] = [a[c]!, b[c]!];
      if (!(Number.isNaN(x) || Number.isNaN(y))) r += Math.abs(G[c]! - (x + alpha * (y - x)));
    }
    err += r / k;
    // the mean error can no longer come under the bound
    if (err > DISSOLVE_MAX_MIX_ERROR * D * len) return null;
    alphas.push(alpha);
  }
  const error = err / len / D;
  if (error > DISSOLVE_MAX_MIX_ERROR) return null;
  // α rises: across the run from near A to near B, never falling back by much
  if (alphas[0]! > 0.4 || alphas[alphas.length - 1]! < 0.6) return null;
  for (let k = 1; k < alphas.length; k++) if (alphas[k]! < alphas[k - 1]! - 0.08) return null;
  // fine detail dips at the half mix
  let m = 0;
  for (let k = 1; k < alphas.length; k++) if (Math.abs(alphas[k]! - 0.5) < Math.abs(alphas[m]! - 0.5)) m = k;
  const am = alphas[m]!;
  const ends = (1 - am) * looks.at(s - 1)!.edge + am * looks.at(e + 1)!.edge;
  if (!(looks.at(s + m)!.edge <= DISSOLVE_MAX_EDGE_DIP * ends)) return null;
  // every part of the frame mixes at once: a wipe or a slide has some cells still A (or shifted) and some B already
  const mid = endsAt(s + m);
  if (cellMixSpread(mid.a, mid.b, looks.at(s + m)!.grid, cells) > DISSOLVE_MAX_CELL_SPREAD) return null;
  return { error, alphas };
}

/** Pairs read on each side of a dissolve candidate for the motion of the picture it leaves and the one it enters. */
export const DISSOLVE_SIDE_PAIRS = 5;
/** A side moves when its median pair translation is at least this (analysis px a frame); else its end is held still. */
export const DISSOLVE_SIDE_MIN_MOVE = 0.5;

/** The median translation (px a frame) of the measured pairs from..to, or null when none is measured. */
function sideMotion(camera: CameraMotions, from: number, to: number): { tx: number; ty: number } | null {
  const tx: number[] = [];
  const ty: number[] = [];
  for (let j = Math.max(1, from); j <= Math.min(camera.motion.length - 1, to); j++) {
    const m = camera.motion.at(j);
    if (!m) continue;
    tx.push(m.tx);
    ty.push(m.ty);
  }
  if (!tx.length) return null;
  const med = (v: number[]) => v.sort((p, q) => p - q)[v.length >> 1]!;
  return { tx: med(tx), ty: med(ty) };
}

/** Grid G as the picture looks moved by (dx, dy) px: each cell centre sampled bilinearly at p − (dx, dy); NaN out of view. */
function shiftedGrid(G: Uint8Array, dx: number, dy: number, width: number, height: number): Float64Array {
  const out = new Float64Array(GRID_COLS * GRID_ROWS);
  const ox = dx / (width / GRID_COLS), oy = dy / (height / GRID_ROWS);
  for (let r = 0; r < GRID_ROWS; r++) {
    for (let c = 0; c < GRID_COLS; c++) {
      const gx = c - ox, gy = r - oy;
      if (!(gx >= 0 && gx <= GRID_COLS - 1 && gy >= 0 && gy <= GRID_ROWS - 1)) {
        out[r * GRID_COLS + c] = NaN;
        continue;
      }
      const x0 = Math.min(GRID_COLS - 2, Math.floor(gx)), y0 = Math.min(GRID_ROWS - 2, Math.floor(gy));
      const fx = gx - x0, fy = gy - y0;
      const at = (x: number, y: number) => G[y * GRID_COLS + x]!;
      out[r * GRID_COLS + c] = (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) + fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
    }
  }
  return out;
}

/**
 * The ends of a candidate between moving pictures, carried to each of its frames: A (frame s − 1) moved on by the
 * motion of the DISSOLVE_SIDE_PAIRS pairs before it, B (frame e + 1) moved back by that of the pairs after it. A
 * cross-fade between two pans mixes pictures that keep moving, not its still end frames (make-wipes.sh: 60 and 90 px
 * over a 30-frame cross-fade left a residual of 0.41 of the change). Null when neither side moves.
 */
function movingEnds(camera: CameraMotions, s: number, e: number, A: Uint8Array, B: Uint8Array): EndsAt | null {
  const va = sideMotion(camera, s - DISSOLVE_SIDE_PAIRS, s - 1);
  const vb = sideMotion(camera, e + 2, e + 1 + DISSOLVE_SIDE_PAIRS);
  const moves = (v: { tx: number; ty: number } | null) => v !== null && Math.hypot(v.tx, v.ty) >= DISSOLVE_SIDE_MIN_MOVE;
  if (!moves(va) && !moves(vb)) return null;
  const [ax, ay] = moves(va) ? [va!.tx, va!.ty] : [0, 0];
  const [bx, by] = moves(vb) ? [vb!.tx, vb!.ty] : [0, 0];
  const { width, height } = camera;
  return (j) => ({ a: shiftedGrid(A, ax * (j - s + 1), ay * (j - s + 1), width, height), b: shiftedGrid(B, -bx * (e + 1 - j), -by * (e + 1 - j), width, height) });
}

/** Cells whose picture changes by at least this much (luma levels) from A to B give their own mix share (cellMixSpread). */
export const DISSOLVE_CELL_MIN_CHANGE = 8;
/**
 * At the half mix the cells' own mix shares spread (interquartile) at most this much: measured on every dev set's
 * true dissolves 0.03–0.21 (the highest between two moving pictures), on the wipes and slides of
 * tests/fixtures/real/wipes 0.29–1.02 (issue #13: a slide and three wipes read as dissolves).
 */
export const DISSOLVE_MAX_CELL_SPREAD = 0.25;

/**
 * The interquartile range of the cells' own mix shares (G − A) / (B − A), each weighted by |B − A| over the cells
 * that change by DISSOLVE_CELL_MIN_CHANGE or more; 0 when none does. A dissolve mixes every cell alike; a wipe's cells
 * are A or B (shares 0 and 1), a slide's hold shifted content (shares anywhere).
 */
export function cellMixSpread(A: ArrayLike<number>, B: ArrayLike<number>, G: Uint8Array, cells: number[]): number {
  const v: [number, number][] = [];
  for (const c of cells) {
    const d = B[c]! - A[c]!;
    // a cell out of view (NaN) is left out
    if (Math.abs(d) >= DISSOLVE_CELL_MIN_CHANGE) v.push([Math.min(1.5, Math.max(-0.5, (G[c]! - A[c]!) / d)), Math.abs(d)]);
  }
  if (!v.length) return 0;
  v.sort((p, q) => p[0] - q[0]);
  let total = 0;
  for (const [, w] of v) total += w;
  const quantile = (f: number) => {
    let acc = 0;
    for (const [a, w] of v) if ((acc += w) >= f * total) return a;
    return v[v.length - 1]![0];
  };
  return quantile(0.75) - quantile(0.25);
}

/**
 * The pairs' camera motions from frame s−1 to e+1, composed, carry grid A onto grid B: the mean |B − A moved| over
 * the cells that stay in view is under DISSOLVE_CAMERA_EXPLAINS of the mean |B − A| there. Cell means of a moved
 * picture are the moved cell means only for smooth content, which is exactly where a move imitates a mix.
 */
function cameraExplains(camera: CameraMotions, s: number, e: number, A: Uint8Array, B: Uint8Array): boolean {
  // q = a·p + b about the frame centre, complex (a: scale and turn, b: translation), composed pair by pair
  let ar = 1, ai = 0, br = 0, bi = 0;
  for (let j = s; j <= e + 1; j++) {
    const m = camera.motion.at(j);
    if (!m) continue;
    const k = Math.exp(m.zoom);
    const th = (m.roll * Math.PI) / 180;
    const mr = k * Math.cos(th), mi = k * Math.sin(th);
    [ar, ai] = [mr * ar - mi * ai, mr * ai + mi * ar];
    [br, bi] = [mr * br - mi * bi + m.tx, mr * bi + mi * br + m.ty];
  }
  if (ar === 1 && ai === 0 && br === 0 && bi === 0) return false;
  const cw = camera.width / GRID_COLS, ch = camera.height / GRID_ROWS;
  const den = ar * ar + ai * ai;
  let moved = 0, still = 0, kept = 0;
  for (let r = 0; r < GRID_ROWS; r++) {
    for (let c = 0; c < GRID_COLS; c++) {
      // cell centre in B relative to the frame centre, back to where it was in A: p = (q − b) / a
      const qr = (c + 0.5) * cw - camera.width / 2 - br, qi = (r + 0.5) * ch - camera.height / 2 - bi;
      const px = (qr * ar + qi * ai) / den + camera.width / 2, py = (qi * ar - qr * ai) / den + camera.height / 2;
      const gx = px / cw - 0.5, gy = py / ch - 0.5;
      if (!(gx >= 0 && gx <= GRID_COLS - 1 && gy >= 0 && gy <= GRID_ROWS - 1)) continue;
      const x0 = Math.min(GRID_COLS - 2, Math.floor(gx)), y0 = Math.min(GRID_ROWS - 2, Math.floor(gy));
      const fx = gx - x0, fy = gy - y0;
      const at = (x: number, y: number) => A[y * GRID_COLS + x]!;
      const v = (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) + fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
      const b = B[r * GRID_COLS + c]!;
      moved += Math.abs(b - v);
      still += Math.abs(b - A[r * GRID_COLS + c]!);
      kept++;
    }
  }
  if (kept < DISSOLVE_CAMERA_MIN_VIEW * GRID_COLS * GRID_ROWS || still <= 0) return false;
  return moved < DISSOLVE_CAMERA_EXPLAINS * still;
}

/** Precision, recall and F1 of found transitions against true ones: a match overlaps by at least half the shorter (one-to-one). */
export function transitionF1(found: { start_frame: number; end_frame: number }[], truth: { start_frame: number; end_frame: number }[]): { precision: number; recall: number; f1: number } {
  const used = new Set<number>();
  let tp = 0;
  for (const f of found) {
    const k = truth.findIndex((t, j) => {
      if (used.has(j)) return false;
      const overlap = Math.min(f.end_frame, t.end_frame) - Math.max(f.start_frame, t.start_frame) + 1;
      const shorter = Math.min(f.end_frame - f.start_frame + 1, t.end_frame - t.start_frame + 1);
      return overlap >= shorter / 2;
    });
    if (k >= 0) {
      used.add(k);
      tp++;
    }
  }
  const precision = found.length ? tp / found.length : truth.length ? 0 : 1;
  const recall = truth.length ? tp / truth.length : 1;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

