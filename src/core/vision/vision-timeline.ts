// The streaming video analysis: frames go in one by one (in order, from index 0); per frame it returns the palette,
// depth and luma, and keeps only the previous frame's gray pyramid, the last few frames' thumbnails and histograms,
// the open window's running sums and small per-frame summaries, so memory stays flat however long the video.
// Cuts need two frames of look-ahead (flashes), so windows, cuts and shots are assembled by finish().
import type { CutReport, Depth, FrameColor, ShotReport, PictureWindowReport, TransitionReport } from '../report/analysis.ts';
import { windowBounds } from '../report/analysis.ts';
import { classifyLighting } from '../vocab/lighting.ts';
import { meanDepth } from '../color/depth.ts';
import { estimateGlobalMotion } from './camera/global-motion.ts';
import type { Similarity } from './camera/similarity-fit.ts';
import { summarizeCamera, type PairMotion } from './camera/window-summary.ts';
import { createSpanTracker, type SpanMotion } from './camera/window-span.ts';
import { measureFrameColors, type FrameColors } from './frame-colors.ts';
import { fitGradient } from './gradient.ts';
import { buildGrayPyramid, type GrayPyramid } from './gray-pyramid.ts';
import { createMeanFrame } from './mean-frame.ts';
import { pairSpeed, windowMotion } from './motion-level.ts';
import { changedShare, changeLags, cutsOutsideTransitions, detectCuts, pairShift, shotsFromCuts, type FrameChange } from './shots.ts';
import { detectTransitions, FADE_MIN_CONTRAST, FLAT_STD, frameLook, GRID_COLS, GRID_ROWS, type FrameLook } from './transitions.ts';
import { assert } from '../assert.ts';
import { frameReader } from './frame-reader.ts';
import { TypedColumn } from '../report/typed-column.ts';

/** The per-frame part of the report. */
export interface FrameVision {
  colors: FrameColor[];
  depth: Depth;
  luma: { mean: number; std: number };
}

/**
 * What the timeline keeps of each frame for finish(), one typed column per value (issue 18: ~330 bytes a frame
 * instead of ~900 as objects; doubles read back exactly): its time, the motion from the previous frame (`hasMotion`
 * 0 for the first frame), the change measures at `lags` lags (changeLags(fps)) and the look (std, edge, the 16×9 luma grid with each cell's std and detail).
 */
class FrameSummaries {
  /** Numbers of a frame's change measures in `change`. */
  private readonly changeWidth: number;
  readonly t: TypedColumn<Float64Array>;
  readonly hasMotion: TypedColumn<Uint8Array>;
  /** tx, ty, zoom, roll, confidence, speed per frame. */
  readonly motion: TypedColumn<Float64Array>;
  /** thumb at each lag, then hist at each lag, then decorrelation, extent, shift per frame. */
  readonly change: TypedColumn<Float64Array>;
  readonly structured: TypedColumn<Uint8Array>;
  readonly lookStd: TypedColumn<Float64Array>;
  readonly lookEdge: TypedColumn<Float64Array>;
  readonly lookGrid: TypedColumn<Uint8Array>;
  readonly lookCellStd: TypedColumn<Uint8Array>;
  readonly lookCellEdge: TypedColumn<Uint8Array>;
  /** `frames`: the frames expected (room is made for them at once; more still fit, by doubling). */
  constructor(private readonly lags: number, frames: number) {
    this.changeWidth = 2 * lags + 3;
    const f64 = (width: number) => new TypedColumn((n) => new Float64Array(n), width * frames);
    const u8 = (width: number) => new TypedColumn((n) => new Uint8Array(n), width * frames);
    this.t = f64(1);
    this.hasMotion = u8(1);
    this.motion = f64(6);
    this.change = f64(this.changeWidth);
    this.structured = u8(1);
    this.lookStd = f64(1);
    this.lookEdge = f64(1);
    this.lookGrid = u8(LOOK_CELLS);
    this.lookCellStd = u8(LOOK_CELLS);
    this.lookCellEdge = u8(LOOK_CELLS);
  }
  get length(): number {
    return this.t.length;
  }
  private columns(): TypedColumn<Float64Array | Uint8Array>[] {
    return [this.t, this.hasMotion, this.motion, this.change, this.structured, this.lookStd, this.lookEdge, this.lookGrid, this.lookCellStd, this.lookCellEdge];
  }
  /** Copies of the columns' values, in columns() order. */
  export(): (Float64Array | Uint8Array)[] {
    return this.columns().map((c) => c.data.slice(0, c.length));
  }
  /** Appends another timeline's exported columns (its frames follow these). */
  append(values: (Float64Array | Uint8Array)[]): void {
    const columns = this.columns();
    assert(values.length === columns.length, 'a value array per column');
    columns.forEach((c, k) => {
      const v = values[k]!;
      assert(v.constructor === c.data.constructor, 'columns of the same kind');
      const at = c.length;
      c.ensure(at + v.length);
      c.data.set(v as never, at);
    });
    assert(this.motion.length === 6 * this.length && this.change.length === this.changeWidth * this.length && this.lookGrid.length === LOOK_CELLS * this.length, 'whole frames appended');
  }
  push(t: number, motion: (PairMotion & { speed: number }) | null, change: FrameChange, look: FrameLook): void {
    this.t.push(t);
    this.hasMotion.push(motion ? 1 : 0);
    const m = motion ?? { tx: 0, ty: 0, zoom: 0, roll: 0, confidence: 0, speed: 0 };
    for (const v of [m.tx, m.ty, m.zoom, m.roll, m.confidence, m.speed]) this.motion.push(v);
    assert(change.thumb.length === this.lags && change.hist.length === this.lags, 'a change measure per lag');
    for (const v of change.thumb) this.change.push(v);
    for (const v of change.hist) this.change.push(v);
    this.change.push(change.decorrelation);
    this.change.push(change.extent);
    this.change.push(change.shift);
    this.structured.push(change.structured ? 1 : 0);
    this.lookStd.push(look.std);
    this.lookEdge.push(look.edge);
    for (const [column, cells] of [[this.lookGrid, look.grid], [this.lookCellStd, look.cellStd], [this.lookCellEdge, look.cellEdge]] as const) {
      const at = column.length;
      column.ensure(at + cells.length);
      column.data.set(cells, at);
    }
  }
  motionAt(i: number): (PairMotion & { speed: number }) | null {
    if (!this.hasMotion.at(i)) return null;
    const d = this.motion.data;
    const k = 6 * i;
    return { tx: d[k]!, ty: d[k + 1]!, zoom: d[k + 2]!, roll: d[k + 3]!, confidence: d[k + 4]!, speed: d[k + 5]! };
  }
  changeAt(i: number): FrameChange {
    const d = this.change.data;
    const k = this.changeWidth * i;
    const L = this.lags;
    return {
      thumb: Array.from(d.subarray(k, k + L)),
      hist: Array.from(d.subarray(k + L, k + 2 * L)),
      decorrelation: d[k + 2 * L]!,
      structured: this.structured.at(i) === 1,
      extent: d[k + 2 * L + 1]!,
      shift: d[k + 2 * L + 2]!,
    };
  }
  lookAt(i: number): FrameLook {
    const [a, b] = [i * LOOK_CELLS, (i + 1) * LOOK_CELLS];
    return { std: this.lookStd.at(i), edge: this.lookEdge.at(i), grid: this.lookGrid.data.subarray(a, b), cellStd: this.lookCellStd.data.subarray(a, b), cellEdge: this.lookCellEdge.data.subarray(a, b) };
  }
}

/** Cells of a frame's luma grid. */
const LOOK_CELLS = GRID_COLS * GRID_ROWS;

/** The video part of the report, less sound. */
export interface VisionResult {
  windows: Omit<PictureWindowReport, 'sound'>[];
  cuts: CutReport[];
  transitions: TransitionReport[];
  shots: ShotReport[];
  /** Frames inside flashes (left out of camera averages). */
  flashes: number[];
}

/** A streaming analysis of width×height frames at `fps`. */
export interface VisionTimeline {
  /**
   * Analyse frame `index` at time `t` s (sRGB RGBA, width×height×4); frames must come in order from 0. `measured`:
   * its palette and depth when measured elsewhere (another worker, frame-colors.ts), else they are measured here.
   */
  pushFrame(rgba: Uint8ClampedArray, index: number, t: number, measured?: FrameColors): FrameVision;
  /** Cuts, shots and the windows of FOUNDATION §1 over the frames pushed (a timeline that starts at frame 0). */
  finish(): VisionResult;
  /** What this range measured, for finishVision over the ranges of a file (closes the open window). */
  part(): VisionPart;
}

/** One range's measures (plain data: it crosses workers by structured clone). */
export interface VisionPart {
  /** First frame measured. */
  start: number;
  /** Frames measured. */
  count: number;
  /** The per-frame summaries' columns (FrameSummaries.export). */
  columns: (Float64Array | Uint8Array)[];
  /** The windows that opened in this range, closed. */
  windows: OpenWindow[];
}

interface OpenWindow {
  start: number;
  frames: number;
  lumaMean: number;
  lumaSq: number;
  /** The open window's frame depths, reduced to their mean when it closes (so closed windows stay small). */
  depths: Depth[];
  depth: Depth;
  gradient: PictureWindowReport['gradient'] | null;
  rgb: [number, number, number];
  /** The camera measured in one fit over the whole window (window-span.ts), or null. */
  span: SpanMotion | null;
}

/** A pair's model seeds the next pair's tracker only when at least this confident (0–1). */
const PRIOR_MIN_CONFIDENCE = 0.3;

/**
 * Windows per tracker segment (issue 18 item 3): the camera prior is dropped at the first frame of every segment, so
 * the tracker's state is bounded and any run of whole segments can be analysed on its own. One window: measured on
 * 115 real and camera fixtures it changed no camera move, cut, transition or shot, and window figures only in the
 * fourth decimal (scripts/bench/segments.mjs, docs/extraction.md), while ranges can then start on any window.
 */
export const SEGMENT_WINDOWS = 1;

/** Frames of one tracker segment at `fps` (`segmentWindows` windows of FOUNDATION §1's W frames). */
export function segmentFrames(fps: number, segmentWindows = SEGMENT_WINDOWS): number {
  return Math.max(1, Math.round(0.5 * fps)) * segmentWindows;
}

/** Frames before a range's first frame that a range analysis must be shown: the cut and transition measures' lags. */
export function rangeOverlap(fps: number): number {
  return changeLags(fps);
}

/** What createVisionTimeline takes. */
export interface VisionTimelineOptions {
  width: number;
  height: number;
  fps: number;
  /**
   * The first frame this timeline measures (a segment boundary, default 0). Frames from `start − rangeOverlap(fps)`
   * (or 0) up to it are pushed too, only to fill the lag state; they are measured for nothing else.
   */
  start?: number;
  /** Windows per tracker segment (measurement only: the default SEGMENT_WINDOWS is what reports use; Infinity never resets). */
  segmentWindows?: number;
  /**
   * The frames the file holds (optional), so the per-frame columns are made at their size once instead of grown by
   * doubling (issue 18: no copies, no slack that grows with length).
   */
  frames?: number;
}

/** Frames the timeline makes room for at once at most (2.4 hours at 30 f/s): a header's claim is not trusted further. */
const MAX_FRAMES_AHEAD = 1 << 18;
/**
 * Bytes the timeline makes room for at once at most (a 10-minute 30 f/s file needs ≈ 11 MB): a hostile header that
 * claims many frames at a high rate (the change column widens with the rate's lags) must not make the analysis zero
 * hundreds of MB before the first frame decodes; longer files grow their columns by doubling.
 */
const MAX_BYTES_AHEAD = 32 * 1024 * 1024;

/** Bytes the per-frame columns take for one frame at `lags` change lags (FrameSummaries' columns). */
function bytesPerFrame(lags: number): number {
  return 8 * (1 + 6 + (2 * lags + 3) + 1 + 1) + 1 + 1 + 3 * LOOK_CELLS;
}

/** Creates the timeline; see VisionTimeline. */
export function createVisionTimeline(opts: VisionTimelineOptions): VisionTimeline {
  const { width, height, fps } = opts;
  if (!(width > 0 && height > 0 && fps > 0)) throw new TypeError('width, height and fps must be positive');
  const diagonal = Math.hypot(width, height);
  const W = Math.max(1, Math.round(0.5 * fps));
  const lagCount = changeLags(fps);
  const segment = segmentFrames(fps, opts.segmentWindows ?? SEGMENT_WINDOWS);
  const start = opts.start ?? 0;
  if (!(Number.isInteger(start) && start >= 0 && start % segment === 0)) throw new TypeError(`a range starts on a segment boundary (a multiple of ${segment} frames), not at ${start}`);
  const meanFrame = createMeanFrame(width, height);
  const ahead = opts.frames ?? 0;
  const perFrame = new FrameSummaries(lagCount, Number.isFinite(ahead) ? Math.min(MAX_FRAMES_AHEAD, Math.floor(MAX_BYTES_AHEAD / bytesPerFrame(lagCount)), Math.max(0, Math.floor(ahead))) : 0);
  const closed = new Map<number, OpenWindow>();
  let open: OpenWindow | null = null;
  let prevPyr: GrayPyramid | null = null;
  // the last frame pushed (a closing window's last frame), and the window's one-fit camera span
  let lastPyr: GrayPyramid | null = null;
  const span = createSpanTracker();
  let prior: Similarity | undefined;
  const recentThumbs: Float32Array[] = [];
  const recentHists: Float32Array[] = [];
  let structuredPrev = false;
  let next = Math.max(0, start - rangeOverlap(fps));

  const closeWindow = () => {
    if (!open) return;
    const grid = meanFrame.mean();
    if (grid) {
      open.gradient = fitGradient(grid, meanFrame.cols, meanFrame.rows, width, height);
      let r = 0, g = 0, b = 0;
      const cells = meanFrame.cols * meanFrame.rows;
      for (let c = 0; c < cells; c++) {
        r += grid[3 * c]!;
        g += grid[3 * c + 1]!;
        b += grid[3 * c + 2]!;
      }
      open.rgb = [Math.round(r / cells), Math.round(g / cells), Math.round(b / cells)];
    }
    open.depth = meanDepth(open.depths);
    open.depths = [];
    open.span = lastPyr ? span.close(lastPyr) : null;
    closed.set(open.start, open);
    open = null;
    meanFrame.reset();
  };

  return {
    pushFrame(rgba, index, t, measured) {
      if (index !== next) throw new TypeError(`frame ${index} pushed, expected ${next}`);
      if (rgba.length !== width * height * 4) throw new TypeError(`frame ${index} holds ${rgba.length} bytes, expected ${width}×${height}×4`);
      next++;
      // palette, depth, luma and the colour histogram: one pass over the pixels, here or in another worker
      const { colors, depth, luma, hist } = measured ?? measureFrameColors(rgba);
      const pyr = buildGrayPyramid(rgba, width, height);
      if (index < start) {
        // the overlap before a range: only what the next frames' change measures read of it
        structuredPrev = luma.std >= FADE_MIN_CONTRAST * FLAT_STD;
        recentThumbs.unshift(pyr.levels[pyr.levels.length - 1]!.data);
        recentHists.unshift(hist);
        recentThumbs.length = Math.min(recentThumbs.length, lagCount);
        recentHists.length = Math.min(recentHists.length, lagCount);
        prevPyr = pyr;
        return { colors, depth, luma };
      }
      // The tracker's state is bounded (issue 18 item 3): the prior chains over every pair since the last one the model
      // did not explain, so it is dropped at each segment's first frame, in every analysis (one worker or a range), and
      // a range of whole segments then measures the same doubles as the whole file (docs/extraction.md, Item 3).
      if (index % segment === 0) prior = undefined;
      let motion: (PairMotion & { speed: number }) | null = null;
      let decorrelation = NaN;
      let pairModel: Similarity | null = null;
      if (prevPyr) {
        const g = estimateGlobalMotion(prevPyr, pyr, prior);
        pairModel = g.model;
        // a pair the model does not explain (a cut, a flash) must not seed the next one: its model is noise there
        prior = g.confidence >= PRIOR_MIN_CONFIDENCE ? g.model : undefined;
        decorrelation = g.decorrelation;
        motion = { tx: g.tx, ty: g.ty, zoom: g.zoom, roll: g.roll, confidence: g.confidence, speed: pairSpeed(g, fps, diagonal) };
      }
      const base = prevPyr ?? pyr;
      const thumb = pyr.levels[pyr.levels.length - 1]!.data;
      const lags = Array.from({ length: lagCount }, (_, k) => k);
      const look = frameLook(luma.std, pyr.levels[0]!);
      const structuredNow = luma.std >= FADE_MIN_CONTRAST * FLAT_STD;
      const change: FrameChange = {
        thumb: lags.map((k) => (recentThumbs[k] ? meanAbsDiff(thumb, recentThumbs[k]!) : NaN)),
        hist: lags.map((k) => (recentHists[k] ? histDistance(hist, recentHists[k]!) : NaN)),
        decorrelation,
        structured: structuredNow && structuredPrev,
        extent: recentThumbs[0] ? changedShare(thumb, recentThumbs[0], structuredNow && structuredPrev) : 1,
        shift: motion ? pairShift(motion, width, height) : NaN,
      };
      structuredPrev = structuredNow;
      recentThumbs.unshift(thumb);
      recentHists.unshift(hist);
      recentThumbs.length = Math.min(recentThumbs.length, lagCount);
      recentHists.length = Math.min(recentHists.length, lagCount);
      prevPyr = pyr;
      perFrame.push(t, motion, change, look);
      // window accumulators (FOUNDATION §1: W frames, hop W)
      if (index % W === 0) {
        closeWindow();
        open = { start: index, frames: 0, lumaMean: 0, lumaSq: 0, depths: [], depth: {}, gradient: null, rgb: [0, 0, 0], span: null };
        span.open(base);
      }
      if (pairModel) span.add(pairModel);
      lastPyr = pyr;
      const o = open!;
      o.frames++;
      o.lumaMean += luma.mean;
      o.lumaSq += luma.std * luma.std + luma.mean * luma.mean;
      o.depths.push(depth);
      meanFrame.add(rgba);
      return { colors, depth, luma };
    },

    finish() {
      if (start !== 0) throw new TypeError('a range that does not start at frame 0 is finished by finishVision over all the ranges');
      closeWindow();
      // from this timeline's own columns: through part() and finishVision they would be held three times at the end
      return finishFrom(perFrame, closed, opts);
    },

    part() {
      closeWindow();
      return { start, count: perFrame.length, columns: perFrame.export(), windows: [...closed.values()] };
    },
  };
}

/**
 * Cuts, shots and windows over the ranges of one file, in order and contiguous from frame 0: the same result as one
 * timeline over all its frames when each range started on a segment boundary with its overlap (rangeOverlap).
 */
export function finishVision(parts: VisionPart[], opts: { width: number; height: number; fps: number }): VisionResult {
  const perFrame = new FrameSummaries(changeLags(opts.fps), Math.min(MAX_FRAMES_AHEAD, parts.reduce((sum, p) => sum + p.count, 0)));
  const closed = new Map<number, OpenWindow>();
  for (const p of parts) {
    if (p.start !== perFrame.length) throw new TypeError(`ranges must be contiguous from frame 0: a range starts at ${p.start}, ${perFrame.length} frames before it`);
    perFrame.append(p.columns);
    assert(perFrame.length === p.start + p.count, 'a range holds its count of frames');
    for (const w of p.windows) closed.set(w.start, w);
  }
  return finishFrom(perFrame, closed, opts);
}

/** Cuts, shots and windows from a whole file's per-frame columns and closed windows (finish and finishVision). */
function finishFrom(perFrame: FrameSummaries, closed: Map<number, OpenWindow>, opts: { width: number; height: number; fps: number }): VisionResult {
  const { width, height, fps } = opts;
  const diagonal = Math.hypot(width, height);
  const n = perFrame.length;
  const at = (i: number) => perFrame.t.at(i);
  // the detectors read the columns frame by frame: a frame's object is made when read and only the last few are
  // kept (frame-reader.ts), so the end of a long file holds no object per frame (issue 18)
  const found = detectCuts(frameReader(n, (i) => perFrame.changeAt(i)));
  const flashes = found.flashes;
  const motions = frameReader(n, (i) => perFrame.motionAt(i));
  const transitions = detectTransitions(frameReader(n, (i) => perFrame.lookAt(i)), fps, { motion: motions, width, height }, found.cuts);
  const cutFrames = cutsOutsideTransitions(found.cuts, transitions);
  const skip = new Set<number>([...cutFrames, ...flashes]);
  const { cuts, shots } = shotsFromCuts(cutFrames, Array.from(perFrame.t.data.subarray(0, n)), fps, transitions);
  const windows: Omit<PictureWindowReport, 'sound'>[] = [];
  for (const [s, e] of windowBounds(n, fps)) {
    const acc = closed.get(s);
    if (!acc) continue;
    const pairs: PairMotion[] = [];
    const speeds: number[] = [];
    for (let i = s; i <= e; i++) {
      const m = motions.at(i);
      if (!m || skip.has(i)) continue;
      pairs.push(m);
      speeds.push(m.speed);
    }
    const lm = acc.lumaMean / acc.frames;
    const lstd = Math.sqrt(Math.max(0, acc.lumaSq / acc.frames - lm * lm));
    const cam = summarizeCamera(pairs, fps, diagonal, acc.span);
    windows.push({
      start_frame: s,
      end_frame: e,
      t0: at(s),
      t1: e + 1 < n ? at(e + 1) : at(e) + 1 / fps,
      motion: windowMotion(speeds),
      camera: { ...cam, dx: r4(cam.dx), dy: r4(cam.dy), zoom: r4(cam.zoom), roll: r4(cam.roll), confidence: r4(cam.confidence) },
      gradient: acc.gradient ?? { type: 'flat', direction_deg: null, center: null, fit: 1 },
      lighting: classifyLighting(lm, lstd),
      color: { rgb: acc.rgb, depth: acc.depth },
    });
  }
  return { windows, cuts, transitions, shots, flashes };
}

function r4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

function histDistance(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += Math.abs(a[k]! - b[k]!);
  return s / 2;
}

function meanAbsDiff(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += Math.abs(a[k]! - b[k]!);
  return s / a.length / 255;
}
