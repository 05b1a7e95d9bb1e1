// FOUNDATION §3.8: hard cuts and shots. Each frame carries small change measures against the frames just before it;
// a cut is a change that stands far out of its neighbourhood's usual change (median and MAD over ±CUT_CONTEXT frames),
// unless the content comes back within two frames (a flash: one- or two-frame brightness spikes or glitches).
import type { CutReport, ShotReport } from '../report/analysis.ts';

/** Per-frame change measures against earlier frames (all 0–1; lag k compares frame i with frame i−k). */
export interface FrameChange {
  /** Colour-histogram distance (half L1 of 4×4×4 RGB histograms) at lags 1, 2, 3 (NaN where the lag frame is missing). */
  hist: [number, number, number];
  /** Mean absolute difference of the coarse gray thumbnails (luma/255) at lags 1, 2, 3. */
  thumb: [number, number, number];
  /** 1 − NCC of the frame and the previous frame moved by the camera model (0–2): new structure, blind to fades. */
  decorrelation: number;
}

/** Frames on each side used for the adaptive baselines (the frames before and the frames after are judged apart). */
export const CUT_CONTEXT = 12;
/** A cut's change stands this many robust deviations (1.4826·MAD) above the median of each side … */
export const CUT_SCORE = 6;
/** … is at least this multiple of each side's median … */
export const CUT_RATIO = 2;
/** … and at least this much in absolute terms: decorrelation (1 − NCC) or histogram distance. */
export const CUT_MIN_DECORRELATION = 0.3;
export const CUT_MIN_HIST = 0.25;
/** Content "comes back" when a later frame differs from the pre-change frame by less than this share of the change. */
export const FLASH_RETURN = 0.4;

/** Cut frames (frame i starts new content) and frames in a flash (their pairs are left out of camera averages). */
export function detectCuts(changes: FrameChange[]): { cuts: number[]; flashes: number[] } {
  const n = changes.length;
  const dec = changes.map((c) => c.decorrelation);
  const hist = changes.map((c) => c.hist[0]);
  const candidates: number[] = [];
  for (let i = 1; i < n; i++) {
    const byStructure = standsOut(dec, i, CUT_MIN_DECORRELATION, 0.01);
    const byHist = standsOut(hist, i, CUT_MIN_HIST, 0.01);
    if (byStructure || byHist) candidates.push(i);
  }
  const cuts: number[] = [];
  const flashes = new Set<number>();
  for (const i of candidates) {
    if (flashes.has(i)) continue; // inside a flash already found
    const jump = changes[i]!.thumb[0];
    const jumpH = changes[i]!.hist[0];
    const same = (j: number, lag: 1 | 2 | 3) => {
      const c = changes[j];
      if (!c) return false;
      const t = c.thumb[lag - 1]!;
      const hh = c.hist[lag - 1]!;
      return Number.isFinite(t) && t <= FLASH_RETURN * jump && !(hh > Math.max(FLASH_RETURN * jumpH, 0.1));
    };
    // start of a flash: frame i+1 or i+2 is like frame i−1; end of a flash: frame i is like frame i−2 or i−3
    if (same(i + 1, 2)) {
      flashes.add(i);
      flashes.add(i + 1);
    } else if (same(i + 2, 3)) {
      flashes.add(i);
      flashes.add(i + 1);
      flashes.add(i + 2);
    } else if (same(i, 2) || same(i, 3)) {
      flashes.add(i);
    } else if (cuts.length === 0 || i - cuts[cuts.length - 1]! > 1) {
      cuts.push(i);
    }
  }
  return { cuts, flashes: [...flashes].filter((f) => f < n).sort((a, b) => a - b) };
}

/**
 * x[i] is far above the frames before it and far above the frames after it, each side judged by its own median
 * and MAD (a cut sits between two shots whose usual change can differ a lot; pooled, they would inflate the MAD).
 */
function standsOut(x: number[], i: number, minimum: number, sigmaFloor: number): boolean {
  const v = x[i]!;
  if (!(v >= minimum)) return false;
  const sides = [side(x, i - CUT_CONTEXT, i - 1), side(x, i + 1, i + CUT_CONTEXT)].filter((s) => s !== null);
  if (sides.length === 0) return true;
  return sides.every((s) => v >= CUT_RATIO * s.med && v >= s.med + CUT_SCORE * Math.max(s.sigma, sigmaFloor));
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

/** Cuts as {frame, t} and shots [start, end] from cut frames; `times[i]` is frame i's timestamp, `fps` its rate. */
export function shotsFromCuts(cuts: number[], times: number[], fps: number): { cuts: CutReport[]; shots: ShotReport[] } {
  const n = times.length;
  if (n === 0) return { cuts: [], shots: [] };
  const starts = [0, ...cuts.filter((c) => c > 0 && c < n)];
  const end = (i: number) => (i + 1 < n ? times[i + 1]! : times[i]! + 1 / fps);
  const shots: ShotReport[] = starts.map((s, k) => {
    const e = (k + 1 < starts.length ? starts[k + 1]! : n) - 1;
    return { start_frame: s, end_frame: e, t0: times[s]!, t1: end(e) };
  });
  return { cuts: starts.slice(1).map((f) => ({ frame: f, t: times[f]! })), shots };
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
