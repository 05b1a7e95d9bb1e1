// Which frames the Analyze view shows as pictures: one per shot (its middle), and for a long shot one per second of
// it, so a reader sees every shot and how a long one develops. Pure: the times are read from the report's shots.
import type { AnalysisReport } from './analysis.ts';

/** A shot at least this long (seconds) gets one picture per second instead of one. */
export const LONG_SHOT_S = 2;
/** At most this many pictures per file: a long film gets fewer per second rather than thousands. */
export const MAX_THUMBNAILS = 120;

/** One picture to take: which shot it shows and when (seconds from the start of the video track). */
export interface ThumbnailTime {
  shot: number;
  t: number;
}

/** Pictures a shot of `seconds` gets: 1, or one per whole second when it is long (a 3.4 s shot gets 3). */
export function picturesForShot(seconds: number): number {
  return seconds >= LONG_SHOT_S ? Math.max(1, Math.round(seconds)) : 1;
}

/**
 * The times to take pictures at, in order: each shot split into picturesForShot(length) equal parts, one picture at
 * the middle of each; past MAX_THUMBNAILS, long shots are thinned first (every shot keeps at least one). Empty for a
 * file without decodable video.
 */
export function thumbnailTimes(report: Pick<AnalysisReport, 'shots' | 'video'>): ThumbnailTime[] {
  if (!report.video?.decodable) return [];
  let all = report.shots.map((s, shot) => ({ shot, t0: s.t0, t1: Math.max(s.t0, s.t1), n: picturesForShot(Math.max(0, s.t1 - s.t0)) }));
  // more shots than pictures: evenly spaced shots, one picture each
  if (all.length > MAX_THUMBNAILS) all = Array.from({ length: MAX_THUMBNAILS }, (_, k) => ({ ...all[Math.floor((k * all.length) / MAX_THUMBNAILS)]!, n: 1 }));
  const shots = all;
  const total = shots.reduce((s, x) => s + x.n, 0);
  if (total > MAX_THUMBNAILS) {
    // scale the extra pictures of long shots down to what fits (one per shot is kept)
    const extra = total - shots.length;
    const room = Math.max(0, MAX_THUMBNAILS - shots.length);
    for (const s of shots) s.n = 1 + Math.floor(((s.n - 1) * room) / Math.max(1, extra));
  }
  const out: ThumbnailTime[] = [];
  for (const s of shots) {
    const step = (s.t1 - s.t0) / s.n;
    for (let k = 0; k < s.n; k++) out.push({ shot: s.shot, t: Math.round((s.t0 + (k + 0.5) * step) * 1e6) / 1e6 });
  }
  return out;
}
