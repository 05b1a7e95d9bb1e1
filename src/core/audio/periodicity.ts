// Periodicity of an onset envelope: its autocorrelation and the comb score of a beat period, shared by the tempo of
// click tracks (tempo.ts) and of music (music-tempo.ts).
import { nextPowerOfTwo, realFft } from './fft.ts';

/** Normalized, unbiased autocorrelation of x (mean removed) for lags 0..maxLag, through an FFT; null for a constant x. */
export function autocorrelation(x: ArrayLike<number>, maxLag: number): Float64Array | null {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i]!;
  mean /= n;
  const size = nextPowerOfTwo(2 * n);
  const fft = realFft(size);
  const buf = new Float64Array(n);
  for (let i = 0; i < n; i++) buf[i] = x[i]! - mean;
  // The power spectrum in place in the plan's buffer, and of its inverse only lags 0..maxLag: the same numbers as
  // before, without the whole-size copies (issue 18: a 10-minute envelope's are 2 MB each).
  const spec = fft.transform(buf);
  for (let k = 0; k <= size / 2; k++) {
    spec[2 * k] = spec[2 * k]! ** 2 + spec[2 * k + 1]! ** 2;
    spec[2 * k + 1] = 0;
  }
  const out = fft.inverseReal(spec, new Float64Array(maxLag + 1));
  const r0 = out[0]! / n;
  if (!(r0 > 1e-12)) return null;
  for (let l = 0; l <= maxLag; l++) out[l] = out[l]! / (n - l) / r0;
  return out;
}

/**
 * Comb score of a beat period (in envelope values, fractional): the mean autocorrelation at 1, 2, 3 and 4 periods
 * (as many as fit in `ac`, linearly interpolated); −1 when not even one fits. A pulse at P scores high at P and at its
 * multiples, so the comb favours the true period over a chance peak at one lag.
 */
export function combScore(ac: Float64Array, period: number): number {
  const maxLag = ac.length - 1;
  const at = (lag: number): number => {
    const i = Math.floor(lag);
    const f = lag - i;
    return i + 1 <= maxLag ? ac[i]! * (1 - f) + ac[i + 1]! * f : -1;
  };
  const K = Math.min(4, Math.floor(maxLag / period));
  if (K < 1) return -1;
  let s = 0;
  for (let k = 1; k <= K; k++) s += at(k * period);
  return s / K;
}

/** The period in [lo, hi] (envelope values) with the highest comb score, on a grid of `step`, with that score. */
export function bestCombPeriod(ac: Float64Array, lo: number, hi: number, step = 0.1): { period: number; score: number } {
  let score = -Infinity;
  let period = lo;
  for (let p = lo; p <= hi; p += step) {
    const s = combScore(ac, p);
    if (s > score) {
      score = s;
      period = p;
    }
  }
  return { period, score };
}

/** The comb peak's period refined by a parabola through the scores one `step` either side. */
export function refinePeriod(ac: Float64Array, period: number, step = 0.1): number {
  const s0 = combScore(ac, period - step);
  const s1 = combScore(ac, period);
  const s2 = combScore(ac, period + step);
  const den = s0 - 2 * s1 + s2;
  return den < 0 ? period + (0.5 * step * (s0 - s2)) / den : period;
}
