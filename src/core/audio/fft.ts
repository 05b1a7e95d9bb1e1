// Real FFT of power-of-two sizes, backed by fft.js (radix-4), with the analysis window used across src/core/audio.
import FFT from 'fft.js';

/** Smallest power of two ≥ n (n ≥ 2). */
export function nextPowerOfTwo(n: number): number {
  let p = 2;
  while (p < n) p *= 2;
  return p;
}

/** A real-input FFT plan of one power-of-two size; its buffers are reused, so use one plan per thread of work. */
export interface RealFft {
  readonly size: number;
  /**
   * Power spectrum of `input` (length ≤ size; zero-padded to size): out[k] = |X[k]|² for k = 0..size/2.
   * `out` must have size/2 + 1 entries. Returns `out`.
   */
  power(input: ArrayLike<number>, out: Float64Array): Float64Array;
  /** Complex spectrum bins 0..size/2 as interleaved [re, im] pairs (a view into the plan's buffer, valid until the next call). */
  transform(input: ArrayLike<number>): Float64Array;
  /**
   * Inverse of a full complex spectrum given for bins 0..size/2 (Hermitian symmetry assumed): the first out.length
   * (at most size) values of its real part, in `out`. `halfSpectrum` may be the view `transform` returned (it is read
   * before the plan's buffers are overwritten).
   */
  inverseReal(halfSpectrum: Float64Array, out: Float64Array): Float64Array;
}

/**
 * Plans up to this size are kept for good (the per-frame and envelope-window sizes). A larger one is a whole clip's
 * (tempo's autocorrelation of a long envelope: 2^18 points for 10 minutes, ~15 MB with its buffers): it is kept only
 * through a WeakRef, so the calls of one synchronous pass share it and the next GC frees it (issue 18: the analysis
 * must not keep memory proportional to the file's length).
 */
export const FFT_KEEP_MAX_SIZE = 1 << 16;

const plans = new Map<number, RealFft>();
let largePlan: WeakRef<RealFft> | null = null;

/** The FFT plan for `size` (a power of two ≥ 4): cached, or for sizes above FFT_KEEP_MAX_SIZE shared while in use. */
export function realFft(size: number): RealFft {
  if (size > FFT_KEEP_MAX_SIZE) {
    const kept = largePlan?.deref();
    if (kept?.size === size) return kept;
    const made = createRealFft(size);
    largePlan = new WeakRef(made);
    return made;
  }
  let plan = plans.get(size);
  if (!plan) {
    plan = createRealFft(size);
    plans.set(size, plan);
  }
  return plan;
}

function createRealFft(size: number): RealFft {
  if (!Number.isInteger(size) || size < 4 || (size & (size - 1)) !== 0) throw new TypeError(`FFT size must be a power of two ≥ 4, got ${size}`);
  const f = new FFT(size);
  // fft.js reads and writes plain arrays of interleaved complex numbers; typed arrays work and are faster.
  const inBuf = new Float64Array(size);
  const outBuf = new Float64Array(2 * size);
  // the inverse's input, made on the first inverse (most plans only ever take power spectra); its output is outBuf
  let cplxIn: Float64Array | null = null;
  const half = size / 2;
  const transform = (input: ArrayLike<number>): Float64Array => {
    const n = input.length;
    if (n > size) throw new TypeError(`input of ${n} samples does not fit an FFT of ${size}`);
    for (let i = 0; i < n; i++) inBuf[i] = input[i]!;
    inBuf.fill(0, n);
    f.realTransform(outBuf, inBuf);
    return outBuf;
  };
  return {
    size,
    transform,
    power(input, out) {
      if (out.length < half + 1) throw new TypeError(`power spectrum needs ${half + 1} entries`);
      const x = transform(input);
      for (let k = 0; k <= half; k++) {
        const re = x[2 * k]!;
        const im = x[2 * k + 1]!;
        out[k] = re * re + im * im;
      }
      return out;
    },
    inverseReal(halfSpectrum, out) {
      cplxIn ??= new Float64Array(2 * size);
      for (let k = 0; k <= half; k++) {
        cplxIn[2 * k] = halfSpectrum[2 * k]!;
        cplxIn[2 * k + 1] = halfSpectrum[2 * k + 1]!;
      }
      for (let k = half + 1; k < size; k++) {
        cplxIn[2 * k] = halfSpectrum[2 * (size - k)]!;
        cplxIn[2 * k + 1] = -halfSpectrum[2 * (size - k) + 1]!;
      }
      f.inverseTransform(outBuf, cplxIn);
      const m = Math.min(size, out.length);
      for (let i = 0; i < m; i++) out[i] = outBuf[2 * i]!;
      return out;
    },
  };
}

const hannCache = new Map<number, Float64Array>();

/** Symmetric Hann window of n points, cached: w[i] = 0.5 − 0.5·cos(2πi/(n−1)). */
export function hannWindow(n: number): Float64Array {
  let w = hannCache.get(n);
  if (!w) {
    w = new Float64Array(n);
    if (n === 1) w[0] = 1;
    for (let i = 0; i < n && n > 1; i++) w[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1));
    hannCache.set(n, w);
  }
  return w;
}
