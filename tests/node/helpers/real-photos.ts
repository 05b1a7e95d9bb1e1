// The real-photograph fixtures (tests/fixtures/real/photos, made by make-photos.sh): their truth, and each file
// decoded by ffmpeg to RGBA on the analysis raster the app uses (long side at most 640 px) and run through the
// vision timeline.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createVisionTimeline, type VisionResult } from '../../../src/core/vision/vision-timeline.ts';

/** Folder of the fixtures. */
export const PHOTOS_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'real', 'photos');

/** Truth of a camera clip: the move and its FOUNDATION raw value (the other components are 0). */
export interface CameraTruth {
  kind: 'camera';
  photo: string;
  width: number;
  height: number;
  fps: number;
  frame_count: number;
  move: string;
  dx: number;
  dy: number;
  zoom: number;
  roll: number;
  shake_px: number;
}

/** A span of frames. */
export interface FrameSpan {
  kind: string;
  start_frame: number;
  end_frame: number;
}

/** Truth of a shot sequence: cut frames, transitions, and events that are neither (flashes, brightness, whip pans…). */
export interface ShotsTruth {
  kind: 'shots';
  width: number;
  height: number;
  fps: number;
  frame_count: number;
  cuts: number[];
  transitions: FrameSpan[];
  events: FrameSpan[];
}

/** Every fixture's truth by file name. */
export function photosTruth(): Record<string, CameraTruth | ShotsTruth> {
  return JSON.parse(readFileSync(join(PHOTOS_DIR, 'truth.json'), 'utf8')) as Record<string, CameraTruth | ShotsTruth>;
}

/** Decodes a file with ffmpeg to RGBA frames scaled to fit `maxSide` (area averaging), as the app's raster. */
export function decodeScaled(path: string, width: number, height: number, maxSide = 640): { frames: Uint8ClampedArray[]; width: number; height: number } {
  const s = Math.min(1, maxSide / Math.max(width, height));
  const w = Math.round(width * s);
  const h = Math.round(height * s);
  const dec = spawnSync('ffmpeg', ['-v', 'error', '-i', path, '-vf', `scale=${w}:${h}:flags=area`, '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'], { maxBuffer: 2 ** 31 - 1 });
  if (dec.status !== 0) throw new Error(`ffmpeg could not decode ${path}: ${dec.stderr.toString()}`);
  const size = w * h * 4;
  const frames: Uint8ClampedArray[] = [];
  for (let o = 0; o + size <= dec.stdout.length; o += size) frames.push(new Uint8ClampedArray(dec.stdout.subarray(o, o + size)));
  return { frames, width: w, height: h };
}

/** The vision timeline's result over a fixture. */
export function analysePhotoFixture(name: string, truth: { width: number; height: number; fps: number }): VisionResult {
  const { frames, width, height } = decodeScaled(join(PHOTOS_DIR, name), truth.width, truth.height);
  const tl = createVisionTimeline({ width, height, fps: truth.fps });
  frames.forEach((f, i) => tl.pushFrame(f, i, i / truth.fps));
  return tl.finish();
}
