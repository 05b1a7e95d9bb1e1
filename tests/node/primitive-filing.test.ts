// The filing rule (docs/color-and-naming.md, "Filing a colour under a primitive") against the primitive a
// colour's human name implies, on color-name-list/bestof: the weights were chosen on the even-indexed
// names, so the odd-indexed half is held back.
import { describe, expect, it } from 'vitest';
import { ACHROMATIC_CHROMA, BLACK_BELOW_L, isAchromaticLab, nearestPrimitive, WHITE_ABOVE_L } from '../../src/core/color/nearest-primitive.ts';
import { rgbToOklab } from '../../src/core/color/oklab.ts';
import { COLOR_PRIMITIVES, hexToRgb } from '../../src/core/vocab/colors.ts';
import { agreementPct, namedPrimitiveColors, smallestDeltaEPrimitive } from '../helpers/named-primitives.ts';

describe('filing a colour under a primitive', () => {
  it('files every primitive under itself', () => {
    for (const p of COLOR_PRIMITIVES) expect(nearestPrimitive(hexToRgb(p.hex)), p.name).toBe(p.name);
  });

  it('files the colours #15 found misleading under the primitive a person names', () => {
    expect(smallestDeltaEPrimitive(hexToRgb('#5bada5'))).toBe('gray'); // "Paradise Island", before
    expect(nearestPrimitive(hexToRgb('#5bada5'))).toBe('teal');
    expect(smallestDeltaEPrimitive(hexToRgb('#3c3c3c'))).toBe('brown');
    expect(nearestPrimitive(hexToRgb('#3c3c3c'))).toBe('black'); // neutral, L 0.32
    expect(smallestDeltaEPrimitive(hexToRgb('#ff8080'))).toBe('orange');
    expect(['red', 'pink']).toContain(nearestPrimitive(hexToRgb('#ff8080')));
    expect(smallestDeltaEPrimitive(hexToRgb('#bed2f5'))).toBe('pink'); // a pale periwinkle blue
    expect(nearestPrimitive(hexToRgb('#bed2f5'))).toBe('blue');
  });

  it('files a colour without hue by lightness alone: black, then gray, then white', () => {
    let rank = 0;
    const order = ['black', 'gray', 'white'];
    for (let v = 0; v <= 255; v++) {
      const got = nearestPrimitive([v, v, v]);
      const L = rgbToOklab([v, v, v])[0];
      expect(got, `#${v.toString(16)}`).toBe(L < BLACK_BELOW_L ? 'black' : L > WHITE_ABOVE_L ? 'white' : 'gray');
      expect(order.indexOf(got)).toBeGreaterThanOrEqual(rank);
      rank = order.indexOf(got);
    }
    // A faint tint below the chroma threshold stays neutral; a stronger one of the same lightness takes its hue.
    const chroma = (rgb: [number, number, number]) => Math.hypot(rgbToOklab(rgb)[1], rgbToOklab(rgb)[2]);
    expect(chroma([134, 128, 128])).toBeLessThan(ACHROMATIC_CHROMA);
    expect(nearestPrimitive([134, 128, 128])).toBe('gray');
    expect(chroma([110, 150, 150])).toBeGreaterThan(ACHROMATIC_CHROMA);
    expect(['teal', 'cyan']).toContain(nearestPrimitive([110, 150, 150]));
    // Near black and near white a hue needs more chroma to show: a blue-black shadow is black, a cream is white,
    // while a full navy or a pale yellow keep their hue.
    expect(isAchromaticLab(rgbToOklab([12, 10, 40]))).toBe(true);
    expect(nearestPrimitive([12, 10, 40])).toBe('black');
    expect(nearestPrimitive([0, 0, 128])).toBe('navy');
    expect(isAchromaticLab(rgbToOklab([255, 252, 235]))).toBe(true);
    expect(nearestPrimitive([255, 252, 235])).toBe('white');
    expect(nearestPrimitive([255, 250, 160])).toBe('yellow');
  });

  it('agrees with the colours\' names far more often than the smallest ΔE did, on the held-back half too', () => {
    const named = namedPrimitiveColors();
    expect(named.length).toBeGreaterThan(1000);
    const heldBack = named.filter((_, i) => i % 2 === 1);
    const before = agreementPct(named, smallestDeltaEPrimitive);
    const after = agreementPct(named, nearestPrimitive);
    const beforeHeld = agreementPct(heldBack, smallestDeltaEPrimitive);
    const afterHeld = agreementPct(heldBack, nearestPrimitive);
    console.log(`primitive filing vs names (${named.length} named colours): smallest ΔE ${before.toFixed(1)} % → ${after.toFixed(1)} %; held-back half (${heldBack.length}) ${beforeHeld.toFixed(1)} % → ${afterHeld.toFixed(1)} %`);
    expect(afterHeld).toBeGreaterThanOrEqual(70);
    expect(afterHeld - beforeHeld).toBeGreaterThanOrEqual(15);
    expect(after - before).toBeGreaterThanOrEqual(15);
  });
});
