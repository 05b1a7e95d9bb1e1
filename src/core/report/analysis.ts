// FOUNDATION §7: the `mp4-analysis/1` report, one JSON object per file.
import type { CameraMove, ColorPrimitiveName, GradientType, Lighting, MotionLevel, Presence, SoundBreakdown, SoundMood, TempoLabel } from '../vocab/index.ts';

/** Schema tag of FOUNDATION §7's analysis report. */
export const ANALYSIS_SCHEMA = 'mp4-analysis/1' as const;

/** A depth breakdown: primitive name → percentage; parts ≥ 0 summing to 100 (FOUNDATION §4). */
export type Depth = Partial<Record<ColorPrimitiveName, number>>;

/** The analysed file: name, size in bytes and SHA-256 (hex) of its contents. */
export interface FileInfo {
  name: string;
  bytes: number;
  sha256: string;
}

/** One track of the container, decodable or not (a codec this browser cannot read is still listed). */
export interface TrackInfo {
  id: number;
  type: 'video' | 'audio' | 'other';
  codec: string | null;
}

/** The container: major brand (null when it has none), duration in seconds and every track. */
export interface ContainerInfo {
  brand: string | null;
  duration_s: number;
  tracks: TrackInfo[];
}

/** The analysed video track, as displayed (rotation and pixel aspect applied); null in the report when there is none. */
export interface VideoInfo {
  codec: string;
  width: number;
  height: number;
  fps: number;
  frame_count: number;
  duration_s: number;
  /** Degrees clockwise, as the file's display matrix says. */
  rotation: number;
  /** Pixel aspect ratio [h, v] in lowest terms ([1, 1] for square pixels); `width` already applies it. */
  pixel_aspect: [number, number];
  /** False for a track this browser cannot decode: its metadata is reported, its frames are audio frames. */
  decodable: boolean;
}

/** The analysed audio track (the default, else the first; mixed to mono); null in the report when there is none. */
export interface AudioInfo {
  codec: string;
  sample_rate: number;
  channels: number;
  duration_s: number;
  /** False for a track this browser cannot decode: listed, named in `warnings`, its sound not measured. */
  decodable: boolean;
}

/** One colour of a frame's palette with its share and nearest primitive; a frame's colours are sorted by share, largest first. */
export interface FrameColor {
  rgb: [number, number, number];
  /** Percentage of the frame's pixels, 0–100. */
  share: number;
  primitive: ColorPrimitiveName;
}

/** One audio frame's sound: primitive breakdown (%), RMS (dBFS), spectral centroid (Hz), flatness (0–1), tone (Hz or null). */
export interface FrameSound {
  breakdown: SoundBreakdown;
  rms_db: number;
  centroid_hz: number;
  flatness: number;
  tone_hz: number | null;
}

/** One decoded frame (or nominal 1/25 s audio frame for a file without video), measured on its own. */
export interface FrameReport {
  index: number;
  /** Seconds from the start of the video track. */
  t: number;
  /** Empty for an audio frame (a file with no decodable video). */
  colors: FrameColor[];
  /** Null for an audio frame. */
  depth: Depth | null;
  /** Null for an audio frame. */
  luma: { mean: number; std: number } | null;
  sound: FrameSound | null;
}

/** A window's camera move with its raw mean motion (units of FOUNDATION §3.4) and a confidence (0–1). */
export interface CameraReport {
  move: CameraMove;
  dx: number;
  dy: number;
  zoom: number;
  roll: number;
  confidence: number;
}

/** A window's gradient type, fitted on its mean frame in OKLab, with the fit's parameters. */
export interface GradientReport {
  type: GradientType;
  /** Degrees of increasing OKLab lightness (0 = right, 90 = down), for linear types. */
  direction_deg: number | null;
  /** Centre as fractions of width and height, for radial. */
  center: [number, number] | null;
  /** R² of the chosen model, 0–1. */
  fit: number;
}

/** A window's picture measurements; a file with no decodable video has none (FOUNDATION §7: nothing invented). */
export interface WindowPicture {
  motion: { level: MotionLevel; speed: number };
  camera: CameraReport;
  gradient: GradientReport;
  lighting: Lighting;
  color: { rgb: [number, number, number]; depth: Depth };
}

/** The window's sound measurements; null when the file has no audio. */
export type WindowSound = { presence: Presence; mood: SoundMood; speech_share: number } | null;

/** A window of a file with decodable video. */
export interface PictureWindowReport extends WindowPicture {
  start_frame: number;
  end_frame: number;
  t0: number;
  t1: number;
  sound: WindowSound;
}

/** A window of a file without decodable video: only its sound. */
export interface SoundOnlyWindowReport {
  start_frame: number;
  end_frame: number;
  t0: number;
  t1: number;
  motion: null;
  camera: null;
  gradient: null;
  lighting: null;
  color: null;
  sound: WindowSound;
}

/** One window of the report (FOUNDATION §7). */
export type WindowReport = PictureWindowReport | SoundOnlyWindowReport;

/** The file's tempo (bpm, null without a steady pulse) and its label, overall and per segment (times in s). */
export interface TempoReport {
  bpm: number | null;
  label: TempoLabel;
  segments: { t0: number; t1: number; bpm: number | null; label: TempoLabel }[];
}

/** One tone note of the melody: MIDI note number, start and end in seconds. */
export interface MelodyNote {
  midi: number;
  start: number;
  end: number;
}

/** A hard cut: the first frame of the new shot and its time (s). */
export interface CutReport {
  frame: number;
  t: number;
}

/** One shot: frames start..end inclusive and its times (s), between cuts or transitions. */
export interface ShotReport {
  start_frame: number;
  end_frame: number;
  t0: number;
  t1: number;
}

/** FOUNDATION §3.8: a gradual transition over frames start_frame…end_frame (no hard cut is reported inside it). */
export interface TransitionReport {
  kind: 'fade_in' | 'fade_out' | 'dissolve';
  start_frame: number;
  end_frame: number;
}

/** What one shot shows, measured (label `observed`, never a guess of intent): pace, arcs and palette. */
export interface ShotNarrative {
  shot: number;
  label: 'observed';
  pace: 'slow' | 'medium' | 'fast';
  brightness_arc: 'rising' | 'falling' | 'steady' | 'peak' | 'wave';
  loudness_arc: 'rising' | 'falling' | 'steady' | 'peak' | 'wave' | null;
  palette: ColorPrimitiveName[];
  lighting: Lighting;
  motion: MotionLevel;
}

/** The observed narrative of the file, shot by shot. */
export interface NarrativeObserved {
  label: 'observed';
  shots: ShotNarrative[];
}

/** What could not be read of a file that was still analysed (FOUNDATION §7 "Analyse what can be analysed"). */
export const ANALYSIS_WARNING_CODES = [
  'unsupported_video_codec',
  'unsupported_audio_codec',
  'truncated',
  'corrupt',
  'corrupt_sample_table',
  'bad_timescale',
  'bad_edit_list',
  'bad_codec_config',
  'too_large',
] as const;
/** One of ANALYSIS_WARNING_CODES. */
export type AnalysisWarningCode = (typeof ANALYSIS_WARNING_CODES)[number];

/** One warning: a specific code and a sentence saying what was not analysed and why. */
export interface AnalysisWarning {
  code: AnalysisWarningCode;
  message: string;
}

/** FOUNDATION §7: everything measured of a file that could be analysed, at least in part. */
export interface AnalysisReport {
  schema: typeof ANALYSIS_SCHEMA;
  file: FileInfo;
  container: ContainerInfo;
  video: VideoInfo | null;
  audio: AudioInfo | null;
  frames: FrameReport[];
  windows: WindowReport[];
  tempo: TempoReport | null;
  melody: MelodyNote[];
  cuts: CutReport[];
  transitions: TransitionReport[];
  shots: ShotReport[];
  narrative_observed: NarrativeObserved | null;
  warnings: AnalysisWarning[];
}

/** Why nothing at all of a file could be analysed (the report's `error.code`). */
export const ANALYSIS_ERROR_CODES = [
  'not_media',
  'truncated',
  'corrupt',
  'corrupt_sample_table',
  'bad_timescale',
  'bad_edit_list',
  'bad_codec_config',
  'unsupported_codec',
  'no_tracks',
  'timeout',
  'too_large',
  'internal',
] as const;
/** One of ANALYSIS_ERROR_CODES. */
export type AnalysisErrorCode = (typeof ANALYSIS_ERROR_CODES)[number];

/** A file that cannot be read: its `file` still has name, bytes and sha256, and nothing else is reported. */
export interface AnalysisError {
  schema: typeof ANALYSIS_SCHEMA;
  file: FileInfo;
  error: { code: AnalysisErrorCode; message: string };
}

/** What analysing a file gives: a report, or an error when nothing could be read. */
export type AnalysisResult = AnalysisReport | AnalysisError;

/** True for a window with picture measurements (the file has decodable video). */
export function hasPicture(w: WindowReport): w is PictureWindowReport {
  return w.motion !== null;
}

/** Narrows a result to the error report. */
export function isAnalysisError(r: AnalysisResult): r is AnalysisError {
  return 'error' in r;
}

/** FOUNDATION §1: windows of W = round(0.5 s × fps) frames, hop W; a last partial window kept if ≥ W/2 frames. */
export function windowBounds(frameCount: number, fps: number): [number, number][] {
  const w = Math.max(1, Math.round(0.5 * fps));
  const out: [number, number][] = [];
  for (let s = 0; s < frameCount; s += w) {
    const e = Math.min(frameCount, s + w);
    if (e - s === w || e - s >= w / 2) out.push([s, e - 1]);
  }
  return out;
}
