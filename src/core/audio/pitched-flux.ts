// Pitched flux: a spectral flux on a semitone grid, fine enough in frequency to see a new note begin where the onset
// envelope's 20 ms window sees only a smear. Bowed, plucked and padded sounds (pizzicato, pads over a bass, soft
// broken chords) start their notes with little broadband energy, but each brings partials at new semitones; the
// 20 ms flux's 43 Hz bins merge neighbouring notes and its comb at the beat stays under 0.3 on them, this one's does not.
import { nextPowerOfTwo } from './fft.ts';
import { createSemitoneFrames, semitoneBinRanges } from './semitone-frames.ts';

/** Analysis window (s; rounded up to a power of two in samples of the stream halved: 1024 at 44.1/48 kHz, 46 ms), parting semitones above ~200 Hz and most whole tones below. */
export const PITCHED_FLUX_WINDOW_S = 0.04;
/** One value every this many seconds (100 Hz, a tenth of a 16th note at 150 bpm). */
export const PITCHED_FLUX_HOP_S = 0.01;
/** Lowest and highest semitone (MIDI) of the grid: E1 (41 Hz, a bass's lowest string) to E8 (5.3 kHz). */
export const PITCHED_FLUX_MIDI: readonly [number, number] = [28, 112];
/** Semitones below this (MIDI; 155 Hz) make the low band (bass notes), as the onset envelope's lowFlux does for the 20 ms flux. */
export const PITCHED_FLUX_LOW_MIDI = 51;
/**
 * The rise is measured against the level this many hops before (20 ms), at the same semitone or a neighbour: a soft
 * attack takes tens of ms to rise, so a one-hop difference sees little of it, and a vibrato or a slide of less than a
 * semitone is no new note (the "SuperFlux" maximum filter of Böck and Widmer, 2013).
 */
export const PITCHED_FLUX_LAG_HOPS = 2;

/** A streaming pitched flux (full band and low band), one value per hop. */
export interface PitchedFlux {
  /** Feed the next samples of the stream (mono, −1..1). */
  push(samples: Float32Array): void;
  /** Number of values so far. */
  readonly length: number;
  /** The full-band and low-band flux resampled (linearly) at `count` times m / `rate` s from the stream start, 0 outside what was analysed. */
  resample(rate: number, count: number): { flux: Float32Array; lowFlux: Float32Array };
}

/**
 * Per hop: each semitone's energy (the FFT bins within ±½ semitone of it, the nearest bin when none), as a log
 * amplitude ln(1 + 1000·amplitude); the flux is Σ over semitones of the positive rise over the maximum of that
 * semitone and its two neighbours PITCHED_FLUX_LAG_HOPS hops before; the low flux the same over the semitones under
 * PITCHED_FLUX_LOW_MIDI.
 */
export function createPitchedFlux(sampleRate: number): PitchedFlux {
  if (!(sampleRate > 0)) throw new TypeError(`sample rate must be positive, got ${sampleRate}`);
  const streamRate = sampleRate;
  const rate = streamRate / 2; // the halved stream's rate
  const win = nextPowerOfTwo(Math.round(PITCHED_FLUX_WINDOW_S * rate));
  const step = Math.max(1, Math.round(PITCHED_FLUX_HOP_S * rate));
  const half = win / 2;
  const lowMidi = PITCHED_FLUX_MIDI[0];
  const highMidi = Math.min(PITCHED_FLUX_MIDI[1], Math.floor(69 + 12 * Math.log2((0.95 * rate) / 2 / 440)));
  const bins = Math.max(0, highMidi - lowMidi + 1);
  const lowBins = Math.max(0, Math.min(bins, PITCHED_FLUX_LOW_MIDI - lowMidi));
  const { lo, hi } = semitoneBinRanges(lowMidi, bins, win, rate);
  const lag = PITCHED_FLUX_LAG_HOPS;
  // The last lag + 1 log spectra (a ring of rows), so the one `lag` hops back is known.
  const history = new Float64Array((lag + 1) * Math.max(1, bins));
  let flux = new Float32Array(256);
  let low = new Float32Array(256);
  let count = 0;

  const analyse = (power: Float64Array): void => {
    const row = (count % (lag + 1)) * bins;
    const back = ((count + 1) % (lag + 1)) * bins; // the row `lag` hops back (overwritten next)
    let v = 0;
    let vLow = 0;
    for (let i = 0; i < bins; i++) {
      let e = 0;
      for (let k = lo[i]!; k <= hi[i]!; k++) e += power[k]!;
      history[row + i] = Math.log1p((1000 * 2 * Math.sqrt(e)) / frames.windowSum);
    }
    if (count >= lag) {
      for (let i = 0; i < bins; i++) {
        const before = Math.max(history[back + i]!, i > 0 ? history[back + i - 1]! : 0, i + 1 < bins ? history[back + i + 1]! : 0);
        const rise = history[row + i]! - before;
        if (rise > 0) {
          v += rise;
          if (i < lowBins) vLow += rise;
        }
      }
    }
    if (count === flux.length) {
      const nf = new Float32Array(2 * count);
      nf.set(flux);
      flux = nf;
      const nl = new Float32Array(2 * count);
      nl.set(low);
      low = nl;
    }
    flux[count] = v;
    low[count] = vLow;
    count++;
  };

  // The stream starts with half a window of zeros, so value m is centred at m·hop on the input clock.
  const frames = createSemitoneFrames(win, step, half, analyse);

  return {
    push(samples) {
      frames.push(samples);
    },
    get length() {
      return count;
    },
    resample(outRate, n) {
      const outFlux = new Float32Array(n);
      const outLow = new Float32Array(n);
      const hopS = step / rate;
      for (let m = 0; m < n; m++) {
        const t = m / outRate / hopS;
        const j = Math.floor(t);
        const f = t - j;
        if (j < 0 || j >= count) continue;
        const k = Math.min(count - 1, j + 1);
        outFlux[m] = flux[j]! * (1 - f) + flux[k]! * f;
        outLow[m] = low[j]! * (1 - f) + low[k]! * f;
      }
      return { flux: outFlux, lowFlux: outLow };
    },
  };
}
