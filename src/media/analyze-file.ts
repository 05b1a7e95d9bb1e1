// One file → its mp4-analysis/1 report (or error). Runs inside the analyze worker: a video pass (frames decoded,
// drawn on the analysis raster, analysed and released one by one), then an audio pass (samples decoded, mixed to
// mono and cut into the video frames' time spans), then the two joined by frame index (docs/extraction.md).
import { ALL_FORMATS, BlobSource, Input } from 'mediabunny';
import type { AnalysisResult, FileInfo, FrameReport, VideoInfo } from '../core/report/analysis.ts';
import { ANALYSIS_SCHEMA, windowBounds } from '../core/report/analysis.ts';
import { assembleReport, type SoundPart } from '../core/analysis/assemble-report.ts';
import { createVisionTimeline, type VisionResult } from '../core/vision/vision-timeline.ts';
import { sha256Hex } from './analyze-sha256.ts';
import { decodeAudioFrames } from './decode-audio.ts';
import { readMetadata } from './decode-metadata.ts';
import { checkIsoStructure } from './decode-structure.ts';
import { analysisRaster, decodeVideoFrames } from './decode-video.ts';
import { AnalysisFailure, classifyFailure } from './media-errors.ts';

/** Frame rate of the synthetic frames of an audio-only file (FOUNDATION frames need a rate; 30 like the audio module). */
export const AUDIO_ONLY_FPS = 30;

/** Callbacks of one analysis (all optional). */
export interface AnalyzeHooks {
  /** Fraction done, 0–1, called only when its value (to 0.001) changes. */
  onProgress?: (fraction: number) => void;
  /** The file's identity, as soon as it is hashed (so a caller can still report it if the analysis then hangs). */
  onFile?: (file: FileInfo) => void;
  /** The media duration in seconds, as soon as it is known (for a time limit proportional to it). */
  onDuration?: (seconds: number) => void;
  /** Test hook: the analysis raster's longest side (default 640). */
  maxSide?: number;
  /** Test hook: read every frame through the browser's canvas (decode-video.ts), never the exact YUV conversion. */
  canvasColor?: boolean;
}

/** Analyse a Blob (a File, or MP4 bytes wrapped in one). Never throws for a bad file: it returns the error report. */
export async function analyzeBlob(blob: Blob, name: string, hooks: AnalyzeHooks = {}): Promise<AnalysisResult> {
  const file: FileInfo = { name, bytes: blob.size, sha256: await sha256Hex(blob) };
  hooks.onFile?.(file);
  let last = -1;
  const progress = (f: number) => {
    const q = Math.round(Math.min(1, Math.max(0, f)) * 1000) / 1000;
    if (q !== last) {
      last = q;
      hooks.onProgress?.(q);
    }
  };
  const input = new Input({ source: new BlobSource(blob), formats: ALL_FORMATS });
  try {
    if (blob.size === 0) throw new AnalysisFailure('not_media', 'the file is empty');
    const damage = await checkIsoStructure(blob);
    if (damage) throw new AnalysisFailure(damage.code, damage.message);
    progress(0);
    return await analyzeInput(input, blob, file, progress, hooks);
  } catch (err) {
    return { schema: ANALYSIS_SCHEMA, file, error: classifyFailure(err) };
  } finally {
    input.dispose();
  }
}

async function analyzeInput(input: Input, blob: Blob, file: FileInfo, progress: (f: number) => void, hooks: AnalyzeHooks): Promise<AnalysisResult> {
  await input.getFormat();
  const meta = await readMetadata(input, blob);
  hooks.onDuration?.(meta.container.duration_s);
  const { videoTrack, audioTrack } = meta;
  const audioShare = videoTrack && audioTrack ? 0.15 : audioTrack ? 1 : 0;

  let frames: FrameReport[] = [];
  let video: VideoInfo | null = null;
  let fps: number;
  let vision: VisionResult;
  let originS: number;
  // frame i spans [t_i, t_{i+1}); the last one ends at its own timestamp + duration
  let bounds: (i: number) => [number, number] | null;

  if (videoTrack && meta.video) {
    const v = meta.video;
    const stats = await videoTrack.computePacketStats(Infinity);
    const spanS = v.duration_s - v.start_s;
    if (stats.packetCount === 0 || !(spanS > 0)) throw new AnalysisFailure('corrupt', 'the video track holds no frames');
    // fps = frames / (end of last frame − start of first): exact for constant rate, the average rate for variable
    fps = stats.packetCount / spanS;
    const raster = analysisRaster(v.width, v.height, hooks.maxSide);
    const tl = createVisionTimeline({ width: raster.width, height: raster.height, fps });
    originS = v.start_s;
    let lastEnd = 0;
    for await (const f of decodeVideoFrames(videoTrack, raster, originS, hooks.canvasColor)) {
      const { colors, depth, luma } = tl.pushFrame(f.rgba, f.index, r6(f.t));
      frames.push({ index: f.index, t: r6(f.t), colors, depth, luma, sound: null });
      lastEnd = f.t + f.duration;
      progress((1 - audioShare) * Math.min(1, (f.t + f.duration) / spanS));
    }
    if (frames.length < stats.packetCount) {
      throw new AnalysisFailure('corrupt', `the decoder gave ${frames.length} frames of the ${stats.packetCount} the file holds`);
    }
    vision = tl.finish();
    video = { codec: v.codec, width: v.width, height: v.height, fps: r6(fps), frame_count: frames.length, duration_s: r6(spanS), rotation: v.rotation };
    const ts = frames.map((f) => f.t);
    bounds = (i) => (i < ts.length ? [ts[i]!, i + 1 < ts.length ? ts[i + 1]! : r6(lastEnd)] : null);
  } else {
    // audio only: synthetic 1/30 s frames over a black picture (video stays null)
    const a = meta.audio!;
    fps = AUDIO_ONLY_FPS;
    originS = Math.max(0, a.start_s);
    const n = Math.max(1, Math.round(a.duration_s * fps));
    const tl = createVisionTimeline({ width: 16, height: 12, fps });
    const black = new Uint8ClampedArray(16 * 12 * 4);
    for (let k = 3; k < black.length; k += 4) black[k] = 255;
    for (let i = 0; i < n; i++) {
      const { colors, depth, luma } = tl.pushFrame(black, i, r6(i / fps));
      frames.push({ index: i, t: r6(i / fps), colors, depth, luma, sound: null });
    }
    vision = tl.finish();
    bounds = (i) => (i < n ? [r6(i / fps), r6((i + 1) / fps)] : null);
  }

  let sound: SoundPart | null = null;
  if (audioTrack) {
    const { createSoundTimeline } = await import('../core/audio/sound-timeline.ts');
    const stl = createSoundTimeline(audioTrack.sampleRate);
    const total = meta.container.duration_s || 1;
    await decodeAudioFrames(
      audioTrack,
      originS,
      bounds,
      (i, t0, t1, samples) => {
        frames[i]!.sound = stl.pushFrame(i, t0, t1, samples);
      },
      (t) => progress(1 - audioShare + audioShare * Math.min(1, t / total)),
    );
    const res = stl.finish(windowBounds(frames.length, fps), fps);
    sound = { windows: res.windows, tempo: res.tempo, melody: res.melody };
  }
  const report = assembleReport({ file, container: meta.container, video, audio: meta.audio ? stripStart(meta.audio) : null, frames, vision, sound });
  frames = [];
  progress(1);
  return report;
}

function stripStart<T extends { start_s: number }>(x: T): Omit<T, 'start_s'> {
  const { start_s: _s, ...rest } = x;
  return rest;
}

function r6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
