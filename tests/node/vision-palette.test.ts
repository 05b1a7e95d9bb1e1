// Frame palette, depth and luma (FOUNDATION §7 frames[]): exact colours and shares on primitives and in-between
// colours, after ±3 codec-like noise.
import { describe, expect, it } from 'vitest';
import { deltaE, luma709, rgbToOklab } from '../../src/core/color/oklab.ts';
import { regionDepth } from '../../src/core/color/depth.ts';
import { frameLuma } from '../../src/core/vision/luma.ts';
import { framePalette, MAX_COLORS, MIN_SHARE_PCT } from '../../src/core/vision/palette.ts';
import { COLOR_PRIMITIVES, hexToRgb } from '../../src/core/vocab/colors.ts';
import { addNoise, makeTexture, quartered, renderMoved, solid, split, type Rgb3 } from './helpers/frames.ts';
import { framePaletteReference } from './helpers/palette-reference.ts';
import { realClip, SPEED_PHOTOS } from './helpers/real-clip.ts';

const W = 160;
const H = 120;
const IN_BETWEEN: Rgb3[] = [[51, 102, 153], [200, 120, 40], [90, 30, 60], [12, 12, 12], [240, 230, 200], [30, 160, 120]];

function expectColor(got: readonly number[], want: Rgb3, label: string) {
  const de = deltaE(rgbToOklab([got[0]!, got[1]!, got[2]!]), rgbToOklab(want));
  const dc = Math.max(...got.map((v, i) => Math.abs(v - want[i]!)));
  console.log(`${label}: got [${got}] want [${want}] max channel error ${dc}, ΔE_ok ${de.toFixed(4)}`);
  expect(dc).toBeLessThanOrEqual(1);
  expect(de).toBeLessThanOrEqual(0.01);
}

function checkSums(colors: { share: number }[]) {
  const sum = colors.reduce((s, c) => s + c.share, 0);
  expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.01);
  for (let i = 1; i < colors.length; i++) expect(colors[i]!.share).toBeLessThanOrEqual(colors[i - 1]!.share);
}

describe('frame palette', () => {
  it('each primitive, solid with ±3 noise: one colour, exact, named after itself', () => {
    for (const p of COLOR_PRIMITIVES) {
      const rgb = hexToRgb(p.hex);
      const colors = framePalette(addNoise(solid(W, H, rgb), 3, p.name));
      expect(colors.length).toBe(1);
      expect(colors[0]!.share).toBe(100);
      expect(colors[0]!.primitive).toBe(p.name);
      expectColor(colors[0]!.rgb, rgb, p.name);
    }
  });

  it('in-between colours, solid with ±3 noise: exact', () => {
    for (const rgb of IN_BETWEEN) {
      const colors = framePalette(addNoise(solid(W, H, rgb), 3, String(rgb)));
      expect(colors.length).toBe(1);
      expectColor(colors[0]!.rgb, rgb, `solid ${rgb}`);
    }
  });

  it('split frames: both colours and their shares within 0.5 %', () => {
    const pairs: [Rgb3, Rgb3, number, boolean][] = [
      [[255, 0, 0], [0, 0, 255], 0.5, false],
      [[0, 0, 0], [255, 255, 255], 0.3, true],
      [IN_BETWEEN[0]!, IN_BETWEEN[1]!, 0.7, false],
      [[128, 128, 128], [128, 128, 0], 0.25, true],
      [IN_BETWEEN[2]!, [0, 0, 0], 0.5, false],
    ];
    for (const [a, b, f, vertical] of pairs) {
      const colors = framePalette(addNoise(split(W, H, a, b, f, vertical), 3, `${a}${b}`));
      checkSums(colors);
      expect(colors.length).toBe(2);
      const big = f >= 0.5 ? a : b;
      const small = f >= 0.5 ? b : a;
      const share = Math.max(f, 1 - f) * 100;
      console.log(`split ${a}|${b} at ${f}: shares ${colors.map((c) => c.share).join(', ')} (truth ${share}, ${100 - share})`);
      // match each truth to its nearest found colour (order is ambiguous at 50/50)
      const near = (want: Rgb3) => colors.reduce((p, q) => (deltaE(rgbToOklab(q.rgb), rgbToOklab(want)) < deltaE(rgbToOklab(p.rgb), rgbToOklab(want)) ? q : p));
      expect(Math.abs(near(big).share - share)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(near(small).share - (100 - share))).toBeLessThanOrEqual(0.5);
      expectColor(near(big).rgb, big, 'split big');
      expectColor(near(small).rgb, small, 'split small');
    }
  });

  it('quartered frames: four colours of 25 % each', () => {
    const q: [Rgb3, Rgb3, Rgb3, Rgb3] = [[255, 165, 0], [0, 128, 128], IN_BETWEEN[4]!, IN_BETWEEN[5]!];
    const colors = framePalette(addNoise(quartered(W, H, q), 3, 'quartered'));
    checkSums(colors);
    expect(colors.length).toBe(4);
    for (const want of q) {
      const c = colors.find((x) => deltaE(rgbToOklab(x.rgb), rgbToOklab(want)) < 0.05)!;
      expect(c).toBeDefined();
      expect(Math.abs(c.share - 25)).toBeLessThanOrEqual(0.5);
      expectColor(c.rgb, want, `quarter ${want}`);
    }
    expect(colors.map((c) => c.primitive)).toContain('orange');
    expect(colors.map((c) => c.primitive)).toContain('teal');
  });

  it('tiny clusters fold into their nearest colour; shares still sum to 100', () => {
    const f = solid(W, H, [0, 0, 255]);
    for (let y = 0; y < 5; y++) for (let x = 0; x < 10; x++) f.set([255, 255, 0, 255], (y * W + x) * 4); // 0.26 %
    const colors = framePalette(f);
    expect(colors.length).toBe(1);
    expect(colors[0]!.share).toBe(100);
    expectColor(colors[0]!.rgb, [0, 0, 255], 'after folding');
  });

  it('a textured picture: at most MAX_COLORS colours, each at least MIN_SHARE_PCT, sorted, summing to 100', () => {
    const colors = framePalette(renderMoved(makeTexture('palette'), W, H, {}, 0, 30));
    console.log(`texture palette: ${colors.map((c) => `${c.primitive} ${c.share}`).join(', ')}`);
    expect(colors.length).toBeGreaterThan(2);
    expect(colors.length).toBeLessThanOrEqual(MAX_COLORS);
    for (const c of colors) expect(c.share).toBeGreaterThanOrEqual(MIN_SHARE_PCT);
    checkSums(colors);
  });
});

describe('frame luma and depth', () => {
  it('luma mean and std match luma709 per pixel', () => {
    const f = addNoise(split(W, H, [255, 0, 0], [20, 200, 90], 0.4), 3, 'luma');
    const ys: number[] = [];
    for (let i = 0; i < f.length; i += 4) ys.push(luma709([f[i]!, f[i + 1]!, f[i + 2]!]));
    const m = ys.reduce((s, v) => s + v, 0) / ys.length;
    const sd = Math.sqrt(ys.reduce((s, v) => s + (v - m) ** 2, 0) / ys.length);
    const got = frameLuma(f);
    expect(Math.abs(got.mean - m)).toBeLessThan(1e-9);
    expect(Math.abs(got.std - sd)).toBeLessThan(1e-6);
    expect(frameLuma(solid(8, 8, [255, 255, 255])).mean).toBeCloseTo(1, 9);
    expect(frameLuma(solid(8, 8, [0, 0, 0])).std).toBe(0);
  });

  it('a pure half-red half-blue frame has depth red 50, blue 50', () => {
    const d = regionDepth(split(W, H, [255, 0, 0], [0, 0, 255]));
    expect(d.red).toBeCloseTo(50, 6);
    expect(d.blue).toBeCloseTo(50, 6);
  });
});

describe('frame palette in one pass (issue 18), against the two-pass reference', () => {
  it('gives exactly the reference palette on real photo frames after H.264, and on synthetic frames', () => {
    const frames: Uint8ClampedArray[] = [];
    for (const photo of SPEED_PHOTOS) {
      for (const buf of realClip({ photo, frames: 3, width: 640, height: 360, noise: 12, pixFmt: 'rgba' })) frames.push(new Uint8ClampedArray(buf.buffer, buf.byteOffset, buf.byteLength));
    }
    frames.push(addNoise(split(W, H, IN_BETWEEN[2]!, [0, 0, 0], 0.5), 3, 'ref-split'), addNoise(quartered(W, H, [[255, 0, 0], [0, 255, 0], [0, 0, 255], [250, 250, 250]]), 3, 'ref-q'));
    frames.push(solid(W, H, [12, 12, 12]), new Uint8ClampedArray(0));
    let colors = 0;
    for (const f of frames) {
      const got = framePalette(f);
      expect(got).toEqual(framePaletteReference(f));
      colors += got.length;
    }
    console.log(`${frames.length} frames, ${colors} colours: identical to the reference`);
    expect(colors).toBeGreaterThan(frames.length);
  });
});
