// An H.264 round trip in Node: RGBA frames → ffmpeg's libx264 (4:2:0, a given bitrate) → RGBA frames. Not the
// browser's encoder, but the same format: chroma shared over 2×2 pixels and detail lost to quantisation.
import { spawnSync } from 'node:child_process';

/** Encode `frames` (width×height RGBA, concatenated) at `bitrate` bits/s and decode them back (throws with ffmpeg's stderr). */
export function h264RoundTrip(frames: Uint8ClampedArray, width: number, height: number, fps: number, bitrate: number): Uint8ClampedArray {
  const size = `${width}x${height}`;
  const enc = spawnSync('ffmpeg', ['-v', 'error', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', size, '-r', String(fps), '-i', '-', '-c:v', 'libx264', '-b:v', String(bitrate), '-pix_fmt', 'yuv420p', '-f', 'h264', '-'], { input: frames, maxBuffer: 2 ** 30 });
  if (enc.status !== 0) throw new Error(`ffmpeg encode failed: ${enc.stderr}`);
  const dec = spawnSync('ffmpeg', ['-v', 'error', '-f', 'h264', '-i', '-', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'], { input: enc.stdout, maxBuffer: 2 ** 31 });
  if (dec.status !== 0) throw new Error(`ffmpeg decode failed: ${dec.stderr}`);
  const out = new Uint8ClampedArray(dec.stdout.buffer, dec.stdout.byteOffset, dec.stdout.length);
  if (out.length !== frames.length) throw new Error(`decoded ${out.length} bytes, encoded ${frames.length}`);
  return out;
}
