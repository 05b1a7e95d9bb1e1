// The creator's own RGB → 4:2:0 conversion against the published Rec. 601 8-bit values (ITU-R BT.601 limited range:
// the primaries and white/black as every colour-bar table lists them), block averaging of chroma, and odd edges.
import { describe, expect, it } from 'vitest';
import { i420Size, rgbaToI420 } from '../../src/core/render/rgba-to-i420.ts';

function solid(w: number, h: number, rgb: [number, number, number]): Uint8ClampedArray {
  const a = new Uint8ClampedArray(w * h * 4);
  for (let i = 0; i < w * h; i++) a.set([...rgb, 255], i * 4);
  return a;
}

function convert(rgba: Uint8ClampedArray, w: number, h: number) {
  const out = new Uint8Array(i420Size(w, h));
  rgbaToI420(rgba, w, h, out);
  const cw = Math.ceil(w / 2);
  const ch = Math.ceil(h / 2);
  return { y: out.subarray(0, w * h), cb: out.subarray(w * h, w * h + cw * ch), cr: out.subarray(w * h + cw * ch) };
}

describe('rgbaToI420', () => {
  // Rec. 601 8-bit (Y′, Cb, Cr) of 100 % colours
  const TABLE: [string, [number, number, number], [number, number, number]][] = [
    ['white', [255, 255, 255], [235, 128, 128]],
    ['black', [0, 0, 0], [16, 128, 128]],
    ['red', [255, 0, 0], [81, 90, 240]],
    ['green', [0, 255, 0], [145, 54, 34]],
    ['blue', [0, 0, 255], [41, 240, 110]],
    ['yellow', [255, 255, 0], [210, 16, 146]],
    ['cyan', [0, 255, 255], [170, 166, 16]],
    ['magenta', [255, 0, 255], [106, 202, 222]],
  ];
  for (const [name, rgb, ycc] of TABLE) {
    it(`${name}: the Rec. 601 limited-range values`, () => {
      const { y, cb, cr } = convert(solid(4, 2, rgb), 4, 2);
      expect([...new Set(y)]).toEqual([ycc[0]]);
      expect([...new Set(cb)]).toEqual([ycc[1]]);
      expect([...new Set(cr)]).toEqual([ycc[2]]);
    });
  }

  it('keeps each pixel its own luma and gives a 2×2 block the mean of its chroma', () => {
    // one block: red, blue / blue, red — luma per pixel, chroma the mean of two reds and two blues
    const a = new Uint8ClampedArray(2 * 2 * 4);
    a.set([255, 0, 0, 255, 0, 0, 255, 255, 0, 0, 255, 255, 255, 0, 0, 255]);
    const { y, cb, cr } = convert(a, 2, 2);
    expect([...y]).toEqual([81, 41, 41, 81]);
    expect(cb[0]).toBe(Math.round((90.2 + 240) / 2)); // 165.1
    expect(cr[0]).toBe(Math.round((240 + 109.79) / 2)); // 174.9
  });

  it('an odd width and height: the edge chroma averages the pixels that exist', () => {
    const a = solid(3, 3, [0, 0, 0]);
    a.set([255, 0, 0, 255], (2 * 3 + 2) * 4); // bottom-right corner red: its chroma block holds only itself
    const { y, cb, cr } = convert(a, 3, 3);
    expect(y.length).toBe(9);
    expect(cb.length).toBe(4);
    expect(y[8]).toBe(81);
    expect([cb[3], cr[3]]).toEqual([90, 240]);
    expect([cb[0], cr[0]]).toEqual([128, 128]);
  });
});
