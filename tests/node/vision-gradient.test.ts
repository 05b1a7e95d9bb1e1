// Window gradients (FOUNDATION §3.5) on the mean frame: linear in several directions, radial with a centre, flat, complex.
import { describe, expect, it } from 'vitest';
import { fitGradient } from '../../src/core/vision/gradient.ts';
import { createMeanFrame } from '../../src/core/vision/mean-frame.ts';
import { addNoise, linearGradient, makeTexture, radialGradient, renderMoved, solid } from './helpers/frames.ts';

const W = 320;
const H = 180;

function gradientOf(frames: Uint8ClampedArray[]) {
  const mf = createMeanFrame(W, H);
  for (const f of frames) mf.add(f);
  return fitGradient(mf.mean()!, mf.cols, mf.rows, W, H);
}

const angleErr = (a: number, b: number) => Math.abs(((a - b + 540) % 360) - 180);

describe('gradient', () => {
  const cases: [number, string][] = [[0, 'linear_horizontal'], [180, 'linear_horizontal'], [90, 'linear_vertical'], [270, 'linear_vertical'], [45, 'linear_diagonal'], [135, 'linear_diagonal'], [225, 'linear_diagonal'], [315, 'linear_diagonal'], [10, 'linear_horizontal'], [80, 'linear_vertical']];
  for (const [deg, type] of cases) {
    it(`linear ramp towards ${deg}° → ${type}`, () => {
      const g = gradientOf([0, 1, 2].map((k) => addNoise(linearGradient(W, H, deg), 3, `g${deg}${k}`)));
      console.log(`ramp ${deg}°: ${g.type} direction ${g.direction_deg}° (error ${angleErr(g.direction_deg ?? NaN, deg).toFixed(2)}°) fit ${g.fit}`);
      expect(g.type).toBe(type);
      expect(angleErr(g.direction_deg!, deg)).toBeLessThan(3);
      expect(g.fit).toBeGreaterThan(0.9);
      expect(g.center).toBeNull();
    });
  }

  for (const [cx, cy] of [[0.5, 0.5], [0.3, 0.6], [0.7, 0.35]] as const) {
    it(`radial about (${cx}, ${cy})`, () => {
      const g = gradientOf([addNoise(radialGradient(W, H, cx, cy, [240, 240, 240], [20, 20, 40], 0.6), 3, 'r')]);
      const err = g.center ? Math.hypot(g.center[0] - cx, g.center[1] - cy) : NaN;
      console.log(`radial (${cx}, ${cy}): ${g.type} centre ${g.center} (error ${err.toFixed(3)}) fit ${g.fit}`);
      expect(g.type).toBe('radial');
      expect(err).toBeLessThan(0.05);
      expect(g.fit).toBeGreaterThan(0.9);
    });
  }

  it('a dark-centred vignette is radial too (lightness grows outwards)', () => {
    const g = gradientOf([radialGradient(W, H, 0.5, 0.5, [20, 20, 20], [200, 200, 200], 0.5)]);
    expect(g.type).toBe('radial');
  });

  it('a solid frame with noise is flat', () => {
    const g = gradientOf([addNoise(solid(W, H, [90, 120, 200]), 3, 'flat')]);
    expect(g.type).toBe('flat');
  });

  it('a textured picture is complex', () => {
    const g = gradientOf([renderMoved(makeTexture('grad-tex', 512, 12), W, H, {}, 0, 30)]);
    console.log(`texture: ${g.type} fit ${g.fit}`);
    expect(g.type).toBe('complex');
    expect(g.fit).toBeLessThan(0.7);
  });
});
