import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { hannWindow, nextPowerOfTwo, realFft } from '../../src/core/audio/fft.ts';

function naiveDft(x: number[], size: number): { re: number[]; im: number[] } {
  const re: number[] = [];
  const im: number[] = [];
  for (let k = 0; k <= size / 2; k++) {
    let r = 0;
    let i = 0;
    for (let n = 0; n < x.length; n++) {
      const a = (-2 * Math.PI * k * n) / size;
      r += x[n]! * Math.cos(a);
      i += x[n]! * Math.sin(a);
    }
    re.push(r);
    im.push(i);
  }
  return { re, im };
}

describe('real FFT (fft.js)', () => {
  for (const [size, len] of [[8, 8], [64, 64], [256, 200], [1024, 1000], [2048, 1600]] as const) {
    it(`matches a naive DFT on random input, size ${size} with ${len} samples (zero-padded)`, () => {
      const rng = seedrandom(`fft-${size}`);
      const x = Array.from({ length: len }, () => rng() * 2 - 1);
      const ref = naiveDft(x, size);
      const plan = realFft(size);
      const spec = plan.transform(x);
      let maxErr = 0;
      let maxMag = 0;
      for (let k = 0; k <= size / 2; k++) {
        maxErr = Math.max(maxErr, Math.abs(spec[2 * k]! - ref.re[k]!), Math.abs(spec[2 * k + 1]! - ref.im[k]!));
        maxMag = Math.max(maxMag, Math.hypot(ref.re[k]!, ref.im[k]!));
      }
      expect(maxErr / maxMag).toBeLessThan(1e-9);
      const pow = plan.power(x, new Float64Array(size / 2 + 1));
      for (let k = 0; k <= size / 2; k += 7) expect(pow[k]!).toBeCloseTo(ref.re[k]! ** 2 + ref.im[k]! ** 2, 6);
    });
  }

  it('inverts a real spectrum back to the input', () => {
    const rng = seedrandom('inverse');
    const x = Array.from({ length: 512 }, () => rng() - 0.5);
    const plan = realFft(512);
    const spec = Float64Array.from(plan.transform(x).subarray(0, 514));
    const back = plan.inverseReal(spec, new Float64Array(512));
    for (let i = 0; i < 512; i++) expect(back[i]!).toBeCloseTo(x[i]!, 10);
  });

  it('caches one plan per size and rejects sizes that are not powers of two', () => {
    expect(realFft(4096)).toBe(realFft(4096));
    expect(() => realFft(1600)).toThrow(TypeError);
    expect(nextPowerOfTwo(1600)).toBe(2048);
    expect(nextPowerOfTwo(2048)).toBe(2048);
  });

  it('builds a symmetric Hann window that peaks at 1 and is 0 at both ends', () => {
    const w = hannWindow(101);
    expect(w[0]).toBe(0);
    expect(w[100]!).toBeCloseTo(0, 12);
    expect(w[50]!).toBeCloseTo(1, 12);
    expect(w[10]!).toBeCloseTo(w[90]!, 12);
  });
});
