// A log-frequency spectrogram for display: mono PCM → band levels in dB per time column. Bands are spaced
// evenly in log frequency (constant relative width), so octaves get equal height, as the ear hears them.
import { hannWindow, nextPowerOfTwo, realFft } from './fft.ts';

/** Thrown when the PCM or the options cannot make a spectrogram (empty PCM, sample rate ≤ 0, bad band range…). */
export class SpectrogramInputError extends Error {
  override name = 'SpectrogramInputError';
}

/** Options of `spectrogram`; every field has a default. */
export interface SpectrogramOptions {
  /** Number of log-spaced bands (default 48). */
  bands?: number;
  /** Lower edge of the lowest band in Hz (default 40). */
  minHz?: number;
  /** Upper edge of the highest band in Hz (default and maximum: the Nyquist frequency, sampleRate / 2). */
  maxHz?: number;
  /** Time between column centres in seconds (default 1/30 s); ignored when `columns` is given. */
  hopSeconds?: number;
  /** Exact number of columns spread evenly over the PCM (hop = duration / columns); overrides `hopSeconds`. */
  columns?: number;
  /** Analysis window length in seconds (default 0.085 s, rounded up to a power-of-two sample count ≥ 64). */
  windowSeconds?: number;
  /** Lowest reported level in dB; quieter bands (and silence) read exactly this (default −120). */
  floorDb?: number;
}

/** A spectrogram: `levelsDb[c * bands + b]` is band b (0 = lowest frequency) of column c (0 = earliest). */
export interface Spectrogram {
  bands: number;
  columns: number;
  sampleRate: number;
  /** PCM length in seconds. */
  durationS: number;
  /** Seconds between column centres; column c is centred at (c + 0.5) · hopS. */
  hopS: number;
  /** FFT window length in samples. */
  windowSize: number;
  /** bands + 1 band edges in Hz, ascending, log-spaced from minHz to maxHz. */
  edgesHz: Float64Array;
  /**
   * Band power in dB relative to a full-scale sine (a sine of amplitude 1 wholly inside one band reads 0 dB),
   * clamped below at floorDb.
   */
  levelsDb: Float32Array;
  floorDb: number;
  /** Highest level anywhere in the matrix (floorDb for silence). */
  peakDb: number;
}

/** Log-spaced band levels (dB re full-scale sine) per time column of mono PCM at `sampleRate` Hz. */
export function spectrogram(pcm: Float32Array, sampleRate: number, options: SpectrogramOptions = {}): Spectrogram {
  if (!(pcm instanceof Float32Array) || pcm.length === 0) throw new SpectrogramInputError('spectrogram needs a non-empty Float32Array of mono PCM');
  if (!Number.isFinite(sampleRate) || sampleRate <= 0) throw new SpectrogramInputError(`sample rate must be a positive number of Hz, got ${sampleRate}`);
  const nyquist = sampleRate / 2;
  const bands = options.bands ?? 48;
  const minHz = options.minHz ?? 40;
  const maxHz = Math.min(options.maxHz ?? nyquist, nyquist);
  const floorDb = options.floorDb ?? -120;
  if (!Number.isInteger(bands) || bands < 1) throw new SpectrogramInputError(`bands must be a positive integer, got ${bands}`);
  if (!(minHz > 0) || !(maxHz > minHz)) throw new SpectrogramInputError(`band range must satisfy 0 < minHz < maxHz ≤ Nyquist (${nyquist} Hz), got ${minHz}–${maxHz} Hz`);
  if (!Number.isFinite(floorDb)) throw new SpectrogramInputError(`floorDb must be finite, got ${floorDb}`);

  const durationS = pcm.length / sampleRate;
  let columns: number;
  let hopS: number;
  if (options.columns !== undefined) {
    if (!Number.isInteger(options.columns) || options.columns < 1) throw new SpectrogramInputError(`columns must be a positive integer, got ${options.columns}`);
    columns = options.columns;
    hopS = durationS / columns;
  } else {
    hopS = options.hopSeconds ?? 1 / 30;
    if (!(hopS > 0)) throw new SpectrogramInputError(`hopSeconds must be positive, got ${hopS}`);
    columns = Math.max(1, Math.ceil(durationS / hopS - 1e-9));
  }
  const windowSeconds = options.windowSeconds ?? 0.085;
  if (!(windowSeconds > 0)) throw new SpectrogramInputError(`windowSeconds must be positive, got ${windowSeconds}`);

  const size = Math.max(64, nextPowerOfTwo(Math.round(windowSeconds * sampleRate)));
  const fft = realFft(size);
  const win = hannWindow(size);
  let winPower = 0;
  for (let i = 0; i < size; i++) winPower += win[i]! * win[i]!;
  // By Parseval, a sine of amplitude A through this window has a (two-sided) spectral power of ≈ size · A²/2 · Σw²:
  // the reference for A = 1.
  const fullScale = (size * winPower) / 2;

  const edgesHz = new Float64Array(bands + 1);
  for (let b = 0; b <= bands; b++) edgesHz[b] = minHz * Math.pow(maxHz / minHz, b / bands);
  edgesHz[bands] = maxHz;
  // Each bin k covers [(k − ½)·df, (k + ½)·df]; a band takes the share of each bin that overlaps it, so bands
  // narrower than a bin (the lowest ones) still get a level instead of a gap.
  const df = sampleRate / size;
  const half = size / 2;
  const weights: { k0: number; w: Float64Array }[] = [];
  for (let b = 0; b < bands; b++) {
    const lo = edgesHz[b]!;
    const hi = edgesHz[b + 1]!;
    const k0 = Math.max(0, Math.floor(lo / df + 0.5));
    const k1 = Math.min(half, Math.floor(hi / df + 0.5));
    const w = new Float64Array(k1 - k0 + 1);
    for (let k = k0; k <= k1; k++) {
      const overlap = Math.min(hi, (k + 0.5) * df) - Math.max(lo, (k - 0.5) * df);
      w[k - k0] = Math.max(0, overlap) / df;
    }
    weights.push({ k0, w });
  }

  const frame = new Float64Array(size);
  const power = new Float64Array(half + 1);
  const levelsDb = new Float32Array(columns * bands);
  let peakDb = floorDb;
  for (let c = 0; c < columns; c++) {
    // Window centred on the column's time; samples outside the PCM are zeros.
    const start = Math.round((c + 0.5) * hopS * sampleRate) - half;
    for (let i = 0; i < size; i++) {
      const j = start + i;
      frame[i] = j >= 0 && j < pcm.length ? pcm[j]! * win[i]! : 0;
    }
    fft.power(frame, power);
    // Bins 0 and Nyquist appear once in a one-sided spectrum; the rest stand for two (±f) — double them.
    for (let k = 1; k < half; k++) power[k] = 2 * power[k]!;
    for (let b = 0; b < bands; b++) {
      const { k0, w } = weights[b]!;
      let p = 0;
      for (let i = 0; i < w.length; i++) p += w[i]! * power[k0 + i]!;
      const db = p > 0 ? 10 * Math.log10(p / fullScale) : -Infinity;
      const level = db > floorDb ? db : floorDb;
      levelsDb[c * bands + b] = level;
      if (level > peakDb) peakDb = level;
    }
  }
  return { bands, columns, sampleRate, durationS, hopS, windowSize: size, edgesHz, levelsDb, floorDb, peakDb };
}

/** Centre frequency of band b in Hz (geometric mean of its edges). */
export function bandCenterHz(s: Spectrogram, b: number): number {
  return Math.sqrt(s.edgesHz[b]! * s.edgesHz[b + 1]!);
}

/**
 * Frequency in Hz where the file is strongest on average: the loudest band (mean dB over time), refined by a
 * parabola through it and its neighbours in log frequency.
 */
export function dominantFrequencyHz(s: Spectrogram): number {
  const mean = new Float64Array(s.bands);
  for (let b = 0; b < s.bands; b++) {
    let sum = 0;
    for (let c = 0; c < s.columns; c++) sum += s.levelsDb[c * s.bands + b]!;
    mean[b] = sum / s.columns;
  }
  let k = 0;
  for (let b = 1; b < s.bands; b++) if (mean[b]! > mean[k]!) k = b;
  let offset = 0;
  if (k > 0 && k < s.bands - 1) {
    const [a, m, c] = [mean[k - 1]!, mean[k]!, mean[k + 1]!];
    const denom = a - 2 * m + c;
    if (denom < 0) offset = Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / denom));
  }
  const lo = s.edgesHz[0]!;
  const ratio = s.edgesHz[s.bands]! / lo;
  return lo * Math.pow(ratio, (k + 0.5 + offset) / s.bands);
}

/** Mixes planar channels to mono by averaging (all channels must have the same length). */
export function mixToMono(channels: readonly Float32Array[]): Float32Array {
  if (channels.length === 0) throw new SpectrogramInputError('mixing to mono needs at least one channel');
  const n = channels[0]!.length;
  if (channels.length === 1) return channels[0]!;
  const out = new Float32Array(n);
  for (const ch of channels) {
    if (ch.length !== n) throw new SpectrogramInputError(`channels differ in length (${ch.length} vs ${n})`);
    for (let i = 0; i < n; i++) out[i] = out[i]! + ch[i]!;
  }
  for (let i = 0; i < n; i++) out[i] = out[i]! / channels.length;
  return out;
}
