// The gray pyramid's level-0 pass (issue 18: a cell's pixels summed in a local, no division per pixel) gives the same
// Float32 values as the earlier per-pixel `sum[cell] += luma`, on every level's data and gradients, on real frames of
// photos moved by a camera through H.264, at the analysis raster and at sizes whose reduction factor is 1 to 4 or
// leaves unused edge pixels.
import { describe, expect, it } from 'vitest';
import { buildGrayPyramid } from '../../src/core/vision/gray-pyramid.ts';
import { buildGrayPyramidReference } from './helpers/pyramid-reference.ts';
import { realClip, SPEED_PHOTOS } from './helpers/real-clip.ts';

describe('gray pyramid', () => {
  it('is the earlier pyramid, bit for bit, on real frames of several sizes', () => {
    let values = 0;
    let differing = 0;
    let levels = 0;
    for (const [photo, w, h] of [
      [SPEED_PHOTOS[0]!, 640, 360],
      [SPEED_PHOTOS[1]!, 360, 640],
      [SPEED_PHOTOS[1]!, 321, 181],
      [SPEED_PHOTOS[0]!, 150, 90],
      [SPEED_PHOTOS[0]!, 643, 95],
    ] as const) {
      const frames = realClip({ photo, frames: 2, width: 640, height: 360, noise: 12, pixFmt: 'rgba', outWidth: w, outHeight: h });
      for (const raw of frames) {
        const rgba = new Uint8ClampedArray(raw.buffer, raw.byteOffset, raw.length);
        const got = buildGrayPyramid(rgba, w, h);
        const want = buildGrayPyramidReference(rgba, w, h);
        expect(got.scale).toBe(want.scale);
        expect(got.levels.length).toBe(want.levels.length);
        got.levels.forEach((l, k) => {
          const r = want.levels[k]!;
          expect([l.w, l.h]).toEqual([r.w, r.h]);
          for (const key of ['data', 'gx', 'gy'] as const) {
            for (let i = 0; i < r[key].length; i++) if (!Object.is(l[key][i], r[key][i])) differing++;
            values += r[key].length;
          }
          levels++;
        });
      }
    }
    console.log(`${levels} levels, ${values} values: ${differing} differ`);
    expect(levels).toBeGreaterThan(20);
    expect(differing).toBe(0);
  });
});
