// A clip decoded by ffmpeg for the Node benchmarks that read frames with extraction's vision timeline: scaled by area
// so its longer side is at most 640 px (extraction's analysis raster), RGBA, every frame a view into one buffer.
import { spawnSync } from 'node:child_process';

/** The frames of `path` (a width×height video) at most 640 px on the longer side, with the size they were decoded at. */
export function decodeRgbaFrames(path, width, height) {
  const s = Math.min(1, 640 / Math.max(width, height));
  const w = Math.round(width * s);
  const h = Math.round(height * s);
  const dec = spawnSync('ffmpeg', ['-v', 'error', '-i', path, '-vf', `scale=${w}:${h}:flags=area`, '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'], { maxBuffer: 2 ** 31 - 1 });
  if (dec.status !== 0) throw new Error(`ffmpeg could not decode ${path}`);
  const size = w * h * 4;
  const out = dec.stdout;
  const frames = [];
  for (let o = 0; o + size <= out.length; o += size) frames.push(new Uint8ClampedArray(out.buffer, out.byteOffset + o, size));
  return { frames, w, h };
}
