// Joins the vision and audio results of one file into its mp4-analysis/1 report (pure: no decoding here).
import type { AnalysisReport, AnalysisWarning, AudioInfo, ContainerInfo, CutReport, FileInfo, FrameReport, MelodyNote, PictureWindowReport, ShotReport, SoundOnlyWindowReport, TempoReport, TransitionReport, VideoInfo, WindowReport } from '../report/analysis.ts';
import { ANALYSIS_SCHEMA } from '../report/analysis.ts';
import { observeNarrative } from '../vision/narrative-observed.ts';

/** What the vision timeline's finish() gives (windows without sound). */
export interface VisionPart {
  windows: Omit<PictureWindowReport, 'sound'>[];
  cuts: CutReport[];
  transitions: TransitionReport[];
  shots: ShotReport[];
}

/** What the sound timeline's finish() gives; null when the file has no audio. */
export interface SoundPart {
  windows: (WindowReport['sound'] | null)[];
  tempo: TempoReport | null;
  melody: MelodyNote[];
}

/**
 * Everything measured for one file. `frames` already carry their sound (null where there is none). `vision` is
 * null for a file without decodable video: its frames are audio frames and `soundWindows` gives its windows' spans.
 */
export interface ReportParts {
  file: FileInfo;
  container: ContainerInfo;
  video: VideoInfo | null;
  audio: AudioInfo | null;
  frames: FrameReport[];
  vision: VisionPart | null;
  sound: SoundPart | null;
  /** [start_frame, end_frame] of each window when `vision` is null (windowBounds of the audio frames). */
  soundWindows?: [number, number][];
  /** Frames per second of the frames (for the end of the last window when `vision` is null). */
  fps?: number;
  warnings?: AnalysisWarning[];
}

/** What assembling reads of the frames: how many, their times, and each frame (the narrative reads them all). */
export interface FrameAccess {
  count: number;
  time(i: number): number;
  frame(i: number): FrameReport;
}

/** The report: windows get their sound by index, and the observed narrative is read from the joined result. */
export function assembleReport(p: ReportParts): AnalysisReport {
  const report = assembleReportAround(p, { count: p.frames.length, time: (i) => p.frames[i]!.t, frame: (i) => p.frames[i]! });
  report.frames = p.frames;
  return report;
}

/**
 * The report with `frames` left empty, in its place among the keys (they were streamed out as measured, or are kept
 * in a FrameTable); everything else is built as assembleReport builds it, reading the frames through `frames`.
 */
export function assembleReportAround(p: Omit<ReportParts, 'frames'>, frames: FrameAccess): AnalysisReport {
  const count = p.vision ? p.vision.windows.length : (p.soundWindows ?? []).length;
  if (p.sound && p.sound.windows.length !== count) {
    throw new TypeError(`${count} vision windows but ${p.sound.windows.length} sound windows`);
  }
  let windows: WindowReport[];
  let narrative: AnalysisReport['narrative_observed'] = null;
  if (p.vision) {
    const pictureWindows: PictureWindowReport[] = p.vision.windows.map((w, k) => ({ ...w, sound: p.sound?.windows[k] ?? null }));
    windows = pictureWindows;
    // the narrative reads the frames with a picture one at a time: none is kept (a long file has many)
    const lit = (i: number) => {
      if (!(i >= 0 && i < frames.count)) return undefined;
      const f = frames.frame(i);
      return hasLuma(f) ? f : undefined;
    };
    let anyLit = false;
    for (let i = 0; i < frames.count && !anyLit; i++) anyLit = lit(i) !== undefined;
    if (anyLit) narrative = observeNarrative(p.vision.shots, lit, pictureWindows);
  } else {
    // no picture: windows carry only their sound, and nothing of a narrative is observed (FOUNDATION §7)
    const step = 1 / (p.fps ?? 25);
    const time = (i: number) => (i >= 0 && i < frames.count ? frames.time(i) : undefined);
    windows = (p.soundWindows ?? []).map(([s, e], k): SoundOnlyWindowReport => ({
      start_frame: s,
      end_frame: e,
      t0: time(s) ?? s * step,
      t1: time(e + 1) ?? r6((time(e) ?? e * step) + step),
      motion: null,
      camera: null,
      gradient: null,
      lighting: null,
      color: null,
      sound: p.sound?.windows[k] ?? null,
    }));
  }
  return {
    schema: ANALYSIS_SCHEMA,
    file: p.file,
    container: p.container,
    video: p.video,
    audio: p.audio,
    frames: [],
    windows,
    tempo: p.sound?.tempo ?? null,
    melody: p.sound?.melody ?? [],
    cuts: p.vision?.cuts ?? [],
    transitions: p.vision?.transitions ?? [],
    shots: p.vision?.shots ?? [],
    narrative_observed: narrative,
    warnings: p.warnings ?? [],
  };
}

function hasLuma(f: FrameReport): f is FrameReport & { luma: NonNullable<FrameReport['luma']> } {
  return f.luma !== null;
}

function r6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
