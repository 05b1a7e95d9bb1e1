// Harmonic-change novelty: how much new pitched sound (a note or chord with harmonic partials) starts at each moment,
// streamed from the samples. Soft attacks — bowed strings, pads, a piano played softly, an organ's chord changes —
// rise too slowly for a transient envelope, but each new note brings partials at new pitches; a pure tone, a noise
// bed or a level step of what already sounds brings none.
import { nextPowerOfTwo } from './fft.ts';
import { createSemitoneFrames, semitoneBinRanges } from './semitone-frames.ts';

/**
 * Analysis window (s; rounded up to a power of two in samples of the stream halved: 2048 at 44.1/48 kHz), long enough
 * to part semitones above ~100 Hz. The stream is halved (mean of each pair of samples) first: the partials counted
 * lie below 9 kHz, and a half-size FFT halves the cost (the full-rate 4096-point one made the tempo pass 39 % slower).
 */
export const HARMONIC_WINDOW_S = 0.08;
/** One novelty value every this many seconds (25 Hz: tempo asks it only whether pitched notes keep starting; 20 ms cost twice the CPU for the same answer). */
export const HARMONIC_HOP_S = 0.04;
/** Lowest and highest fundamental (MIDI) whose onset counts: E2 to C7. */
export const HARMONIC_FUNDAMENTAL_MIDI: readonly [number, number] = [40, 96];
/** Semitone offsets of the partials a new note must bring together: the fundamental, the octave and the twelfth. */
export const HARMONIC_PARTIALS: readonly number[] = [0, 12, 19];
/** Half-width (semitones) of the spectral neighbourhood whose mean a peak must stand above. */
export const HARMONIC_WHITEN_SEMITONES = 6;
/** Semitones below this (MIDI; 155 Hz) make the low band of the spectral change (bass notes), as the onset envelope's lowFlux does for the flux. */
export const HARMONIC_CHANGE_LOW_MIDI = 51;

/** A streaming harmonic-change novelty. */
export interface HarmonicNovelty {
  /** Feed the next samples of the stream (mono, −1..1). */
  push(samples: Float32Array): void;
  /** Number of novelty values so far. */
  readonly length: number;
  /** The novelty resampled (linearly) at `count` times m / `rate` s from the stream start, 0 outside what was analysed. */
  resample(rate: number, count: number): Float32Array;
  /**
   * The spectral change and its low band, resampled as `resample` does: Σ over the semitone grid of |S(t) − S(t − 1)|,
   * S the log spectrum before whitening, one window (40 ms) apart. Rises and falls both count: a bowed note or an
   * organ chord swells in over 100 ms or more, so its start barely rises from one window to the next, but a legato
   * line's notes end as the next begin, and every change of what sounds — on the beat, when the chords or the figure
   * move — shows as a change of the spectrum.
   */
  resampleChange(rate: number, count: number): { change: Float32Array; lowChange: Float32Array };
}

/**
 * Per window: the log spectrum on a semitone grid (each semitone's strongest FFT bin, ln(1 + 1000·amplitude)),
 * whitened (minus its mean over ±HARMONIC_WHITEN_SEMITONES, negative parts dropped) so only peaks count and a noise
 * bed's level does not; each semitone's rise over the previous window's level at that semitone or a neighbour (a
 * vibrato is no new note); and the novelty Σ over fundamentals p of min(rise at p + each HARMONIC_PARTIALS offset):
 * a note counts only when its fundamental, octave and twelfth all rise together, so a sine (or a bed of sines whose
 * levels step) adds nothing.
 */
export function createHarmonicNovelty(sampleRate: number): HarmonicNovelty {
  if (!(sampleRate > 0)) throw new TypeError(`sample rate must be positive, got ${sampleRate}`);
  const streamRate = sampleRate;
  sampleRate = streamRate / 2; // the halved stream's rate from here on
  const win = nextPowerOfTwo(Math.round(HARMONIC_WINDOW_S * sampleRate));
  const step = Math.max(1, Math.round(HARMONIC_HOP_S * sampleRate));
  const lowMidi = HARMONIC_FUNDAMENTAL_MIDI[0] - HARMONIC_WHITEN_SEMITONES;
  const highMidi = Math.min(HARMONIC_FUNDAMENTAL_MIDI[1] + Math.max(...HARMONIC_PARTIALS) + HARMONIC_WHITEN_SEMITONES, Math.floor(69 + 12 * Math.log2((0.95 * sampleRate) / 2 / 440)));
  const bins = Math.max(0, highMidi - lowMidi + 1);
  const { lo, hi } = semitoneBinRanges(lowMidi, bins, win, sampleRate);
  const spec = new Float64Array(bins);
  const prefix = new Float64Array(bins + 1);
  let prev = new Float64Array(bins);
  let cur = new Float64Array(bins);
  let havePrev = false;
  let values = new Float32Array(256);
  let change = new Float32Array(256);
  let lowChange = new Float32Array(256);
  let times = new Float64Array(256);
  const lowBins = Math.max(0, Math.min(bins, HARMONIC_CHANGE_LOW_MIDI - lowMidi));
  let prevSpec = new Float64Array(bins);
  let curSpec = new Float64Array(bins);
  let count = 0;
  const rise = new Float64Array(bins);

  const analyse = (power: Float64Array, fed: number): void => {
    for (let i = 0; i < bins; i++) {
      let m = 0;
      for (let k = lo[i]!; k <= hi[i]!; k++) if (power[k]! > m) m = power[k]!;
      spec[i] = Math.log1p((1000 * 2 * Math.sqrt(m)) / frames.windowSum);
      prefix[i + 1] = prefix[i]! + spec[i]!;
      curSpec[i] = spec[i]!;
    }
    let c = 0;
    let cLow = 0;
    if (havePrev) {
      for (let i = 0; i < bins; i++) {
        const d = Math.abs(curSpec[i]! - prevSpec[i]!);
        c += d;
        if (i < lowBins) cLow += d;
      }
    }
    [prevSpec, curSpec] = [curSpec, prevSpec];
    const r = HARMONIC_WHITEN_SEMITONES;
    for (let i = 0; i < bins; i++) {
      const a = Math.max(0, i - r);
      const b = Math.min(bins, i + r + 1);
      cur[i] = Math.max(0, spec[i]! - (prefix[b]! - prefix[a]!) / (b - a));
    }
    let v = 0;
    if (havePrev) {
      for (let i = 0; i < bins; i++) {
        const before = Math.max(prev[i]!, i > 0 ? prev[i - 1]! : 0, i + 1 < bins ? prev[i + 1]! : 0);
        rise[i] = Math.max(0, cur[i]! - before);
      }
      for (let p = HARMONIC_FUNDAMENTAL_MIDI[0] - lowMidi; p <= HARMONIC_FUNDAMENTAL_MIDI[1] - lowMidi; p++) {
        let m = Infinity;
        for (const o of HARMONIC_PARTIALS) m = Math.min(m, p + o < bins ? rise[p + o]! : 0);
        v += m;
      }
    }
    [prev, cur] = [cur, prev];
    havePrev = true;
    if (count === values.length) {
      const nv = new Float32Array(2 * count);
      nv.set(values);
      values = nv;
      const nc = new Float32Array(2 * count);
      nc.set(change);
      change = nc;
      const nl = new Float32Array(2 * count);
      nl.set(lowChange);
      lowChange = nl;
      const nt = new Float64Array(2 * count);
      nt.set(times);
      times = nt;
    }
    values[count] = v;
    change[count] = c;
    lowChange[count] = cLow;
    // centre of the window on the input clock (halved sample j is the mean of input samples 2j and 2j + 1)
    times[count] = (2 * (fed - win / 2) + 0.5) / streamRate;
    count++;
  };

  const frames = createSemitoneFrames(win, step, 0, analyse);

  return {
    push(samples) {
      frames.push(samples);
    },
    get length() {
      return count;
    },
    resample: (rate, n) => resampleAt(values, times, count, rate, n),
    resampleChange: (rate, n) => ({ change: resampleAt(change, times, count, rate, n), lowChange: resampleAt(lowChange, times, count, rate, n) }),
  };
}

/** `count` values at `times` (s) resampled linearly at n times m / `rate` s, 0 outside them. */
function resampleAt(values: Float32Array, times: Float64Array, count: number, rate: number, n: number): Float32Array {
  const out = new Float32Array(n);
  if (count === 0) return out;
  let j = 0;
  for (let m = 0; m < n; m++) {
    const t = m / rate;
    while (j + 1 < count && times[j + 1]! <= t) j++;
    if (t < times[0]! || t > times[count - 1]!) continue;
    const t0 = times[j]!;
    const t1 = j + 1 < count ? times[j + 1]! : t0;
    const f = t1 > t0 ? (t - t0) / (t1 - t0) : 0;
    out[m] = values[j]! * (1 - f) + (j + 1 < count ? values[j + 1]! : 0) * f;
  }
  return out;
}
