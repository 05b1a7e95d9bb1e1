import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { isAchromaticLab, nearestPrimitive } from '../../src/core/color/nearest-primitive.ts';
import { deltaE, deltaERgb, linearToSrgb8, luma709, oklabToRgb, rgbToOklab, srgbToLinear } from '../../src/core/color/oklab.ts';
import { COLOR_PRIMITIVES, hexToRgb, type Rgb } from '../../src/core/vocab/colors.ts';

describe('sRGB ↔ linear ↔ OKLab', () => {
  it('matches published OKLab values (Ottosson 2020 reference colours)', () => {
    // sRGB white, red, green, blue in OKLab, from the reference implementation.
    const cases: [Rgb, [number, number, number]][] = [
      [[255, 255, 255], [1, 0, 0]],
      [[255, 0, 0], [0.627955, 0.224863, 0.125846]],
      [[0, 255, 0], [0.86644, -0.233888, 0.179498]],
      [[0, 0, 255], [0.452014, -0.032457, -0.311528]],
    ];
    for (const [rgb, want] of cases) {
      const lab = rgbToOklab(rgb);
      for (let i = 0; i < 3; i++) expect(lab[i]).toBeCloseTo(want[i]!, 4);
    }
    expect(rgbToOklab([0, 0, 0])).toEqual([0, 0, 0]);
  });

  it('round-trips every 8-bit code value through linear light', () => {
    for (let c = 0; c < 256; c++) expect(linearToSrgb8(srgbToLinear(c))).toBeCloseTo(c, 9);
  });

  it('round-trips 10,000 random colours through OKLab exactly (after rounding)', () => {
    const rng = seedrandom('oklab');
    for (let i = 0; i < 10_000; i++) {
      const rgb: Rgb = [Math.floor(rng() * 256), Math.floor(rng() * 256), Math.floor(rng() * 256)];
      expect(oklabToRgb(rgbToOklab(rgb))).toEqual(rgb);
    }
  });

  it('ΔE_ok is a distance: zero on itself, symmetric, about 1 from black to white', () => {
    expect(deltaERgb([10, 20, 30], [10, 20, 30])).toBe(0);
    expect(deltaERgb([10, 20, 30], [200, 20, 30])).toBe(deltaERgb([200, 20, 30], [10, 20, 30]));
    expect(deltaE(rgbToOklab([0, 0, 0]), rgbToOklab([255, 255, 255]))).toBeCloseTo(1, 6);
    // One code value of difference is below the §6 identity tolerance (0.02), five of blue are not always.
    expect(deltaERgb([128, 128, 128], [129, 128, 128])).toBeLessThan(0.02);
  });

  it('luma is Rec. 709 on gamma-encoded values', () => {
    expect(luma709([255, 255, 255])).toBeCloseTo(1, 12);
    expect(luma709([255, 0, 0])).toBeCloseTo(0.2126, 12);
    expect(luma709([0, 255, 0])).toBeCloseTo(0.7152, 12);
  });
});

describe('nearest primitive in OKLab', () => {
  it('each primitive is its own nearest', () => {
    for (const p of COLOR_PRIMITIVES) expect(nearestPrimitive(hexToRgb(p.hex))).toBe(p.name);
  });

  it('named colours land on the primitive a person would say', () => {
    expect(nearestPrimitive(hexToRgb('#dc143c'))).toBe('red'); // crimson
    expect(nearestPrimitive(hexToRgb('#40e0d0'))).toBe('cyan'); // turquoise
    expect(nearestPrimitive(hexToRgb('#32cd32'))).toBe('green'); // lime green
    expect(nearestPrimitive(hexToRgb('#a9a9a9'))).toBe('gray'); // dark grey
    expect(nearestPrimitive(hexToRgb('#4b0082'))).toBe('purple'); // indigo
  });

  it('files by hue first: a colour with hue never goes under black, gray or white, nor under a primitive more than 45° of hue away', () => {
    // The rule is docs/color-and-naming.md "Filing a colour under a primitive" (tests/node/primitive-filing.test.ts measures it).
    // Adjacent primitive hues are at most 69° apart (cyan–blue), so the nearest hue is within 35°; lightness may move a pale tint further.
    const rng = seedrandom('nearest');
    const hueOf = (rgb: Rgb) => { const [, a, b] = rgbToOklab(rgb); return { c: Math.hypot(a, b), h: (Math.atan2(b, a) * 180) / Math.PI }; };
    const prims = new Map(COLOR_PRIMITIVES.map((p) => [p.name, hueOf(hexToRgb(p.hex))]));
    for (let i = 0; i < 2_000; i++) {
      const rgb: Rgb = [Math.floor(rng() * 256), Math.floor(rng() * 256), Math.floor(rng() * 256)];
      const got = nearestPrimitive(rgb);
      const { h } = hueOf(rgb);
      if (isAchromaticLab(rgbToOklab(rgb))) {
        expect(['black', 'gray', 'white']).toContain(got);
        continue;
      }
      expect(['black', 'gray', 'white']).not.toContain(got);
      const p = prims.get(got)!;
      expect(Math.abs(((h - p.h + 540) % 360) - 180), `${rgb} → ${got}`).toBeLessThanOrEqual(45);
    }
  });
});
