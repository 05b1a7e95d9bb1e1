// One file → its mp4-analysis/1 report (or error). Runs inside the analyze worker: a video pass (frames decoded,
// drawn on the analysis raster, analysed and released one by one), then an audio pass (samples decoded, mixed to
// mono and cut into the video frames' time spans), then the two joined by frame index (docs/extraction.md). A file
// without decodable video gets nominal audio frames; damaged tracks are named in `warnings` and the rest analysed.
import { ALL_FORMATS, BlobSource, Input } from 'mediabunny';
import type { AnalysisResult, AnalysisWarning, FileInfo, VideoInfo } from '../core/report/analysis.ts';
import { ANALYSIS_SCHEMA, windowBounds } from '../core/report/analysis.ts';
import { assembleReport, assembleReportAround, type SoundPart } from '../core/analysis/assemble-report.ts';
import { FrameTable } from '../core/report/frame-table.ts';
import { createVisionTimeline, type VisionResult } from '../core/vision/vision-timeline.ts';
import { sha256Hex } from './analyze-sha256.ts';
import { measureSound, type SoundPassResult } from './analyze-sound.ts';
import { countSoundAlongside, measureSoundAlongside, predictFrameSpans, soundAlongsideTimeoutMs, spansHold, type SoundAlongsideJob } from './analyze-sound-alongside.ts';
import type { SoundFrameSpans } from '../../workers/analyze-sound.worker.ts';
import { readMetadata, type OpenedMedia } from './decode-metadata.ts';
import { checkIsoStructure, hideBoxes, type ScannedTrack } from './decode-structure.ts';
import { measureColorsAlongside, parallelByDefault } from './analyze-parallel.ts';
import { analysisRaster, decodeVideoFrames, recycleRaster } from './decode-video.ts';
import { BATCH_FRAMES, FrameSinkError, FrameStream, type FrameSink } from './frame-stream.ts';
import { measureInRanges } from './analyze-ranges.ts';
import { AnalysisFailure, classifyFailure } from './media-errors.ts';
import { assert } from '../core/assert.ts';

/** Frame rate of the nominal audio frames of a file without decodable video (FOUNDATION §7). */
export const AUDIO_FRAME_RATE = 25;

/**
 * Lowest bit rate a real file has, in bytes per second of media (8 kb/s speech): a file whose container claims more
 * seconds than its bytes could hold at this rate gets a time limit for the seconds it could hold.
 */
export const MIN_BYTES_PER_SECOND = 1000;

/**
 * Whether a second worker measures a frame range of its own (analyze-ranges.ts) rather than the colours of every
 * frame (analyze-parallel.ts), when no caller says: chosen by `MR_BENCH_SPEED_ONLY=1 node scripts/bench/analyze.mjs`
 * (docs/extraction.md, "Item 3: two workers over frame ranges").
 */
export const RANGES_BY_DEFAULT = false;

/** Fewest bytes a coded video frame takes (a still P-frame), for how many frames a file's bytes could hold. */
const MIN_BYTES_PER_FRAME = 16;

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
  /** Use a second worker (analyze-parallel.ts or analyze-ranges.ts); default: when there is a second core. false: one worker. */
  parallel?: boolean;
  /**
   * With a second worker: split the frames into two ranges, each decoded and measured by its own worker
   * (analyze-ranges.ts), instead of measuring colours in the second worker (analyze-parallel.ts); default RANGES_BY_DEFAULT.
   */
  ranges?: boolean;
  /** Test hook: the range worker crashes (the analysis must fail with an `internal` error report). */
  rangeCrash?: boolean;
  /**
   * Measure the sound in the sound worker while this worker measures the picture (analyze-sound-alongside.ts; the
   * same report); not with `onFrames`. Default false: the loop asks for it, a single file's analysis does not.
   */
  soundAlongside?: boolean;
  /**
   * Stream the frames out (frame-stream.ts): complete frames, in order, in batches, as soon as they are measured; the
   * report returned then has `frames` empty. An error report returned after some frames were sent makes them void.
   */
  onFrames?: FrameSink;
}

/** Analyse a Blob (a File, or MP4 bytes wrapped in one). Never throws for a bad file: it returns the error report. */
export async function analyzeBlob(blob: Blob, name: string, hooks: AnalyzeHooks = {}): Promise<AnalysisResult> {
  const file: FileInfo = { name, bytes: blob.size, sha256: await sha256Hex(blob) };
  hooks.onFile?.(file);
  let last = -1;
  const progress = (f: number) => {
    const q = Math.round(Math.min(1, Math.max(0, f)) * 1000) / 1000;
    // only forward: a range split that falls back to one pass starts its frames again
    if (q > last) {
      last = q;
      hooks.onProgress?.(q);
    }
  };
  let input: Input | null = null;
  try {
    if (blob.size === 0) throw new AnalysisFailure('not_media', 'the file is empty');
    const structure = await checkIsoStructure(blob);
    if (structure?.fatal) throw new AnalysisFailure(structure.fatal.code, structure.fatal.message);
    // damaged tracks and edit lists are renamed `free`: the demuxer skips them, the report names them
    const source = structure ? hideBoxes(blob, structure.hide) : blob;
    input = new Input({ source: new BlobSource(source), formats: ALL_FORMATS });
    const hidden = structure?.tracks.filter((t) => t.problem) ?? [];
    const warnings: AnalysisWarning[] = [
      ...hidden.map((t) => ({ code: t.problem!.code, message: `${t.problem!.message}; the track is listed but not analysed` })),
      ...(structure?.warnings ?? []),
    ];
    progress(0);
    return await analyzeInput(input, { blob, source, iso: structure !== null }, file, progress, hooks, hidden, warnings);
  } catch (err) {
    return { schema: ANALYSIS_SCHEMA, file, error: classifyFailure(err) };
  } finally {
    input?.dispose();
  }
}

async function analyzeInput(
  input: Input,
  { blob, source, iso }: { blob: Blob; source: Blob; iso: boolean },
  file: FileInfo,
  progress: (f: number) => void,
  hooks: AnalyzeHooks,
  hidden: ScannedTrack[],
  warnings: AnalysisWarning[],
): Promise<AnalysisResult> {
  await input.getFormat();
  const meta = await readMetadata(input, blob, hidden);
  warnings.push(...meta.warnings);
  // the time limit follows the media duration, but never more of it than the bytes could hold
  hooks.onDuration?.(Math.min(meta.container.duration_s, Math.max(10, blob.size / MIN_BYTES_PER_SECOND)));
  const { videoTrack, audioTrack } = meta;
  const audioShare = videoTrack && audioTrack ? 0.15 : audioTrack ? 1 : 0;

  // every frame's values, compact: the audio pass completes them, the narrative reads them all at the end
  const table = new FrameTable();
  const stream = hooks.onFrames ? new FrameStream(table, hooks.onFrames) : null;
  let video: VideoInfo | null = null;
  let fps: number;
  let vision: VisionResult | null = null;
  let originS: number;
  // frame i spans [t_i, t_{i+1}); the last one ends at its own timestamp + duration
  let bounds: (i: number) => [number, number] | null;

  // the audio pass in the sound worker while this one measures the picture (the loop asks: analyze-sound-alongside.ts)
  const soundAhead = hooks.soundAlongside && !stream && videoTrack && audioTrack && meta.video && parallelByDefault()
    ? await startSoundAhead(videoTrack, audioTrack.id, meta.video, source)
    : null;
  let picture: Picture | null;
  try {
    picture = videoTrack && meta.video
      // without sound a frame is complete when measured: it leaves at once
      ? await measurePicture(videoTrack, meta.video, { hooks, warnings, hasSound: audioTrack !== null, progress: (f) => progress((1 - audioShare) * f), table, stream: audioTrack ? null : stream, bytes: blob.size, source, iso })
      : null;
  } catch (err) {
    // nobody will read the sound worker's result: end it, or the next file's sound would queue behind this one's
    soundAhead?.cancel();
    throw err;
  }
  // without a picture the sound worker's spans are not the report's frames: give it up now rather than wait for it
  if (!picture) soundAhead?.cancel();
  if (picture) {
    ({ vision, video, fps, originS, bounds } = picture);
  } else {
    // no picture to measure: nominal audio frames, 25 per second, the last one partial (FOUNDATION §7)
    const a = meta.audio;
    if (!a || !audioTrack) throw new AnalysisFailure('unsupported_codec', 'no track of this file can be decoded here');
    if (meta.video) {
      // an undecodable or damaged picture keeps its metadata, marked decodable: false (FOUNDATION §7)
      const v = meta.video;
      const spanS = v.duration_s - v.start_s;
      video = { codec: v.codec, width: v.width, height: v.height, fps: r6(spanS > 0 ? v.packets / spanS : 0), frame_count: v.packets, duration_s: r6(Math.max(0, spanS)), rotation: v.rotation, pixel_aspect: v.pixel_aspect, decodable: false };
    }
    fps = AUDIO_FRAME_RATE;
    originS = Math.max(0, a.start_s);
    const durationS = Math.max(0, a.duration_s);
    const n = Math.max(1, Math.ceil(durationS * fps - 1e-9));
    for (let i = 0; i < n; i++) table.push({ index: i, t: r6(i / fps), colors: [], depth: null, luma: null, sound: null });
    bounds = (i) => (i < n ? [r6(i / fps), r6(Math.min((i + 1) / fps, Math.max(durationS, i / fps + 1e-6)))] : null);
  }

  let sound: SoundPart | null = null;
  const windows = windowBounds(table.length, fps);
  if (audioTrack) {
    const ahead = soundAhead ? await soundAhead.result : null;
    // the sound worker's frames are the report's only when the picture has exactly the spans it measured over
    const kept = ahead && soundAhead && picture && spansHold(soundAhead.spans, table.length, bounds, fps) ? ahead : null;
    if (soundAhead) countSoundAlongside(kept !== null);
    let res: SoundPassResult;
    if (kept) {
      kept.frames.forEach((s, i) => s && table.setSound(i, s));
      res = kept.result;
    } else {
      const total = meta.container.duration_s || 1;
      res = await measureSound(audioTrack, {
        originS,
        bounds,
        windows,
        fps,
        hasVision: vision !== null,
        onFrame: (i, s) => {
          table.setSound(i, s);
          stream?.upTo(i + 1);
        },
        onTime: (t) => progress(1 - audioShare + audioShare * Math.min(1, t / total)),
        ...(stream ? { pace: () => stream.pace() } : {}),
      });
    }
    if (res.channels !== null && meta.audio) meta.audio.channels = res.channels;
    warnings.push(...res.warnings);
    sound = res.sound;
  }
  const parts = { file, container: meta.container, video, audio: meta.audio ? stripStart(meta.audio) : null, vision, sound, soundWindows: windows, fps, warnings };
  let report: AnalysisResult;
  if (stream) {
    // frames past the end of the sound have none: they leave now, before the rest of the report
    stream.upTo(table.length);
    await stream.finish();
    report = assembleReportAround(parts, { count: table.length, time: (i) => table.time(i), frame: (i) => table.frame(i) });
  } else {
    report = assembleReport({ ...parts, frames: Array.from({ length: table.length }, (_, i) => table.frame(i)) });
  }
  progress(1);
  return report;
}
/** The sound worker's pass under way, with the spans it measures over. */
interface SoundAhead extends SoundAlongsideJob {
  spans: SoundFrameSpans;
}

/** Predict the frames' spans from the video packets and start the sound worker on them; null without a span to predict. */
async function startSoundAhead(videoTrack: NonNullable<OpenedMedia['videoTrack']>, audioTrackId: number, v: NonNullable<OpenedMedia['video']>, source: Blob): Promise<SoundAhead | null> {
  const spanS = v.duration_s - v.start_s;
  if (v.packets === 0 || !(spanS > 0)) return null;
  const spans = await predictFrameSpans(videoTrack, v.start_s, v.packets / spanS);
  return spans ? { spans, ...measureSoundAlongside(source, audioTrackId, spans, soundAlongsideTimeoutMs(spans.end)) } : null;
}

/** The measured picture (its frames are in the table), with the frames' time bounds. */
interface Picture {
  vision: VisionResult;
  video: VideoInfo;
  fps: number;
  originS: number;
  bounds: (i: number) => [number, number] | null;
}

/**
 * Decode and measure every frame of the video track. A track damaged part-way is reported as far as it decodes.
 * One that gives no frame at all fails the file unless there is sound: then it is named in `warnings` and null is
 * returned, so the sound is analysed on nominal audio frames and the picture keeps its metadata (FOUNDATION §7).
 */
async function measurePicture(
  videoTrack: NonNullable<OpenedMedia['videoTrack']>,
  v: NonNullable<OpenedMedia['video']>,
  ctx: { hooks: AnalyzeHooks; warnings: AnalysisWarning[]; hasSound: boolean; progress: (f: number) => void; table: FrameTable; stream: FrameStream | null; bytes: number; source: Blob; iso: boolean },
): Promise<Picture | null> {
  const { hooks, warnings, table: frames, stream } = ctx;
  const spanS = v.duration_s - v.start_s;
  if (v.packets === 0 || !(spanS > 0)) {
    if (!ctx.hasSound) throw new AnalysisFailure('corrupt', 'the video track holds no frames');
    warnings.push({ code: 'corrupt', message: `track ${videoTrack.id}: the video track holds no frames; the sound is analysed` });
    return null;
  }
  // fps = frames / (end of last frame − start of first): exact for constant rate, the average rate for variable
  const fps = v.packets / spanS;
  const raster = analysisRaster(v.width, v.height, hooks.maxSide);
  const originS = v.start_s;
  let lastEnd = 0;
  let failure: ReturnType<typeof classifyFailure> | null = null;
  let vision: VisionResult | null = null;
  const parallel = hooks.parallel ?? parallelByDefault();
  // two workers over two frame ranges (only an ISO-BMFF file can be seeked through its index); null: one pass
  const ranged = parallel && (hooks.ranges ?? RANGES_BY_DEFAULT) && ctx.iso
    ? await measureInRanges({ track: videoTrack, source: ctx.source, frames: v.packets, fps, raster, originS, progress: ctx.progress, ...(hooks.canvasColor ? { canvasColor: true } : {}), ...(hooks.rangeCrash ? { crash: true } : {}) })
    : null;
  if (ranged) {
    vision = ranged.vision;
    lastEnd = ranged.lastEnd;
    for (let i = 0; i < ranged.frames.length; i++) {
      frames.push(ranged.frames.frame(i));
      if (stream && (i + 1) % BATCH_FRAMES === 0) {
        stream.upTo(frames.length);
        await stream.pace();
      }
    }
    stream?.upTo(frames.length);
  }
  // room for the frames made once; a header's claim is trusted only as far as the file's bytes could hold the frames
  const tl = ranged ? null : createVisionTimeline({ width: raster.width, height: raster.height, fps, frames: Math.min(v.packets, Math.floor(ctx.bytes / MIN_BYTES_PER_FRAME)) });
  if (tl) {
    try {
      const decoded = decodeVideoFrames(videoTrack, raster, originS, hooks.canvasColor);
      for await (const f of measureColorsAlongside(decoded, parallel)) {
        const { colors, depth, luma } = tl.pushFrame(f.rgba, f.index, r6(f.t), f.measured);
        recycleRaster(f.rgba);
        frames.push({ index: f.index, t: r6(f.t), colors, depth, luma, sound: null });
        lastEnd = f.t + f.duration;
        ctx.progress(Math.min(1, (f.t + f.duration) / spanS));
        if (stream) {
          stream.upTo(frames.length);
          await stream.pace();
        }
      }
    } catch (err) {
      if (err instanceof FrameSinkError) throw err;
      if (frames.length === 0 && !ctx.hasSound) throw err;
      failure = classifyFailure(err);
    }
    vision = tl.finish();
  }
  if (frames.length === 0) {
    if (!ctx.hasSound) throw new AnalysisFailure('corrupt', `the decoder gave none of the ${v.packets} frames the file holds`);
    warnings.push({ code: 'corrupt', message: `track ${videoTrack.id}: the decoder gave none of the ${v.packets} video frames the file holds${failure ? ` (${failure.message})` : ''}; the sound is analysed` });
    return null;
  }
  if (frames.length < v.packets) {
    const cut = warnings.find((w) => w.code === 'truncated');
    const said = `${frames.length} of the ${v.packets} video frames the file claims were decoded${failure ? ` (then: ${failure.message})` : ''}`;
    if (cut) cut.message = `${cut.message}; ${said}`;
    else warnings.push({ code: failure?.code === 'corrupt' ? 'corrupt' : 'truncated', message: `the video is damaged part-way: ${said}` });
  }
  const video: VideoInfo = {
    codec: v.codec,
    width: v.width,
    height: v.height,
    fps: r6(fps),
    frame_count: frames.length,
    duration_s: r6(frames.length < v.packets ? lastEnd : spanS),
    rotation: v.rotation,
    pixel_aspect: v.pixel_aspect,
    decodable: true,
  };
  const n = frames.length;
  const bounds = (i: number): [number, number] | null => (i < n ? [frames.time(i), i + 1 < n ? frames.time(i + 1) : r6(lastEnd)] : null);
  assert(vision !== null, 'the picture measured in ranges or in one pass');
  return { vision, video, fps, originS, bounds };
}

function stripStart<T extends { start_s: number }>(x: T): Omit<T, 'start_s'> {
  const { start_s: _s, ...rest } = x;
  return rest;
}

function r6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
