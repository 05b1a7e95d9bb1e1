// Joins the vision and audio results of one file into its mp4-analysis/1 report (pure: no decoding here).
import type { AnalysisReport, AudioInfo, ContainerInfo, CutReport, FileInfo, FrameReport, MelodyNote, ShotReport, TempoReport, VideoInfo, WindowReport } from '../report/analysis.ts';
import { ANALYSIS_SCHEMA } from '../report/analysis.ts';
import { observeNarrative } from '../vision/narrative-observed.ts';

/** What the vision timeline's finish() gives (windows without sound). */
export interface VisionPart {
  windows: Omit<WindowReport, 'sound'>[];
  cuts: CutReport[];
  shots: ShotReport[];
}

/** What the sound timeline's finish() gives; null when the file has no audio. */
export interface SoundPart {
  windows: (WindowReport['sound'] | null)[];
  tempo: TempoReport | null;
  melody: MelodyNote[];
}

/** Everything measured for one file. `frames` already carry their sound (null where there is none). */
export interface ReportParts {
  file: FileInfo;
  container: ContainerInfo;
  video: VideoInfo | null;
  audio: AudioInfo | null;
  frames: FrameReport[];
  vision: VisionPart;
  sound: SoundPart | null;
}

/** The report: windows get their sound by index, and the observed narrative is read from the joined result. */
export function assembleReport(p: ReportParts): AnalysisReport {
  if (p.sound && p.sound.windows.length !== p.vision.windows.length) {
    throw new TypeError(`${p.vision.windows.length} vision windows but ${p.sound.windows.length} sound windows`);
  }
  const windows: WindowReport[] = p.vision.windows.map((w, k) => ({ ...w, sound: p.sound?.windows[k] ?? null }));
  const narrative = p.frames.length > 0 ? observeNarrative(p.vision.shots, p.frames, windows) : null;
  return {
    schema: ANALYSIS_SCHEMA,
    file: p.file,
    container: p.container,
    video: p.video,
    audio: p.audio,
    frames: p.frames,
    windows,
    tempo: p.sound?.tempo ?? null,
    melody: p.sound?.melody ?? [],
    cuts: p.vision.cuts,
    shots: p.vision.shots,
    narrative_observed: narrative,
  };
}
