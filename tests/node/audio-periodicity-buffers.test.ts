// Tempo's autocorrelation with less memory (issue 18): the power spectrum in place in the FFT plan's buffer, only the
// lags asked for, and a whole clip's plan shared while in use instead of kept for good. The numbers must be the very
// ones of the previous implementation (copied here as the reference, on fft.js directly): every lag of every input
// compared with Object.is, and tempo's whole report on real music looped past the kept-plan size equal to the one
// computed with the reference autocorrelation.
import FFT from 'fft.js';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { FFT_KEEP_MAX_SIZE, nextPowerOfTwo, realFft } from '../../src/core/audio/fft.ts';
import { createOnsetEnvelope } from '../../src/core/audio/onset-envelope.ts';
import { autocorrelation } from '../../src/core/audio/periodicity.ts';
import type { TempoEnvelopes } from '../../src/core/audio/tempo.ts';
import { decodeMono } from './helpers/decode.ts';

/** The autocorrelation as it was before (whole-size spectrum copy and inverse), on fft.js directly. */
function referenceAutocorrelation(x: ArrayLike<number>, maxLag: number): Float64Array | null {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i]!;
  mean /= n;
  const size = nextPowerOfTwo(2 * n);
  const f = new FFT(size);
  const inBuf = new Float64Array(size);
  for (let i = 0; i < n; i++) inBuf[i] = x[i]! - mean;
  const outBuf = new Float64Array(2 * size);
  f.realTransform(outBuf, inBuf);
  const spec = Float64Array.from(outBuf.subarray(0, size + 2));
  for (let k = 0; k <= size / 2; k++) {
    spec[2 * k] = spec[2 * k]! ** 2 + spec[2 * k + 1]! ** 2;
    spec[2 * k + 1] = 0;
  }
  const half = size / 2;
  const cplxIn = new Float64Array(2 * size);
  for (let k = 0; k <= half; k++) {
    cplxIn[2 * k] = spec[2 * k]!;
    cplxIn[2 * k + 1] = spec[2 * k + 1]!;
  }
  for (let k = half + 1; k < size; k++) {
    cplxIn[2 * k] = spec[2 * (size - k)]!;
    cplxIn[2 * k + 1] = -spec[2 * (size - k) + 1]!;
  }
  const cplxOut = new Float64Array(2 * size);
  f.inverseTransform(cplxOut, cplxIn);
  const ac = new Float64Array(size);
  for (let i = 0; i < size; i++) ac[i] = cplxOut[2 * i]!;
  const r0 = ac[0]! / n;
  if (!(r0 > 1e-12)) return null;
  const out = new Float64Array(maxLag + 1);
  for (let l = 0; l <= maxLag; l++) out[l] = ac[l]! / (n - l) / r0;
  return out;
}

function expectSameBits(got: Float64Array | null, want: Float64Array | null): void {
  if (want === null) return void expect(got).toBeNull();
  expect(got).not.toBeNull();
  expect(got!.length).toBe(want.length);
  let differing = 0;
  for (let i = 0; i < want.length; i++) if (!Object.is(got![i], want[i])) differing++;
  expect(differing).toBe(0);
}

describe('autocorrelation with bounded buffers', () => {
  it('gives the previous numbers bit for bit on random envelopes of any length and lag range', () => {
    fc.assert(
      fc.property(fc.float32Array({ minLength: 2, maxLength: 3000, noNaN: true, noDefaultInfinity: true, min: -50, max: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), (x, f) => {
        const maxLag = Math.floor(f * (x.length - 1));
        expectSameBits(autocorrelation(x, maxLag), referenceAutocorrelation(x, maxLag));
      }),
      { numRuns: 150 },
    );
  });

  it('gives them past the kept-plan size too, call after call on the shared plan, between calls of other sizes', () => {
    const n = FFT_KEEP_MAX_SIZE / 2 + 1234; // its FFT is twice the largest kept plan
    expect(nextPowerOfTwo(2 * n)).toBeGreaterThan(FFT_KEEP_MAX_SIZE);
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const x = Float32Array.from({ length: n }, (_, i) => (i % 97 === 0 ? 8 : 0) + rand());
    const y = Float32Array.from({ length: n }, () => rand() ** 3);
    const want = referenceAutocorrelation(x, n >> 1);
    expectSameBits(autocorrelation(x, n >> 1), want);
    expectSameBits(autocorrelation(y, 1500), referenceAutocorrelation(y, 1500));
    expectSameBits(autocorrelation(x.subarray(0, 900), 450), referenceAutocorrelation(x.subarray(0, 900), 450));
    expectSameBits(autocorrelation(x, n >> 1), want);
    // a power spectrum from a plan that has just inverted is still the power spectrum
    const size = nextPowerOfTwo(2 * n);
    const p = realFft(size).power(x, new Float64Array(size / 2 + 1));
    const q = new FFT(size);
    const out = new Float64Array(2 * size);
    const inBuf = new Float64Array(size);
    inBuf.set(x);
    q.realTransform(out, inBuf);
    for (const k of [0, 1, 17, size / 4, size / 2]) expect(Object.is(p[k], out[2 * k]! ** 2 + out[2 * k + 1]! ** 2)).toBe(true);
  });

  it('null for a constant envelope, as before', () => {
    const c = new Float32Array(500).fill(3);
    expect(autocorrelation(c, 100)).toBeNull();
    expect(referenceAutocorrelation(c, 100)).toBeNull();
  });
});

describe('tempo report unchanged', () => {
  it('on real music looped to 200 s (an FFT past the kept size): the same report as with the reference autocorrelation', async () => {
    const SR = 44100;
    const once = decodeMono(new URL('../fixtures/real/music/funk-104.m4a', import.meta.url).pathname, SR);
    const env = createOnsetEnvelope(SR);
    for (let pushed = 0; pushed < 200 * SR; pushed += once.length) env.push(once);
    const e: TempoEnvelopes = { transients: env.transients(), flux: env.flux(), lowFlux: env.lowFlux(), bandTransients: env.bandTransients() };
    expect(nextPowerOfTwo(2 * e.flux.length)).toBeGreaterThan(FFT_KEEP_MAX_SIZE);
    const { tempoReport } = await import('../../src/core/audio/tempo.ts');
    const now = tempoReport(e, env.rate);
    vi.resetModules();
    vi.doMock('../../src/core/audio/periodicity.ts', async (importOriginal) => ({ ...(await importOriginal<object>()), autocorrelation: referenceAutocorrelation }));
    const before = (await import('../../src/core/audio/tempo.ts')).tempoReport(e, env.rate);
    vi.doUnmock('../../src/core/audio/periodicity.ts');
    expect(now.bpm).not.toBeNull();
    expect(Object.is(now.bpm, before.bpm)).toBe(true);
    expect(now).toStrictEqual(before);
  });
});
