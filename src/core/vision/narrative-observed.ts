// FOUNDATION §3.9: the observed narrative, per shot, measured from the video and its audio and labelled `observed`
// (never mixed with the intended narrative of the spec and prompt).
import type { FrameReport, NarrativeObserved, PictureWindowReport, ShotNarrative, ShotReport } from '../report/analysis.ts';
import type { ColorPrimitiveName } from '../vocab/colors.ts';
import { classifyLighting } from '../vocab/lighting.ts';
import { classifyMotion, MOTION_THRESHOLDS } from '../vocab/motion.ts';
import type { Plot } from '../vocab/narrative.ts';

/** A series whose smoothed range is below this is `steady`: luma (0–1) … */
export const ARC_STEADY_LUMA = 0.05;
/** … and loudness (dB). */
export const ARC_STEADY_DB = 3;
/** Turns smaller than this share of the series' range are ignored (hysteresis) when counting direction changes. */
export const ARC_HYSTERESIS = 0.3;
/** Number of equal segments a shot's series is averaged into before its shape is read. */
export const ARC_SEGMENTS = 8;
/** Shots shorter than this (s) are `fast`, longer than ARC_SLOW_SHOT_S with little motion are `slow`. */
export const PACE_FAST_SHOT_S = 2;
/** Mean shot length (s) above which, with little motion, the pace is `slow`. */
export const PACE_SLOW_SHOT_S = 6;
/** Primitives in a shot's palette: the largest by summed share, at most this many, each ≥ PALETTE_MIN_PCT. */
export const PALETTE_TOP = 3;
/** Smallest summed share (%) a primitive needs to enter a shot's palette, so specks of colour do not name it. */
export const PALETTE_MIN_PCT = 5;
/** Floor for silent audio frames' loudness (dBFS), so −Infinity does not swamp the arc. */
const DB_FLOOR = -90;

/**
 * The shape of a series: `steady` (range below `steadyRange`), `rising`/`falling` (one direction), `peak` (up then
 * down), `wave` (a dip — down then up — or two or more turns). Read on ARC_SEGMENTS segment means with hysteresis.
 */
export function classifyArc(series: number[], steadyRange: number): Plot {
  if (series.length < 2) return 'steady';
  const k = Math.min(ARC_SEGMENTS, series.length);
  const seg: number[] = [];
  for (let s = 0; s < k; s++) {
    const a = Math.floor((s * series.length) / k);
    const b = Math.floor(((s + 1) * series.length) / k);
    let sum = 0;
    for (let i = a; i < b; i++) sum += series[i]!;
    seg.push(sum / Math.max(1, b - a));
  }
  const lo = Math.min(...seg);
  const hi = Math.max(...seg);
  const range = hi - lo;
  if (range < steadyRange) return 'steady';
  // turning points with hysteresis: a new extreme only counts once the series has moved back by h
  const h = ARC_HYSTERESIS * range;
  const dirs: number[] = [];
  let ref = seg[0]!;
  let dir = 0;
  for (const v of seg.slice(1)) {
    if (dir >= 0 && v > ref) ref = v;
    else if (dir <= 0 && v < ref) ref = v;
    if (dir === 0 && Math.abs(v - seg[0]!) >= h) {
      dir = v > seg[0]! ? 1 : -1;
      dirs.push(dir);
      ref = v;
    } else if (dir === 1 && ref - v >= h) {
      dir = -1;
      dirs.push(dir);
      ref = v;
    } else if (dir === -1 && v - ref >= h) {
      dir = 1;
      dirs.push(dir);
      ref = v;
    }
  }
  if (dirs.length <= 1) return seg[k - 1]! >= seg[0]! ? 'rising' : 'falling';
  if (dirs.length === 2 && dirs[0] === 1) return 'peak';
  return 'wave';
}

/** Mean speed of the windows overlapping frames [s, e], weighted by overlap (null if none). */
function shotSpeed(windows: Pick<PictureWindowReport, 'start_frame' | 'end_frame' | 'motion'>[], s: number, e: number): number | null {
  let sum = 0;
  let wsum = 0;
  for (const w of windows) {
    const ov = Math.min(e, w.end_frame) - Math.max(s, w.start_frame) + 1;
    if (ov <= 0) continue;
    sum += ov * w.motion.speed;
    wsum += ov;
  }
  return wsum > 0 ? sum / wsum : null;
}

/**
 * Per shot: pace from its length and motion (`fast`: shorter than PACE_FAST_SHOT_S or fast motion; `slow`: longer
 * than PACE_SLOW_SHOT_S with still or slow motion; else `medium`), brightness and loudness arcs (classifyArc on the
 * per-frame luma mean and rms_db; loudness null without sound), palette (top primitives by summed share), lighting
 * (pooled luma of its frames) and motion (its windows' speed).
 */
export function observeNarrative(shots: ShotReport[], frames: NarrativeFrame[] | ((index: number) => NarrativeFrame | undefined), windows: Pick<PictureWindowReport, 'start_frame' | 'end_frame' | 'motion'>[]): NarrativeObserved {
  // frames by index: an array, or a lookup that builds one frame at a time (a long file's frames kept compact)
  const byIndex = typeof frames === 'function' ? null : new Map(frames.map((f) => [f.index, f]));
  const frameAt = (i: number) => (byIndex ? byIndex.get(i) : (frames as (index: number) => NarrativeFrame | undefined)(i));
  const out: ShotNarrative[] = shots.map((shot, k) => {
    // one pass over the shot's frames, none of them kept
    const luma: number[] = [];
    const db: number[] = [];
    const shares = new Map<ColorPrimitiveName, number>();
    let lm = 0;
    let l2 = 0;
    let count = 0;
    for (let i = shot.start_frame; i <= shot.end_frame; i++) {
      const f = frameAt(i);
      if (!f) continue;
      count++;
      luma.push(f.luma.mean);
      if (f.sound) db.push(Math.max(DB_FLOOR, f.sound.rms_db));
      for (const c of f.colors) shares.set(c.primitive, (shares.get(c.primitive) ?? 0) + c.share);
      lm += f.luma.mean;
      l2 += f.luma.std * f.luma.std + f.luma.mean * f.luma.mean;
    }
    const n = Math.max(1, count);
    const palette = [...shares.entries()]
      .map(([p, s]) => [p, s / n] as const)
      .filter(([, s]) => s >= PALETTE_MIN_PCT)
      .sort((a, b) => b[1] - a[1])
      .slice(0, PALETTE_TOP)
      .map(([p]) => p);
    const mean = lm / n;
    const std = Math.sqrt(Math.max(0, l2 / n - mean * mean));
    const speed = shotSpeed(windows, shot.start_frame, shot.end_frame) ?? 0;
    const dur = shot.t1 - shot.t0;
    const pace: ShotNarrative['pace'] =
      dur < PACE_FAST_SHOT_S || speed >= MOTION_THRESHOLDS.medium ? 'fast' : dur > PACE_SLOW_SHOT_S && speed < MOTION_THRESHOLDS.slow ? 'slow' : 'medium';
    return {
      shot: k,
      label: 'observed',
      pace,
      brightness_arc: classifyArc(luma, ARC_STEADY_LUMA),
      loudness_arc: db.length >= 2 ? classifyArc(db, ARC_STEADY_DB) : null,
      palette,
      lighting: classifyLighting(mean, std),
      motion: classifyMotion(speed),
    };
  });
  return { label: 'observed', shots: out };
}

/** What the narrative reads of a frame with a picture. */
export type NarrativeFrame = Pick<FrameReport, 'index' | 'colors' | 'sound'> & { luma: NonNullable<FrameReport['luma']> };
