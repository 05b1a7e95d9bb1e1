// Video frames decoded one at a time and drawn, as displayed, onto a small analysis raster (RGBA, sRGB).
import { VideoSampleSink, type InputVideoTrack } from 'mediabunny';
import { yuvToRaster } from './decode-yuv.ts';

/** Longest side of the analysis raster in pixels (docs/vision-analysis.md: palette and depth are per pixel). */
export const ANALYSIS_MAX_SIDE = 640;

/** The raster a display-size frame is analysed at: the display size, scaled down to ANALYSIS_MAX_SIDE, aspect kept. */
export function analysisRaster(displayWidth: number, displayHeight: number, maxSide = ANALYSIS_MAX_SIDE): { width: number; height: number } {
  const s = Math.min(1, maxSide / Math.max(displayWidth, displayHeight));
  return { width: Math.max(1, Math.round(displayWidth * s)), height: Math.max(1, Math.round(displayHeight * s)) };
}

/** Rasters handed back by the caller (recycleRaster), filled again by later frames: no 0.9 MB buffer made per 640×360 frame. */
const spare: Uint8ClampedArray[] = [];
/** Spare rasters kept at most (the frames in flight at once are fewer). */
const MAX_SPARE = 8;

/**
 * Hands a frame's raster back once nothing reads it any more (the analysis after pushFrame): a later frame's exact
 * conversion overwrites it. Never call it for a raster still in use.
 */
export function recycleRaster(rgba: Uint8ClampedArray): void {
  if (spare.length < MAX_SPARE && rgba.byteOffset === 0 && rgba.byteLength === rgba.buffer.byteLength) spare.push(rgba);
}

let alive = 0;
let maxAlive = 0;
const paths = { exact: 0, canvas: 0 };

/** Decoded samples this module holds unclosed right now, and the most it ever held at once (memory evidence). */
export function liveSampleStats(): { alive: number; maxAlive: number } {
  return { alive, maxAlive };
}

/** Frames read so far by the exact YUV conversion and by the canvas (which path the worker's frames took). */
export function rasterPathStats(): { exact: number; canvas: number } {
  return { ...paths };
}

/** One decoded frame on the raster. `rgba` belongs to the caller; `t` is seconds from `originS`. */
export interface RasterFrame {
  index: number;
  t: number;
  /** Seconds the frame lasts (the container's sample duration). */
  duration: number;
  rgba: Uint8ClampedArray;
}

/**
 * Decodes the track in presentation order and yields each frame on a width×height raster, as displayed (rotation
 * and pixel aspect applied: the raster has the displayed proportions; alpha composited over black). 8-bit I420/NV12 frames with known matrix and range are converted exactly by decode-yuv.ts; any other
 * frame is drawn by the browser's 2D canvas (which honours its colour space; drawWithFit applies the rotation).
 * Each sample is closed as soon as it is read: at most the decoder's small look-ahead queue is alive at once.
 * `useCanvas` forces the canvas for every frame (tests compare the two paths). `from`: start at frame `index`, the
 * last frame shown at or before `timestamp` (the track's seconds; Mediabunny decodes from the key frame before it),
 * numbered from `index` (a range of the file, analyze-ranges.ts).
 */
export async function* decodeVideoFrames(
  track: InputVideoTrack,
  raster: { width: number; height: number },
  originS: number,
  useCanvas = false,
  from?: { index: number; timestamp: number },
): AsyncGenerator<RasterFrame> {
  const canvas = new OffscreenCanvas(raster.width, raster.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true, alpha: false });
  if (!ctx) throw new Error('no 2D context on OffscreenCanvas');
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'medium';
  const sink = new VideoSampleSink(track);
  let index = from?.index ?? 0;
  for await (const sample of from ? sink.samples(from.timestamp) : sink.samples()) {
    let frame: RasterFrame;
    alive++;
    maxAlive = Math.max(maxAlive, alive);
    try {
      const reuse = spare.pop();
      let rgba = useCanvas ? null : await yuvToRaster(sample, raster, reuse);
      // a spare not taken (the canvas drew this frame, or it is another file's size) stays spare only if it fits
      if (reuse && rgba !== reuse && reuse.length === raster.width * raster.height * 4) spare.push(reuse);
      if (!rgba) {
        // each frame is seen on its own: a frame with alpha is composited over black, never over the last frame
        ctx.fillStyle = '#000';
        ctx.fillRect(0, 0, raster.width, raster.height);
        sample.drawWithFit(ctx, { fit: 'fill' });
        rgba = ctx.getImageData(0, 0, raster.width, raster.height).data;
        paths.canvas++;
      } else {
        paths.exact++;
      }
      frame = { index, t: sample.timestamp - originS, duration: sample.duration, rgba };
    } finally {
      sample.close();
      alive--;
    }
    index++;
    yield frame;
  }
}
