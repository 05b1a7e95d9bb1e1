// FOUNDATION §3.2: the sound of one audio frame — silence, or its energy split into tone, rumble and hiss.
import type { FrameSound } from '../report/analysis.ts';
import { RUMBLE_HISS_SPLIT_HZ, SILENCE_DBFS } from '../vocab/sounds.ts';
import { hannWindow, nextPowerOfTwo, realFft } from './fft.ts';
import { leadPitch } from './lead-pitch.ts';

/** rms_db reported for digital zero (a finite stand-in for −∞, so the report stays valid JSON). */
export const RMS_DB_FLOOR = -160;
/** The frame is zero-padded to the next power of two ≥ this many times its length (fine sampling of each peak). */
export const ZERO_PAD_FACTOR = 4;
/** A spectral peak is a tone when it stands this many dB above the local noise floor. */
export const TONE_PEAK_MIN_DB = 14;
/** Half-width of the Hann main lobe, in frame-resolution bins (sampleRate / frame length): the energy counted as the peak's. */
export const MAIN_LOBE_HALF_BINS = 2;
/** Half-width (frame-resolution bins) of the running median that estimates the noise floor. */
export const FLOOR_MEDIAN_HALF_BINS = 8;
/** Extra dB a peak needs below LOW_TONE_STRICT_CYCLES: a few cycles of brown noise in one frame look like a wave. */
export const LOW_TONE_EXTRA_DB = 10;
/** Below this many cycles per frame, a peak needs LOW_TONE_EXTRA_DB more prominence. */
export const LOW_TONE_STRICT_CYCLES = 4;
/** A tone needs at least this many cycles inside the frame: below it, a peak cannot be told from low noise. */
export const MIN_TONE_CYCLES = 1.5;
/** Below this many cycles per frame, tone_hz is refined by a least-squares sinusoid fit (the negative-frequency image biases the spectral peak). */
export const LOW_TONE_REFINE_CYCLES = 6;
/** Band of speech energy used by the voice-activity features (Hz). */
export const SPEECH_BAND_HZ: readonly [number, number] = [300, 3400];

/** The per-frame measurements beyond the report's FrameSound that sound-over-time needs. */
export interface FrameExtras {
  /** Share (0–1) of the frame's energy in SPEECH_BAND_HZ. */
  speechBand: number;
  /** Number of tone peaks found. */
  peaks: number;
  /** Share (0–1) of the energy in the strongest peak's main lobe. */
  topPeakShare: number;
  /** Normalized autocorrelation (0–1) at the best lag for a pitch of 80–400 Hz, from the windowed frame; 0 when silent. */
  harmonicity: number;
  /** Predominant pitch (fractional MIDI, leadPitch) when asked for and the frame is not silent; else null. */
  leadMidi: number | null;
}

/** FrameSound plus the extras. */
export interface FrameAnalysis {
  sound: FrameSound;
  extras: FrameExtras;
}

/** FOUNDATION §3.2 measured on one mono audio frame (samples −1..1). */
export function measureFrameSound(samples: Float32Array, sampleRate: number): FrameSound {
  return analyzeFrame(samples, sampleRate, false).sound;
}

/** rms_db of the raw samples: dBFS of their RMS (a full-scale sine is −3.01 dBFS), floored at RMS_DB_FLOOR. */
export function rmsDb(samples: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < samples.length; i++) s += samples[i]! * samples[i]!;
  if (s === 0 || samples.length === 0) return RMS_DB_FLOOR;
  return Math.max(RMS_DB_FLOOR, 10 * Math.log10(s / samples.length));
}

interface Scratch {
  windowed: Float64Array;
  power: Float64Array;
  native: Float64Array;
  logNative: Float64Array;
  floor: Float64Array;
  tone: Uint8Array;
  sortBuf: Float64Array;
}

const scratch = new Map<string, Scratch>();

function scratchFor(n: number, size: number): Scratch {
  const key = `${n}/${size}`;
  let s = scratch.get(key);
  if (!s) {
    const nativeBins = Math.floor(n / 2) + 1;
    s = {
      windowed: new Float64Array(n),
      power: new Float64Array(size / 2 + 1),
      native: new Float64Array(nativeBins),
      logNative: new Float64Array(nativeBins),
      floor: new Float64Array(nativeBins),
      tone: new Uint8Array(size / 2 + 1),
      sortBuf: new Float64Array(2 * FLOOR_MEDIAN_HALF_BINS + 1),
    };
    scratch.set(key, s);
  }
  return s;
}

/** Linear interpolation of arr at fractional index x, clamped to its ends. */
function lerpAt(arr: Float64Array, x: number): number {
  if (x <= 0) return arr[0]!;
  const last = arr.length - 1;
  if (x >= last) return arr[last]!;
  const i = Math.floor(x);
  const f = x - i;
  return arr[i]! * (1 - f) + arr[i + 1]! * f;
}

/**
 * The frame measured in full. `withHarmonicity` also computes the pitch autocorrelation (one more FFT), which only
 * the voice-activity detector needs: true, or a test on the other extras that says when it is worth computing.
 * `withLead` likewise adds the predominant pitch (leadPitch on the same spectrum), which only melody needs.
 */
export function analyzeFrame(
  samples: Float32Array,
  sampleRate: number,
  withHarmonicity: boolean | ((e: FrameExtras) => boolean),
  withLead: boolean | ((s: FrameSound, e: FrameExtras) => boolean) = false,
): FrameAnalysis {
  if (!(sampleRate > 0)) throw new TypeError(`sample rate must be positive, got ${sampleRate}`);
  const n = samples.length;
  const rms_db = rmsDb(samples);
  if (n < 4 || rms_db === RMS_DB_FLOOR) return silentFrame(rms_db, 0, 0);

  const spec = windowedSpectrum(samples, sampleRate);
  const shape = spectralShape(spec);
  if (rms_db < SILENCE_DBFS) return silentFrame(rms_db, shape.centroid_hz, shape.flatness);

  const floorAt = noiseFloor(spec, shape.eps);
  const peaks = findTonePeaks(spec, shape.eps, floorAt);
  const tone = toneFrequency(samples, spec, shape.eps, peaks);
  const breakdown = energyShares(samples, spec, peaks, tone.lowToneRawE);

  const extras: FrameExtras = {
    speechBand: shape.total > 0 ? breakdown.band / shape.total : 0,
    peaks: peaks.count,
    topPeakShare: shape.total > 0 ? peaks.topLobe / shape.total : 0,
    harmonicity: 0,
    leadMidi: null,
  };
  if (withHarmonicity === true || (withHarmonicity && withHarmonicity(extras))) extras.harmonicity = harmonicity(spec.P, spec.size, n, sampleRate);
  const sound: FrameSound = { breakdown: breakdown.shares, rms_db, centroid_hz: shape.centroid_hz, flatness: shape.flatness, tone_hz: tone.hz };
  if (withLead === true || (withLead && withLead(sound, extras))) extras.leadMidi = leadPitch(spec.P, spec.size, sampleRate, n)?.midi ?? null;
  return { sound, extras };
}

/** A silent frame's analysis: breakdown all silence, no tone, no extras (centroid and flatness still describe it). */
function silentFrame(rms_db: number, centroid_hz: number, flatness: number): FrameAnalysis {
  return {
    sound: { breakdown: { silence: 100, tone: 0, rumble: 0, hiss: 0 }, rms_db, centroid_hz, flatness, tone_hz: null },
    extras: { speechBand: 0, peaks: 0, topPeakShare: 0, harmonicity: 0, leadMidi: null },
  };
}

/** The frame's Hann-windowed, zero-padded power spectrum and the sizes every later step reads. */
interface FrameSpectrum {
  n: number;
  sampleRate: number;
  /** FFT size (≥ ZERO_PAD_FACTOR·n) and its half. */
  size: number;
  half: number;
  /** Power per padded bin 0..half (a view of scratch). */
  P: Float64Array;
  hzPerBin: number;
  /** Padded bins per frame-resolution ("native") bin. */
  pad: number;
  win: Float64Array;
  s: Scratch;
}

function windowedSpectrum(samples: Float32Array, sampleRate: number): FrameSpectrum {
  const n = samples.length;
  const size = nextPowerOfTwo(ZERO_PAD_FACTOR * n);
  const s = scratchFor(n, size);
  const win = hannWindow(n);
  for (let i = 0; i < n; i++) s.windowed[i] = samples[i]! * win[i]!;
  const P = realFft(size).power(s.windowed, s.power);
  return { n, sampleRate, size, half: size / 2, P, hzPerBin: sampleRate / size, pad: size / n, win, s };
}

/** Total weighted power, centroid and flatness of the spectrum, and the log floor `eps` used against log(0). */
function spectralShape({ P, half, hzPerBin }: FrameSpectrum): { total: number; centroid_hz: number; flatness: number; eps: number } {
  // Energy weights: interior bins stand for the ± frequency pair of a real signal.
  let total = 0;
  let weighted = 0;
  let logSum = 0;
  let arith = 0;
  let peakP = 0;
  for (let k = 0; k <= half; k++) if (P[k]! > peakP) peakP = P[k]!;
  const eps = peakP * 1e-15 + 1e-300;
  for (let k = 0; k <= half; k++) {
    const w = k === 0 || k === half ? 1 : 2;
    total += w * P[k]!;
    weighted += w * P[k]! * k * hzPerBin;
    if (k > 0 && k < half) {
      logSum += Math.log(P[k]! + eps);
      arith += P[k]!;
    }
  }
  const centroid_hz = total > 0 ? weighted / total : 0;
  const flatness = arith > 0 ? Math.min(1, Math.exp(logSum / (half - 1)) / (arith / (half - 1))) : 0;
  return { total, centroid_hz, flatness, eps };
}

/**
 * The log noise floor under a candidate peak at native (frame-resolution) position jf. Built from the mean power per
 * native bin and a running median of its log over ±FLOOR_MEDIAN_HALF_BINS.
 */
function noiseFloor({ P, half, pad, s }: FrameSpectrum, eps: number): (jf: number) => number {
  const J = s.native.length;
  for (let j = 0; j < J; j++) {
    const lo = Math.max(0, Math.ceil((j - 0.5) * pad));
    const hi = Math.min(half, Math.ceil((j + 0.5) * pad) - 1);
    let acc = 0;
    for (let k = lo; k <= hi; k++) acc += P[k]!;
    s.native[j] = acc / Math.max(1, hi - lo + 1);
    s.logNative[j] = Math.log(s.native[j]! + eps);
  }
  const L = FLOOR_MEDIAN_HALF_BINS;
  runningMedian(s.logNative, L, s.sortBuf, s.floor);
  // The floor under a peak at native position jf: the medians centred just outside its main lobe, on either side,
  // interpolated in log frequency. Near DC, where the left side is missing, it is extrapolated from the median on the
  // right along the spectrum's low-end slope (log power per log frequency), measured from the medians of wide bands
  // (many bins, so a steady estimate) and clamped to −3…0. Brown noise falls as f⁻²
  // and must not turn into tones in its lowest bins; white noise is flat and must not hide a low tone.
  const bandMedian = (a: number, b: number): number => {
    const vals = Array.from(s.logNative.subarray(a, b)).sort((x, y) => x - y);
    return vals[vals.length >> 1]!;
  };
  // the steeper of two estimates (bins 4–15 vs 16–63, and 8–31 vs 32–127): where brown noise leads only at the low
  // end of a mix, the nearer pair sees it
  const slopeOf = (a: number): number => (bandMedian(4 * a, 16 * a) - bandMedian(a, 4 * a)) / Math.log(4);
  const lowSlope = J >= 128 ? Math.max(-3, Math.min(0, slopeOf(4), slopeOf(8))) : -2;
  const D = MAIN_LOBE_HALF_BINS + 1 + L;
  return (jf: number): number => {
    const cl = jf - D;
    const cr = jf + D;
    if (cl >= L) {
      const wgt = (Math.log(jf) - Math.log(cl)) / (Math.log(cr) - Math.log(cl));
      return lerpAt(s.floor, cl) * (1 - wgt) + lerpAt(s.floor, cr) * wgt;
    }
    return lerpAt(s.floor, cr) + lowSlope * (Math.log(jf) - Math.log(cr));
  };
}

/** out[j] = median of x over [j − half, j + half] (clipped to x), by a sliding sorted window in `sorted` (2·half + 1 long). */
function runningMedian(x: Float64Array, half: number, sorted: Float64Array, out: Float64Array): void {
  const J = x.length;
  // Each step inserts one value and removes one (binary search + a short shift).
  let len = 0;
  const insert = (v: number): void => {
    let lo = 0;
    let hi = len;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    sorted.copyWithin(lo + 1, lo, len);
    sorted[lo] = v;
    len++;
  };
  const remove = (v: number): void => {
    let lo = 0;
    let hi = len - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    sorted.copyWithin(lo, lo + 1, len);
    len--;
  };
  for (let m = 0; m < Math.min(J, half); m++) insert(x[m]!);
  for (let j = 0; j < J; j++) {
    if (j + half < J) insert(x[j + half]!);
    if (j - half - 1 >= 0) remove(x[j - half - 1]!);
    const h = len >> 1;
    out[j] = len & 1 ? sorted[h]! : 0.5 * (sorted[h - 1]! + sorted[h]!);
  }
}

/** The tone peaks found (their lobes marked in scratch.tone), the strongest one's padded bin and its lobe energy. */
interface TonePeaks {
  count: number;
  /** Padded bin of the strongest peak, −1 when there is none. */
  bestK: number;
  /** Weighted power in the strongest peak's main lobe. */
  topLobe: number;
}

/**
 * Tone peaks: local maxima of the padded spectrum whose mean power over ±1 frame bin (the core of the Hann lobe,
 * ~90 % of a sine's energy) stands clear of the floor. Averaging over the core, not taking the top value alone,
 * keeps noise from making peaks: a noise bin is as likely to be high as a tone's, but not two bins together.
 */
function findTonePeaks({ P, half, pad, s }: FrameSpectrum, eps: number, floorAt: (jf: number) => number): TonePeaks {
  const thresh = (TONE_PEAK_MIN_DB / 10) * Math.LN10;
  const minK = Math.ceil(MIN_TONE_CYCLES * pad);
  const lobe = MAIN_LOBE_HALF_BINS * pad;
  const core = Math.max(1, Math.round(pad));
  s.tone.fill(0);
  let count = 0;
  let bestK = -1;
  let bestP = 0;
  let topLobe = 0;
  for (let k = Math.max(1, minK); k < half; k++) {
    const p = P[k]!;
    if (!(p > P[k - 1]! && p >= P[k + 1]!)) continue;
    let coreSum = 0;
    for (let m = Math.max(0, k - core); m <= Math.min(half, k + core); m++) coreSum += P[m]!;
    const coreMean = coreSum / (Math.min(half, k + core) - Math.max(0, k - core) + 1);
    const extra = k / pad < LOW_TONE_STRICT_CYCLES ? (LOW_TONE_EXTRA_DB / 10) * Math.LN10 : 0;
    if (Math.log(coreMean + eps) - floorAt(k / pad) < thresh + extra) continue;
    count++;
    const lo = Math.max(0, Math.ceil(k - lobe));
    const hi = Math.min(half, Math.floor(k + lobe));
    let lobeE = 0;
    for (let m = lo; m <= hi; m++) {
      s.tone[m] = 1;
      lobeE += (m === 0 || m === half ? 1 : 2) * P[m]!;
    }
    if (p > bestP) {
      bestP = p;
      bestK = k;
      topLobe = lobeE;
    }
  }
  return { count, bestK, topLobe };
}

/**
 * tone_hz of the strongest peak (null without one) and, for a low tone, the energy of its least-squares sinusoid
 * over the raw samples (0 otherwise).
 */
function toneFrequency(samples: Float32Array, { P, hzPerBin, pad, sampleRate, n }: FrameSpectrum, eps: number, { bestK }: TonePeaks): { hz: number | null; lowToneRawE: number } {
  if (bestK <= 0) return { hz: null, lowToneRawE: 0 };
  // Gaussian interpolation (a parabola through the log power of the three top bins): exact for a Gaussian lobe,
  // and close for the Hann lobe sampled ZERO_PAD_FACTOR times finer than a frame bin.
  const a = Math.log(P[bestK - 1]! + eps);
  const b = Math.log(P[bestK]! + eps);
  const c = Math.log(P[bestK + 1]! + eps);
  const den = a - 2 * b + c;
  const delta = den < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / den)) : 0;
  const hz = (bestK + delta) * hzPerBin;
  if (bestK / pad >= LOW_TONE_REFINE_CYCLES) return { hz, lowToneRawE: 0 };
  const fit = refineLowTone(samples, sampleRate, hz, sampleRate / n);
  return { hz: fit.hz, lowToneRawE: fit.energy };
}

/**
 * The tone/rumble/hiss percentages and the weighted power in the speech band.
 *
 * Tone and hiss are spread over many bins and estimated well by the windowed spectrum; rumble lives in the few
 * lowest bins, where the window's taper throws away the frame's edges (brown noise then swings by tens of points
 * from frame to frame). So the frame's own energy Σx² (DC included: a frame's offset is its slowest content) corrects
 * rumble: rumble += raw − windowed total, each windowed sum rescaled to raw-sample units (E[Σ(w·x)²] = σ²·Σw² for a
 * stationary signal; Parseval: Σ|X|² = size·Σ(w·x)²). For stationary noise that difference is pure estimation noise
 * of relative std √(Σ(1 − w²·n/Σw²)²·2)/n ≈ √(1.9/n) (Hann) of the broadband energy, so it is shrunk by two of
 * those std of the hiss energy first (broadband noise is where that estimation noise comes from).
 */
function energyShares(samples: Float32Array, { P, half, hzPerBin, size, n, win, s }: FrameSpectrum, peaks: TonePeaks, lowToneRawE: number): { shares: FrameSound['breakdown']; band: number } {
  let tone = 0;
  let hiss = 0;
  let rumble = 0;
  let band = 0;
  for (let k = 0; k <= half; k++) {
    const e = (k === 0 || k === half ? 1 : 2) * P[k]!;
    const hz = k * hzPerBin;
    if (hz >= SPEECH_BAND_HZ[0] && hz <= SPEECH_BAND_HZ[1]) band += e;
    if (s.tone[k]) tone += e;
    else if (hz >= RUMBLE_HISS_SPLIT_HZ) hiss += e;
    else rumble += e;
  }
  let rawE = 0;
  let winE = 0;
  for (let i = 0; i < n; i++) {
    rawE += samples[i]! * samples[i]!;
    winE += win[i]! * win[i]!;
  }
  const toRaw = n / (size * winE);
  // A low tone's few cycles are measured exactly by its least-squares sinusoid (the windowed lobe misjudges them).
  const toneE = tone * toRaw + Math.max(0, lowToneRawE - peaks.topLobe * toRaw);
  const hissE = hiss * toRaw;
  const corr = rawE - toneE - hissE - rumble * toRaw;
  const slack = 2 * Math.sqrt(1.9 / n) * hissE;
  const shrunk = Math.sign(corr) * Math.max(0, Math.abs(corr) - slack);
  const rumbleE = Math.max(0, rumble * toRaw + shrunk);
  const sum = toneE + hissE + rumbleE;
  const tonePct = (100 * toneE) / sum;
  const rumblePct = (100 * rumbleE) / sum;
  return { shares: { silence: 0, tone: tonePct, rumble: rumblePct, hiss: Math.max(0, 100 - tonePct - rumblePct) }, band };
}

/** Seconds of audio `pitchHarmonicity` should be given: two periods of the lowest pitch (80 Hz) fit in half of it. */
export const PITCH_SPAN_S = 0.05;

/**
 * Harmonicity (0–1) of a span of samples: the best normalized autocorrelation at a pitch period of 80–400 Hz, from
 * the Hann-windowed span (window taper undone). The voice-activity detector gives it the last PITCH_SPAN_S of the
 * stream at each frame's end, whatever the frame length.
 */
export function pitchHarmonicity(samples: Float32Array, sampleRate: number): number {
  return pitchAutocorrelation(samples, sampleRate).harmonicity;
}

/**
 * pitchHarmonicity and the pitch it implies (Hz; 0 when there is none): the shortest period whose autocorrelation
 * peak reaches PITCH_PEAK_SHARE of the best (a period of two cycles correlates as well as one), refined by a parabola
 * through the peak. The voice-activity detector follows it from frame to frame.
 */
export function pitchAutocorrelation(samples: Float32Array, sampleRate: number): PitchReading {
  const n = samples.length;
  if (n < 8) return { harmonicity: 0, hz: 0, rival: 0 };
  const size = nextPowerOfTwo(2 * n);
  const win = hannWindow(n);
  const buf = new Float64Array(n);
  for (let i = 0; i < n; i++) buf[i] = samples[i]! * win[i]!;
  const P = realFft(size).power(buf, new Float64Array(size / 2 + 1));
  return pitchPeak(P, size, n, sampleRate);
}

/** What pitchAutocorrelation reads: harmonicity (0–1), pitch (Hz, 0 when none) and the rival peak (share of the best, see rivalPeak). */
export interface PitchReading {
  harmonicity: number;
  hz: number;
  rival: number;
}

/** A peak of the normalized autocorrelation at least this share of the best one counts as the pitch period (the shortest such). */
export const PITCH_PEAK_SHARE = 0.9;

const acScratch = new Map<number, { spec: Float64Array; ac: Float64Array }>();
const windowAc = new Map<string, Float64Array>();

/** Autocorrelation of the Hann window itself (lag 0..n−1), to undo its taper on the signal's autocorrelation. */
function hannAutocorrelation(n: number, size: number): Float64Array {
  const key = `${n}/${size}`;
  let r = windowAc.get(key);
  if (!r) {
    const fft = realFft(size);
    const pw = fft.power(hannWindow(n), new Float64Array(size / 2 + 1));
    r = Float64Array.from(inverseOfPower(pw, size).subarray(0, n));
    windowAc.set(key, r);
  }
  return r;
}

function inverseOfPower(P: Float64Array, size: number): Float64Array {
  let sc = acScratch.get(size);
  if (!sc) {
    sc = { spec: new Float64Array(size + 2), ac: new Float64Array(size) };
    acScratch.set(size, sc);
  }
  for (let k = 0; k <= size / 2; k++) {
    sc.spec[2 * k] = P[k]!;
    sc.spec[2 * k + 1] = 0;
  }
  return realFft(size).inverseReal(sc.spec, sc.ac);
}

/** Best normalized autocorrelation for a pitch period of 80–400 Hz (lags up to half the analysed span). */
function harmonicity(P: Float64Array, size: number, n: number, sampleRate: number): number {
  return pitchPeak(P, size, n, sampleRate).harmonicity;
}

function pitchPeak(P: Float64Array, size: number, n: number, sampleRate: number): PitchReading {
  const wac = hannAutocorrelation(n, size);
  const ac = inverseOfPower(P, size); // the frame is padded to ≥ 2n, so this is the linear (not circular) autocorrelation
  const r0 = ac[0]!;
  if (!(r0 > 0)) return { harmonicity: 0, hz: 0, rival: 0 };
  const lo = Math.max(2, Math.floor(sampleRate / 400));
  const hi = Math.min(Math.floor(n / 2), Math.ceil(sampleRate / 80));
  const norm = (lag: number) => ac[lag]! / r0 / (wac[lag]! / wac[0]!);
  let best = 0;
  for (let lag = lo; lag <= hi; lag++) {
    const v = norm(lag);
    if (v > best && ac[lag]! >= ac[lag - 1]! && ac[lag]! >= ac[lag + 1]!) best = v;
  }
  if (!(best > 0)) return { harmonicity: 0, hz: 0, rival: 0 };
  for (let lag = lo; lag <= hi; lag++) {
    if (!(norm(lag) >= PITCH_PEAK_SHARE * best && ac[lag]! >= ac[lag - 1]! && ac[lag]! >= ac[lag + 1]!)) continue;
    const a = norm(lag - 1), b = norm(lag), c = norm(lag + 1);
    const den = a - 2 * b + c;
    const d = den < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / den)) : 0;
    return { harmonicity: Math.min(1, best), hz: sampleRate / (lag + d), rival: rivalPeak(norm, ac, lo, hi, lag + d) / best };
  }
  return { harmonicity: Math.min(1, best), hz: 0, rival: 0 };
}

/** Lags within this share of a multiple of the period belong to that period (its own peaks at 2T, 3T…). */
export const RIVAL_LAG_TOLERANCE = 0.04;

/**
 * The best normalized autocorrelation peak in [lo, hi] at a lag that is not a multiple of `period` (samples): another
 * periodicity beside the pitch, as when several notes sound at once. A single voice has none (its peaks repeat at T, 2T…).
 */
function rivalPeak(norm: (lag: number) => number, ac: Float64Array, lo: number, hi: number, period: number): number {
  let rival = 0;
  for (let lag = lo; lag <= hi; lag++) {
    if (!(ac[lag]! >= ac[lag - 1]! && ac[lag]! >= ac[lag + 1]!)) continue;
    const k = lag / period;
    const near = Math.abs(k - Math.round(k)) * period;
    if (Math.round(k) >= 1 && near <= Math.max(1.5, RIVAL_LAG_TOLERANCE * lag)) continue;
    rival = Math.max(rival, norm(lag));
  }
  return Math.max(0, rival);
}

/**
 * Least-squares frequency of a low tone: the ω in f0 ± ½ frame bin maximizing the energy explained by
 * a·cos ωt + b·sin ωt + c (golden-section search). Exact for a clean sine, whatever its phase, where the spectral peak
 * is pulled by its own negative-frequency image.
 */
export function refineLowTone(x: Float32Array, sampleRate: number, f0: number, binHz: number): { hz: number; energy: number } {
  const n = x.length;
  const explained = (hz: number): number => {
    const w = (2 * Math.PI * hz) / sampleRate;
    const cw = Math.cos(w);
    const sw = Math.sin(w);
    let c = 1;
    let s = 0;
    let sxc = 0, sxs = 0, sx = 0, scc = 0, sss = 0, scs = 0, sc = 0, ss = 0;
    for (let i = 0; i < n; i++) {
      const v = x[i]!;
      sxc += v * c; sxs += v * s; sx += v;
      scc += c * c; sss += s * s; scs += c * s; sc += c; ss += s;
      const c2 = c * cw - s * sw;
      s = s * cw + c * sw;
      c = c2;
    }
    // Solve the 3×3 normal equations [scc scs sc; scs sss ss; sc ss n]·[a b d] = [sxc sxs sx]; explained = θ·rhs.
    const A = [scc, scs, sc, scs, sss, ss, sc, ss, n];
    const r = [sxc, sxs, sx];
    const det = A[0]! * (A[4]! * A[8]! - A[5]! * A[7]!) - A[1]! * (A[3]! * A[8]! - A[5]! * A[6]!) + A[2]! * (A[3]! * A[7]! - A[4]! * A[6]!);
    if (Math.abs(det) < 1e-12) return 0;
    const solve = (col: number): number => {
      const M = A.slice();
      for (let row = 0; row < 3; row++) M[row * 3 + col] = r[row]!;
      return (M[0]! * (M[4]! * M[8]! - M[5]! * M[7]!) - M[1]! * (M[3]! * M[8]! - M[5]! * M[6]!) + M[2]! * (M[3]! * M[7]! - M[4]! * M[6]!)) / det;
    };
    const ca = solve(0);
    const cb = solve(1);
    // energy of the fitted sinusoid alone (no DC term) over the frame: θᵀ·G·θ restricted to (a, b)
    lastEnergy = ca * ca * scc + 2 * ca * cb * scs + cb * cb * sss;
    return ca * r[0]! + cb * r[1]! + solve(2) * r[2]!;
  };
  let lastEnergy = 0;
  let lo = Math.max(0.5 * binHz, f0 - 0.5 * binHz);
  let hi = f0 + 0.5 * binHz;
  const g = (Math.sqrt(5) - 1) / 2;
  let a = hi - g * (hi - lo);
  let b = lo + g * (hi - lo);
  let fa = explained(a);
  let fb = explained(b);
  for (let it = 0; it < 30; it++) {
    if (fa > fb) {
      hi = b; b = a; fb = fa; a = hi - g * (hi - lo); fa = explained(a);
    } else {
      lo = a; a = b; fa = fb; b = lo + g * (hi - lo); fb = explained(b);
    }
  }
  const hz = 0.5 * (lo + hi);
  explained(hz);
  return { hz, energy: lastEnergy };
}
