// A real mp4-analysis/1 report of a fixture in Node: ffprobe reads the tracks, ffmpeg (a decoder not ours) decodes the
// picture to RGBA on the app's analysis raster and the sound to mono float PCM, and our core (vision timeline, sound
// timeline, assembleReport) measures them, as src/media/analyze-file.ts does in the browser with WebCodecs.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { assembleReport } from '../../../src/core/analysis/assemble-report.ts';
import { createSoundTimeline } from '../../../src/core/audio/sound-timeline.ts';
import { windowBounds, type AnalysisReport, type FrameReport } from '../../../src/core/report/analysis.ts';
import { createVisionTimeline, finishVision, rangeOverlap, type VisionResult } from '../../../src/core/vision/vision-timeline.ts';
import { decodeMono } from './decode.ts';
import { decodeScaled } from './real-photos.ts';

interface ProbeStream {
  codec_type: string;
  codec_name: string;
  width?: number;
  height?: number;
  r_frame_rate?: string;
  nb_frames?: string;
  duration?: string;
  sample_rate?: string;
  channels?: number;
}

const SAMPLE_RATE = 48_000;
const AUDIO_FPS = 25;

/**
 * The report of the file at `path` (picture frames at its nominal rate; audio-only files as 1/25 s audio frames).
 * `rangeStarts`: the picture analysed as ranges starting at these frames (segment boundaries, after 0), each by its own
 * timeline shown its overlap first, merged by finishVision — as two analysis workers would (issue 18 item 3).
 * `maxSide`: the analysis raster's longest side (640 as the app's; smaller for cheaper tests).
 */
export function reportFromFile(path: string, opts: { rangeStarts?: number[]; maxSide?: number } = {}): AnalysisReport {
  const rangeStarts = opts.rangeStarts ?? [];
  const probe = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name,width,height,r_frame_rate,nb_frames,duration,sample_rate,channels:format=duration', '-of', 'json', path]);
  if (probe.status !== 0) throw new Error(`ffprobe ${path}: ${probe.stderr.toString()}`);
  const info = JSON.parse(probe.stdout.toString()) as { streams: ProbeStream[]; format: { duration: string } };
  const v = info.streams.find((s) => s.codec_type === 'video');
  const a = info.streams.find((s) => s.codec_type === 'audio');
  const name = basename(path);
  const file = { name, bytes: statSync(path).size, sha256: '0'.repeat(64) };
  const containerS = Number(info.format.duration);
  const pcm = a ? decodeMono(path, SAMPLE_RATE) : null;
  const stl = a ? createSoundTimeline(SAMPLE_RATE) : null;
  let frames: FrameReport[];
  let fps: number;
  let vision: VisionResult | null = null;
  if (v && v.width && v.height && v.r_frame_rate) {
    const [num, den] = v.r_frame_rate.split('/').map(Number) as [number, number];
    fps = num / den;
    const { frames: rgba, width, height } = decodeScaled(path, v.width, v.height, opts.maxSide);
    const timeOf = (i: number) => Math.round((i / fps) * 1e6) / 1e6;
    const starts = [0, ...rangeStarts];
    frames = [];
    const parts = starts.map((start, k) => {
      const end = starts[k + 1] ?? rgba.length;
      const tl = createVisionTimeline({ width, height, fps, start });
      for (let i = Math.max(0, start - rangeOverlap(fps)); i < end; i++) {
        const { colors, depth, luma } = tl.pushFrame(rgba[i]!, i, timeOf(i));
        // the overlap's frames belong to the range before
        if (i >= start) frames.push({ index: i, t: timeOf(i), colors, depth, luma, sound: null });
      }
      return tl.part();
    });
    vision = finishVision(parts, { width, height, fps });
  } else {
    fps = AUDIO_FPS;
    const n = Math.max(1, Math.ceil(Number(a?.duration ?? containerS) * fps - 1e-9));
    frames = Array.from({ length: n }, (_, i) => ({ index: i, t: Math.round((i / fps) * 1e6) / 1e6, colors: [], depth: null, luma: null, sound: null }));
  }
  const windows = windowBounds(frames.length, fps);
  let sound = null;
  if (pcm && stl) {
    frames.forEach((f, i) => {
      const t1 = i + 1 < frames.length ? frames[i + 1]!.t : f.t + 1 / fps;
      const s0 = Math.round(f.t * SAMPLE_RATE);
      const s1 = Math.min(pcm.length, Math.round(t1 * SAMPLE_RATE));
      if (s1 > s0) f.sound = stl.pushFrame(i, f.t, t1, pcm.subarray(s0, s1));
    });
    const res = stl.finish(windows, fps);
    sound = { windows: res.windows, tempo: res.tempo, melody: res.melody };
  }
  const duration = v ? frames.length / fps : Number(a?.duration ?? containerS);
  return assembleReport({
    file,
    container: { brand: null, duration_s: containerS, tracks: info.streams.map((s, id) => ({ id: id + 1, type: s.codec_type === 'video' ? 'video' : s.codec_type === 'audio' ? 'audio' : 'other', codec: s.codec_name })) },
    video: v && v.width && v.height ? { codec: v.codec_name, width: v.width, height: v.height, fps, frame_count: frames.length, duration_s: duration, rotation: 0, pixel_aspect: [1, 1], decodable: true } : null,
    audio: a ? { codec: a.codec_name, sample_rate: SAMPLE_RATE, channels: a.channels ?? 1, duration_s: Number(a.duration ?? containerS), decodable: true } : null,
    frames,
    vision,
    sound,
    soundWindows: windows,
    fps,
  });
}
