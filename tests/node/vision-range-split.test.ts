// Issue 18 item 3 at the core: a file's frames analysed as one range and as several ranges split on tracker segment
// boundaries (each range shown its rangeOverlap(fps) frames first, merged by finishVision) give the same report, byte
// for byte — cuts, transitions and shots across the boundaries included. The frames are decoded by ffmpeg
// (tests/node/helpers/report-from-file.ts), so the camera, cut and transition measures run on real footage.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVisionTimeline, finishVision, rangeOverlap, segmentFrames } from '../../src/core/vision/vision-timeline.ts';
import { reportFromFile } from './helpers/report-from-file.ts';
import { decodeScaled } from './helpers/real-photos.ts';

const REAL = join(import.meta.dirname, '..', 'fixtures', 'real');
const MEDIA = join(import.meta.dirname, '..', 'fixtures', 'media');

describe('vision: ranges split on segment boundaries give the one-range report', { timeout: 600_000 }, () => {
  it('a 12 s sequence of real photos with cuts, dissolves and fades (30 f/s), split in three on segment boundaries', () => {
    const path = join(REAL, 'photos', 'seq-mixed.mp4');
    const seg = segmentFrames(30);
    const whole = reportFromFile(path, { maxSide: 320 });
    const thirds = [1, 2].map((k) => Math.round((k * whole.frames.length) / 3 / seg) * seg);
    const split = reportFromFile(path, { maxSide: 320, rangeStarts: thirds });
    expect(thirds[0]).toBeGreaterThan(0);
    expect(thirds[1]).toBeLessThan(whole.frames.length);
    expect(whole.cuts.length + whole.transitions.length).toBeGreaterThan(2);
    expect(JSON.stringify(split)).toBe(JSON.stringify(whole));
  });

  it('camera moves, a flash and cuts: every segment boundary a range boundary', () => {
    // a range boundary (and a prior reset) inside every camera move, right after cuts and flashes
    for (const [path, fps] of [[join(REAL, 'photos', 'cam-640-pan-left-garden.mp4'), 30], [join(MEDIA, 'pan-flash.mp4'), 30], [join(REAL, 'degraded', 'cam-640-shake-ladybird-fps60.mp4'), 60]] as const) {
      const { frames, width, height } = decodeScaled(path, ...probeSize(path), 320);
      const opts = { width, height, fps };
      const whole = createVisionTimeline(opts);
      frames.forEach((f, i) => whole.pushFrame(f, i, i / fps));
      const seg = segmentFrames(fps);
      const parts = [];
      for (let start = 0; start < frames.length; start += seg) {
        const tl = createVisionTimeline({ ...opts, start });
        for (let i = Math.max(0, start - rangeOverlap(fps)); i < Math.min(frames.length, start + seg); i++) tl.pushFrame(frames[i]!, i, i / fps);
        parts.push(tl.part());
      }
      expect(parts.length).toBeGreaterThanOrEqual(4);
      expect(JSON.stringify(finishVision(parts, opts))).toBe(JSON.stringify(whole.finish()));
    }
  });

  it('refuses a range off a segment boundary and ranges that are not contiguous', () => {
    const fps = 30;
    expect(() => createVisionTimeline({ width: 32, height: 24, fps, start: segmentFrames(fps) + 1 })).toThrow(/segment boundary/);
    const a = createVisionTimeline({ width: 32, height: 24, fps, segmentWindows: 1 });
    const frame = new Uint8ClampedArray(32 * 24 * 4).fill(90);
    for (let i = 0; i < 15; i++) a.pushFrame(frame, i, i / fps);
    const b = createVisionTimeline({ width: 32, height: 24, fps, segmentWindows: 1, start: 30 });
    for (let i = 30 - rangeOverlap(fps); i < 45; i++) b.pushFrame(frame, i, i / fps);
    expect(() => finishVision([a.part(), b.part()], { width: 32, height: 24, fps })).toThrow(/contiguous/);
    // a range cannot be finished on its own
    expect(() => b.finish()).toThrow(TypeError);
  });
});

/** The coded width and height of a file's video (ffprobe). */
function probeSize(path: string): [number, number] {
  const out = spawnSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', path]);
  const [w, h] = out.stdout.toString().trim().split(',').map(Number) as [number, number];
  return [w, h];
}
