// The one-pass per-frame measures (src/core/vision/frame-pass.ts, issue 18) give exactly the numbers of the separate
// passes they replace — framePalette, regionDepth, frameLuma and the cut detector's colour histogram — on real frames:
// photos moved by a camera with grain through H.264, and fixtures with cuts, flat colours, gradients and a flash,
// decoded by ffmpeg. Every number is compared with Object.is.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { regionDepth } from '../../src/core/color/depth.ts';
import { colorHistogram, measureFramePixels, type FramePixels } from '../../src/core/vision/frame-pass.ts';
import { frameLuma } from '../../src/core/vision/luma.ts';
import { framePalette } from '../../src/core/vision/palette.ts';
import { realClip, SPEED_PHOTOS } from './helpers/real-clip.ts';
import { decodeScaled } from './helpers/real-photos.ts';

const MEDIA = join(import.meta.dirname, '..', 'fixtures', 'media');

/** The separate passes, as the timeline ran them before. */
function separately(rgba: Uint8ClampedArray): FramePixels {
  return { colors: framePalette(rgba), depth: regionDepth(rgba), luma: frameLuma(rgba), hist: colorHistogram(rgba) };
}

/** Every difference between two values, numbers compared with Object.is (so 0 and −0, or one ulp, differ). */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b) ? [] : [`${path}: ${String(a)} vs ${String(b)}`];
  if (a instanceof Float32Array || b instanceof Float32Array) return differences(Array.from(a as Float32Array), Array.from(b as Float32Array), path);
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [`${path}: length ${a.length} vs ${b.length}`];
    return a.flatMap((x, i) => differences(x, b[i], `${path}[${i}]`));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.join() !== kb.join()) return [`${path}: keys ${ka.join()} vs ${kb.join()}`];
    return ka.flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return a === b ? [] : [`${path}: ${String(a)} vs ${String(b)}`];
}

/** A copy of `rgba` in a fresh (aligned) buffer, as the decoder hands frames over. */
function aligned(rgba: Uint8Array | Uint8ClampedArray): Uint8ClampedArray {
  return new Uint8ClampedArray(rgba);
}

function checkFrames(frames: Uint8ClampedArray[], label: string): void {
  expect(frames.length, label).toBeGreaterThan(0);
  for (const [i, f] of frames.entries()) {
    const want = separately(f);
    expect(differences(measureFramePixels(aligned(f)), want), `${label} frame ${i}`).toEqual([]);
  }
}

describe('one pass over the pixels', () => {
  it('gives exactly the separate passes on grainy photos moved by a camera (640×360 and an odd 321×181)', () => {
    for (const photo of SPEED_PHOTOS) {
      const big = realClip({ photo, frames: 4, width: 640, height: 360, noise: 12, pixFmt: 'rgba' }).map(aligned);
      checkFrames(big, `${photo} 640×360`);
      // an odd pixel count: the histogram's every-other-pixel count rounds up
      const odd = realClip({ photo, frames: 2, width: 640, height: 360, noise: 20, pixFmt: 'rgba', outWidth: 321, outHeight: 181 }).map(aligned);
      checkFrames(odd, `${photo} 321×181`);
    }
  }, 120_000);

  it('gives exactly the separate passes on fixtures with cuts, flat colours, gradients, a flash and colour quarters', () => {
    const fixtures = ['cuts-15-30-45.mp4', 'pan-flash.mp4', 'solid-c06040.mp4', 'gradient-radial.mp4', 'quarters-800080-ffc0cb-8b4513-808000.mp4', 'range-full-e02080.mp4', 'light-dark.mp4'];
    for (const name of fixtures) {
      const { frames } = decodeScaled(join(MEDIA, name), 320, 240);
      // every 7th frame: both sides of each cut and the flash's frames are among them for these clips
      checkFrames(frames.filter((_, i) => i % 7 === 0), name);
    }
  }, 120_000);

  it('ignores alpha, and takes the separate passes for a frame not on a 4-byte boundary', () => {
    const [frame] = realClip({ photo: SPEED_PHOTOS[1]!, frames: 1, width: 320, height: 180, noise: 12, pixFmt: 'rgba' }).map(aligned);
    const want = separately(frame!);
    const alpha = aligned(frame!);
    for (let i = 3; i < alpha.length; i += 4) alpha[i] = (i * 37) & 255;
    expect(differences(measureFramePixels(alpha), want)).toEqual([]);
    const shifted = new Uint8ClampedArray(frame!.length + 1);
    shifted.set(frame!, 1);
    expect(differences(measureFramePixels(shifted.subarray(1)), want)).toEqual([]);
    // the counters are cleared after each frame: the same frame again gives the same numbers
    expect(differences(measureFramePixels(aligned(frame!)), want)).toEqual([]);
  }, 60_000);

  it('measures an empty frame as the separate passes do', () => {
    const empty = new Uint8ClampedArray(0);
    expect(differences(measureFramePixels(empty), separately(empty))).toEqual([]);
  });
});
