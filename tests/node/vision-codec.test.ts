// The vision timeline on frames that went through a real H.264 encode and decode (ffmpeg, libx264, yuv420p):
// palette colours, camera moves and cuts must survive codec artefacts and chroma subsampling.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cutF1 } from '../../src/core/vision/shots.ts';
import { createVisionTimeline } from '../../src/core/vision/vision-timeline.ts';
import { makeTexture, renderMoved, split, type Motion } from './helpers/frames.ts';

const W = 320;
const H = 240;
const FPS = 30;

/** Encodes RGBA frames with libx264 (crf 26) and decodes them back to RGBA. */
function h264RoundTrip(frames: Uint8ClampedArray[]): Uint8ClampedArray[] {
  const dir = mkdtempSync(join(tmpdir(), 'vision-codec-'));
  try {
    const mp4 = join(dir, 'clip.mp4');
    const enc = spawnSync('ffmpeg', ['-v', 'error', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', `${W}x${H}`, '-r', String(FPS), '-i', '-', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '26', '-pix_fmt', 'yuv420p', '-y', mp4], { input: Buffer.concat(frames.map((f) => Buffer.from(f.buffer, f.byteOffset, f.byteLength))) });
    if (enc.status !== 0) throw new Error(`ffmpeg encode failed: ${enc.stderr}`);
    const dec = spawnSync('ffmpeg', ['-v', 'error', '-i', mp4, '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'], { maxBuffer: 1 << 30 });
    if (dec.status !== 0) throw new Error(`ffmpeg decode failed: ${dec.stderr}`);
    const out: Uint8ClampedArray[] = [];
    for (let o = 0; o + W * H * 4 <= dec.stdout.length; o += W * H * 4) out.push(new Uint8ClampedArray(dec.stdout.subarray(o, o + W * H * 4)));
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('vision after an H.264 round trip', () => {
  it('camera moves, cuts and flat-colour palettes survive the codec', () => {
    const shots: [string, Motion, string, number][] = [
      ['c1', { dx: -0.2 }, 'pan_right', 30],
      ['c2', { zoom: 0.3 }, 'zoom_in', 30],
      ['c3', { roll: 12 }, 'roll_ccw', 30],
      ['c4', { dy: 0.1 }, 'tilt_up', 30],
    ];
    const frames: Uint8ClampedArray[] = [];
    const truthCuts: number[] = [];
    for (const [seed, m, , len] of shots) {
      if (frames.length) truthCuts.push(frames.length);
      const tex = makeTexture(seed, 512, 4);
      for (let k = 0; k < len; k++) frames.push(renderMoved(tex, W, H, m, k, FPS));
    }
    truthCuts.push(frames.length);
    for (let k = 0; k < 15; k++) frames.push(split(W, H, [255, 165, 0], [0, 0, 128], 0.5));
    const decoded = h264RoundTrip(frames);
    expect(decoded.length).toBe(frames.length);
    const tl = createVisionTimeline({ width: W, height: H, fps: FPS });
    const per = decoded.map((f, i) => tl.pushFrame(f, i, i / FPS));
    const r = tl.finish();
    const score = cutF1(r.cuts.map((c) => c.frame), truthCuts, 1);
    console.log(`h264 cuts found ${r.cuts.map((c) => c.frame)} (truth ${truthCuts}) F1 ${score.f1.toFixed(3)}`);
    expect(score.f1).toBeGreaterThanOrEqual(0.95);
    shots.forEach(([, m, move], k) => {
      // windows fully inside shot k (its first window starts at the cut, so its first pair is left out)
      const ws = r.windows.filter((w) => w.start_frame >= k * 30 && w.end_frame < (k + 1) * 30);
      for (const w of ws) {
        const key = (Object.keys(m)[0] ?? 'dx') as 'dx' | 'dy' | 'zoom' | 'roll';
        const truth = m[key] as number;
        const err = Math.abs(w.camera[key] - truth) / Math.abs(truth);
        console.log(`h264 shot ${k} window ${w.start_frame}: ${w.camera.move} ${key} ${w.camera[key]} (truth ${truth}, err ${(err * 100).toFixed(1)} %) conf ${w.camera.confidence}`);
        expect(w.camera.move).toBe(move);
        expect(err).toBeLessThan(0.15);
      }
    });
    const last = per[per.length - 1]!;
    console.log(`h264 split orange|navy: ${last.colors.map((c) => `${c.rgb} ${c.share}% ${c.primitive}`).join('; ')}`);
    expect(last.colors.slice(0, 2).map((c) => c.primitive).sort()).toEqual(['navy', 'orange']);
    for (const c of last.colors.slice(0, 2)) expect(Math.abs(c.share - 50)).toBeLessThan(2);
  });
});
