// Real-looking frames for the speed tests: a committed photo (tests/fixtures/speed, from Debian's mate-backgrounds)
// moved by a camera (ffmpeg zoompan), with temporal grain, through libx264 and back, all made by ffmpeg.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The committed photos (960×540 JPEG). */
export const SPEED_PHOTOS = ['photo-garden.jpg', 'photo-storm.jpg'].map((f) => join(import.meta.dirname, '..', '..', 'fixtures', 'speed', f));

function ffmpeg(args: string[]): Buffer {
  const r = spawnSync('ffmpeg', ['-v', 'error', ...args], { maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`ffmpeg ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/**
 * Encodes `frames` frames of `photo` slowly zoomed and panned at width×height with grain (strength `noise`, 0–100)
 * as H.264 4:2:0, and decodes it to raw frames of `pixFmt` ('rgba' at outWidth×outHeight, or 'yuv420p' or 'nv12' at the coded
 * size). Returns one buffer per frame.
 */
export function realClip(opts: { photo: string; frames: number; width: number; height: number; noise: number; pixFmt: 'rgba' | 'yuv420p' | 'nv12'; outWidth?: number; outHeight?: number }): Buffer[] {
  const { photo, frames, width, height, noise, pixFmt } = opts;
  const dir = mkdtempSync(join(tmpdir(), 'real-clip-'));
  try {
    const mp4 = join(dir, 'clip.mp4');
    const move = `zoompan=z='1+0.004*on':x='iw/2-(iw/zoom/2)+on*2':y='ih/2-(ih/zoom/2)':d=${frames}:s=${width}x${height}:fps=30`;
    ffmpeg(['-y', '-i', photo, '-vf', `${move},noise=alls=${noise}:allf=t`, '-frames:v', String(frames), '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p', mp4]);
    const ow = pixFmt === 'rgba' ? (opts.outWidth ?? width) : width;
    const oh = pixFmt === 'rgba' ? (opts.outHeight ?? height) : height;
    const raw = ffmpeg(['-i', mp4, '-vf', `scale=${ow}:${oh}:flags=area`, '-f', 'rawvideo', '-pix_fmt', pixFmt, '-']);
    const size = pixFmt === 'rgba' ? ow * oh * 4 : width * height + 2 * ((width + 1) >> 1) * ((height + 1) >> 1);
    const out: Buffer[] = [];
    for (let o = 0; o + size <= raw.length; o += size) out.push(raw.subarray(o, o + size));
    if (out.length !== frames) throw new Error(`decoded ${out.length} frames, expected ${frames}`);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
