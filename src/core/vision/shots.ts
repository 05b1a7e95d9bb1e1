// FOUNDATION §3.8: hard cuts and shots. Each frame carries small change measures against the frames just before it;
// a cut is a change that stands far out of its neighbourhood's usual change (median and MAD over ±CUT_CONTEXT frames),
// unless the content comes back within three frames (a flash: one- to three-frame brightness spikes or glitches), the
// structure stays the same (a brightness change: only the histogram moved), or it falls inside a gradual transition.
import type { CutReport, ShotReport, TransitionReport } from '../report/analysis.ts';
import type { FrameReader } from './frame-reader.ts';
import { frameRuns } from './frame-runs.ts';

/** How many earlier frames each frame is compared with at least (a flash of 3 frames ends by matching the frame 4 back). */
export const CHANGE_LAGS = 4;
/** A flash lasts up to this long (s): 3 frames at 30 fps, 6 at 60, where a camera's frames repeat a 30 fps flash. */
export const FLASH_MAX_S = 0.1;

/** The lags compared at `fps`: enough to see past the longest flash (FLASH_MAX_S) and at least CHANGE_LAGS. */
export function changeLags(fps: number): number {
  return Math.max(CHANGE_LAGS, Math.round(FLASH_MAX_S * fps) + 1);
}

/** Per-frame change measures against earlier frames (all 0–1; lag k compares frame i with frame i−k). */
export interface FrameChange {
  /** Colour-histogram distance (half L1 of 4×4×4 RGB histograms) at lags 1…changeLags(fps) (NaN where the lag frame is missing). */
  hist: number[];
  /** Mean absolute difference of the coarse gray thumbnails (luma/255) at lags 1…CHANGE_LAGS. */
  thumb: number[];
  /** 1 − NCC of the frame and the previous frame moved by the camera model (0–2): new structure, blind to fades. */
  decorrelation: number;
  /** Both this frame and the previous one have structure to correlate (luma std above the flat level). */
  structured: boolean;
  /** Share of the thumbnail's pixels that changed since the previous frame (changedShare, 0–1). */
  extent: number;
  /** How far the pair's camera model moves the frame (pairShift: share of the diagonal); NaN without a model. */
  shift: number;
}

/** A camera model's frame displacement as a share of the frame diagonal: translation plus what zoom and roll move a corner by. */
export function pairShift(m: { tx: number; ty: number; zoom: number; roll: number }, width: number, height: number): number {
  const diag = Math.hypot(width, height);
  if (!(diag > 0)) return NaN;
  return (Math.hypot(m.tx, m.ty) + (Math.abs(m.zoom) + Math.abs((m.roll * Math.PI) / 180)) * diag / 2) / diag;
}

/**
 * A re-lit picture keeps its structure where it was: the model that correlates the two frames moves them no more than
 * this share of the diagonal beyond the camera's usual move around them (two smooth photographs can correlate well
 * under a far-fetched model: a 400 px jump lined up one sky's gradient with another's, issue #13 seq-mixed 316).
 */
export const RELIT_MAX_EXTRA_SHIFT = 0.05;

/** With structure on both sides, a histogram change whose decorrelation stays below this is the same picture re-lit. */
export const SAME_STRUCTURE_DECORRELATION = 0.1;

/** Frames on each side used for the adaptive baselines (the frames before and the frames after are judged apart). */
export const CUT_CONTEXT = 12;
/** A cut's change stands this many robust deviations (1.4826·MAD) above the median of each side … */
export const CUT_SCORE = 6;
/** … is at least this multiple of each side's median … */
export const CUT_RATIO = 2;
/** … and at least this much in absolute terms: decorrelation (1 − NCC) or histogram distance. */
export const CUT_MIN_DECORRELATION = 0.3;
/** The histogram-distance counterpart of CUT_MIN_DECORRELATION (0–1): a cut by colour alone must change at least this much. */
export const CUT_MIN_HIST = 0.25;
/** Where both sides' usual change is small, a change this many times the busier side's median … */
export const CUT_QUIET_RATIO = 10;
/** … is a cut from this share of the absolute minimum (CUT_MIN_DECORRELATION, CUT_MIN_HIST) up. */
export const CUT_QUIET_MIN_SHARE = 0.5;
/** A cut changes the picture across the frame: at least this share of the thumbnail (a caption or a UI panel wiping in changes a part). */
export const CUT_MIN_EXTENT = 0.25;
/** A thumbnail pixel has changed when its luma moved by more than this share of the previous thumbnail's mean absolute deviation … */
export const CUT_PIXEL_DELTA_SHARE = 0.3;
/** … and by more than this (0–255; the thumbnail averages away pixel noise). */
export const CUT_PIXEL_DELTA_MIN = 1.5;

/**
 * Share of the thumbnail's pixels that changed from `prev` to `cur` by more than the delta above (relative to the
 * picture's own contrast, so low-contrast cuts count), after taking out the frame's median change: a light that
 * flickers or an exposure that drifts moves every pixel alike and is not a change of picture. `removeOffset` false
 * for pictures without structure (one flat colour to another moves every pixel alike, and is a cut).
 */
export function changedShare(cur: Float32Array, prev: Float32Array, removeOffset = true): number {
  const n = prev.length;
  if (!n) return 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += prev[i]!;
  mean /= n;
  let mad = 0;
  for (let i = 0; i < n; i++) mad += Math.abs(prev[i]! - mean);
  const delta = Math.max(CUT_PIXEL_DELTA_MIN, (CUT_PIXEL_DELTA_SHARE * mad) / n);
  const diff = new Float32Array(n);
  for (let i = 0; i < n; i++) diff[i] = cur[i]! - prev[i]!;
  const offset = removeOffset ? Float32Array.from(diff).sort()[n >> 1]! : 0;
  let k = 0;
  for (let i = 0; i < n; i++) if (Math.abs(diff[i]! - offset) > delta) k++;
  return k / n;
}

/** Content "comes back" when a later frame differs from the pre-change frame by less than this share of the change. */
export const FLASH_RETURN = 0.4;

/**
 * Cut frames (frame i starts new content) and frames in a flash (their pairs are left out of camera averages).
 * `changes`: an array, or the timeline's columns read frame by frame (frame-reader.ts, issue 18).
 */
export function detectCuts(changes: FrameReader<FrameChange>): { cuts: number[]; flashes: number[] } {
  const n = changes.length;
  // the lags measured (changeLags(fps)): a flash may last one frame fewer
  const lags = Math.max(CHANGE_LAGS, changes.at(0)?.thumb.length ?? 0);
  const flashLengths = Array.from({ length: lags - 1 }, (_, k) => k + 1);
  const dec = Array.from({ length: n }, (_, i) => changes.at(i)!.decorrelation);
  const hist = Array.from({ length: n }, (_, i) => changes.at(i)!.hist[0] ?? NaN);
  const shift = Array.from({ length: n }, (_, i) => changes.at(i)!.shift);
  const candidate = (i: number): boolean => {
    if (i < 1) return false;
    const c = changes.at(i)!;
    // the quiet-neighbourhood minimum only between frames with structure (a fading picture's last frames decorrelate as noise)
    const quiet = c.structured;
    const byStructure = standsOut(dec, i, CUT_MIN_DECORRELATION, 0.01, quiet);
    // the histogram speaks for pictures without structure (flat colours); with structure kept, it is a lighting change
    const relit = c.structured && c.decorrelation < SAME_STRUCTURE_DECORRELATION && !(c.shift > usualShift(shift, i) + RELIT_MAX_EXTRA_SHIFT);
    const byHist = !relit && standsOut(hist, i, CUT_MIN_HIST, 0.01, quiet);
    return (byStructure || byHist) && c.extent >= CUT_MIN_EXTENT;
  };
  const cuts: number[] = [];
  const flashes = new Set<number>();
  // a run of changed frames (a cut the codec smeared over two frames) opens one shot: its first frame outside a flash
  for (const run of frameRuns(n, candidate)) {
    for (let i = run.start; i <= run.end; i++) {
      if (flashes.has(i)) continue; // inside a flash already found
      const jump = changes.at(i)!.thumb[0] ?? NaN;
      const jumpH = changes.at(i)!.hist[0] ?? NaN;
      const same = (j: number, lag: number) => {
        const c = changes.at(j);
        if (!c) return false;
        const t = c.thumb[lag - 1]!;
        const hh = c.hist[lag - 1]!;
        return Number.isFinite(t) && t <= FLASH_RETURN * jump && !(hh > Math.max(FLASH_RETURN * jumpH, 0.1));
      };
      // start of a flash of m frames: frame i+m is like frame i−1; end of a flash: frame i is like frame i−2 … i−lags
      const m = flashLengths.find((k) => same(i + k, k + 1));
      if (m !== undefined) {
        for (let k = 0; k <= m; k++) flashes.add(i + k);
      } else if (flashLengths.some((k) => same(i, k + 1))) {
        flashes.add(i);
      } else if (cuts[cuts.length - 1] !== i - 1 && cutConcentration(changes, i, run.end, lags) >= CUT_MIN_CONCENTRATION) {
        cuts.push(i);
      }
    }
  }
  return { cuts, flashes: [...flashes].filter((f) => f < n).sort((a, b) => a - b) };
}

/**
 * A cut is a break that does not continue: the change from frame i−1 across it (to the end of its run of changed
 * frames, a cut the codec smeared over two frames, at most lags − 2 on) is most of the change from i−1 to any frame a
 * few after it, and most of the change to it from any frame a few before i−1 (the median of each side's, so one flash frame does not count). Within a gradual change — a dissolve, a
 * fade, a picture that keeps moving — each step is a small part of the change over a few frames, and the frames
 * after the step keep drifting from those before it (issue #13: false cuts inside a dissolve and inside 50 fps fast
 * motion). Thumbnail distances at the lags measured; 1 when nothing around can be compared.
 */
export function cutConcentration(changes: FrameReader<FrameChange>, i: number, runEnd: number, lags: number): number {
  const n = changes.length;
  // distance between frame a and an earlier frame b, from a's lags (NaN when not measured)
  const dist = (a: number, b: number) => (a < n && b >= 0 && a - b >= 1 && a - b <= lags ? (changes.at(a)?.thumb[a - b - 1] ?? NaN) : NaN);
  const end = Math.min(runEnd, i + lags - 2);
  const jump = dist(end, i - 1);
  if (!(jump > 0)) return 1;
  const after: number[] = [];
  const before: number[] = [];
  for (let k = 1; end + k - (i - 1) <= lags; k++) {
    const f = dist(end + k, i - 1);
    const b = dist(end, i - 1 - k);
    if (Number.isFinite(f)) after.push(f);
    if (Number.isFinite(b)) before.push(b);
  }
  // the median of each side: one frame of a flash just after a cut (or before it) is far from everything, not a drift
  const median = (v: number[]) => (v.length ? v.sort((p, q) => p - q)[(v.length - 1) >> 1]! : 0);
  return jump / Math.max(jump, median(after), median(before));
}

/** A cut's change is at least this share of the largest change across it within the lags (cutConcentration). */
export const CUT_MIN_CONCENTRATION = 0.6;

/**
 * x[i] is far above the frames before it and far above the frames after it, each side judged by its own median
 * and MAD (a cut sits between two shots whose usual change can differ a lot; pooled, they would inflate the MAD),
 * and at least `minimum` — or, when `quiet` is allowed, CUT_QUIET_RATIO × the busier side's median from
 * CUT_QUIET_MIN_SHARE of the minimum (the evidence in units of the change already present).
 */
function standsOut(x: number[], i: number, minimum: number, sigmaFloor: number, quiet: boolean): boolean {
  const v = x[i]!;
  if (!(v >= CUT_QUIET_MIN_SHARE * minimum)) return false;
  const sides = [side(x, i - CUT_CONTEXT, i - 1), side(x, i + 1, i + CUT_CONTEXT)].filter((s) => s !== null);
  if (sides.length === 0) return v >= minimum;
  // the absolute minimum is for a busy neighbourhood; where both sides change far less (a high frame rate, a steady
  // pan the camera model follows) a change that many times their usual one is a cut at a share of it
  const busiest = Math.max(...sides.map((s) => s.med));
  if (!(v >= minimum || (quiet && v >= CUT_QUIET_RATIO * busiest))) return false;
  return sides.every((s) => v >= CUT_RATIO * s.med && v >= s.med + CUT_SCORE * Math.max(s.sigma, sigmaFloor));
}

/** The camera's usual move around frame i: the median shift of the frames within ±CUT_CONTEXT (i left out); 0 when none is known. */
function usualShift(shift: number[], i: number): number {
  const v: number[] = [];
  for (let j = Math.max(1, i - CUT_CONTEXT); j <= Math.min(shift.length - 1, i + CUT_CONTEXT); j++) if (j !== i && Number.isFinite(shift[j]!)) v.push(shift[j]!);
  if (!v.length) return 0;
  v.sort((a, b) => a - b);
  return v[v.length >> 1]!;
}

function side(x: number[], from: number, to: number): { med: number; sigma: number } | null {
  const v: number[] = [];
  for (let j = Math.max(1, from); j <= Math.min(x.length - 1, to); j++) if (Number.isFinite(x[j]!)) v.push(x[j]!);
  if (v.length < 3) return null;
  v.sort((a, b) => a - b);
  const med = v[v.length >> 1]!;
  const dev = v.map((a) => Math.abs(a - med)).sort((a, b) => a - b);
  return { med, sigma: 1.4826 * dev[dev.length >> 1]! };
}

/**
 * Cut frames less those inside a gradual transition (§3.8). A fade_out may begin on a cut (the new shot starts
 * fading at once), so its first frame is kept; a fade_in's or dissolve's first frame is part of it (a fade_in's first
 * frame decorrelates from the flat frame before it).
 */
export function cutsOutsideTransitions(cuts: number[], transitions: TransitionReport[]): number[] {
  return cuts.filter((c) => !transitions.some((t) => c > t.start_frame - (t.kind === 'fade_out' ? 0 : 1) && c <= t.end_frame));
}

/**
 * Shot starts: frame 0, each cut, the frame after each dissolve, and the first frame of a fade_in that follows a
 * fade_out (the pair closes one shot and opens the next).
 */
export function shotStarts(cuts: number[], transitions: TransitionReport[], n: number): number[] {
  const starts = new Set<number>([0, ...cuts]);
  transitions.forEach((t, k) => {
    if (t.kind === 'dissolve') starts.add(t.end_frame + 1);
    const prev = transitions[k - 1];
    if (t.kind === 'fade_in' && prev?.kind === 'fade_out' && !cuts.some((c) => c > prev.end_frame && c <= t.start_frame)) starts.add(t.start_frame);
  });
  return [...starts].filter((s) => s >= 0 && s < n).sort((a, b) => a - b);
}

/**
 * Cuts as {frame, t} and shots [start, end]; `times[i]` is frame i's timestamp, `fps` its rate. Shots start at
 * frame 0, each cut and each transition boundary (shotStarts).
 */
export function shotsFromCuts(cuts: number[], times: number[], fps: number, transitions: TransitionReport[] = []): { cuts: CutReport[]; shots: ShotReport[] } {
  const n = times.length;
  if (n === 0) return { cuts: [], shots: [] };
  const inside = cuts.filter((c) => c > 0 && c < n);
  const starts = shotStarts(inside, transitions, n);
  const end = (i: number) => (i + 1 < n ? times[i + 1]! : times[i]! + 1 / fps);
  const shots: ShotReport[] = starts.map((s, k) => {
    const e = (k + 1 < starts.length ? starts[k + 1]! : n) - 1;
    return { start_frame: s, end_frame: e, t0: times[s]!, t1: end(e) };
  });
  return { cuts: inside.map((f) => ({ frame: f, t: times[f]! })), shots };
}

/** F1 of detected against true cut frames, a detection matching a truth within ±tolerance frames (one-to-one). */
export function cutF1(detected: number[], truth: number[], tolerance = 1): { precision: number; recall: number; f1: number } {
  const used = new Set<number>();
  let tp = 0;
  for (const d of detected) {
    const k = truth.findIndex((t, j) => !used.has(j) && Math.abs(t - d) <= tolerance);
    if (k >= 0) {
      used.add(k);
      tp++;
    }
  }
  const precision = detected.length ? tp / detected.length : truth.length ? 0 : 1;
  const recall = truth.length ? tp / truth.length : 1;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}
