// A compact onset-strength envelope streamed from the samples, at its own hop (~200 Hz), independent of video fps.
import { hannWindow, nextPowerOfTwo, realFft } from './fft.ts';
import { SPEECH_BAND_HZ } from './frame-sound.ts';
import { createHarmonicNovelty } from './harmonic-novelty.ts';
import { createPitchedFlux } from './pitched-flux.ts';

/** Envelope frames per second aimed at (the hop is round(sampleRate / this)). */
export const ONSET_RATE_HZ = 200;
/** STFT window length in seconds (rounded up to a power of two in samples). */
export const ONSET_WINDOW_S = 0.02;
/** Log compression of magnitudes before the flux: ln(1 + ONSET_LOG_GAIN·|X|/Σw) (|X|/Σw is the amplitude of a sine). */
export const ONSET_LOG_GAIN = 1000;
/** Bins above this frequency are left out of the flux (Hz). */
export const ONSET_MAX_HZ = 8000;
/** Octave-wide band edges (Hz) of the band transients: kick, bass, snare body, snare and hats each get a say of their own. */
export const BAND_TRANSIENT_EDGES_HZ: readonly number[] = [40, 120, 250, 500, 1000, 2000, 4000, 8000, 16000];
/** The low band's flux (kick drum and bass) is the bins below this (Hz); music tempo reads it to tell a beat from a subdivision. */
export const ONSET_LOW_BAND_HZ = 150;
/**
 * How far (s) the transient envelope looks back and ahead: a rise counts only above the level on both sides. Past
 * the middle of a 15 ms tone burst (ffmpeg's click fixtures; 10 ms read them at 3 dB, too weak to count) and under
 * half a 30 fps frame, so a pure-mode frame mixed louder than its neighbours (a 33 ms plateau) is no transient;
 * 20 ms and more read such frames as beats, 40 ms found 8 of 24 pure-mode click tracks.
 */
export const TRANSIENT_REACH_S = 0.015;

/** The streamed envelopes: spectral flux and speech-band level, one value per hop. */
export interface OnsetEnvelope {
  readonly sampleRate: number;
  /** Samples between envelope values. */
  readonly hop: number;
  /** Envelope values per second (sampleRate / hop). */
  readonly rate: number;
  /** Feed the next samples of the stream (mono, −1..1). */
  push(samples: Float32Array): void;
  /** Number of envelope values so far. */
  readonly length: number;
  /** Spectral flux (sum of positive log-magnitude rises), a view of the first `length` values. */
  flux(): Float32Array;
  /** The part of the flux below ONSET_LOW_BAND_HZ (kick drum, bass), a view of the first `length` values. */
  lowFlux(): Float32Array;
  /**
   * Band transients: Σ over the octave bands of BAND_TRANSIENT_EDGES_HZ of max(0, B(t) − max(B(t − R), B(t + R))),
   * B the band's log amplitude ln(1 + ONSET_LOG_GAIN·amplitude) and R = TRANSIENT_REACH_S — `transients` per band, so a
   * kick or a snare under a loud lead still counts (the broadband first difference is ruled by the lead's harmonics).
   * The last R s look back only.
   */
  bandTransients(): Float32Array;
  /**
   * Transients per hop: max(0, L(t) − max(L(t − R), L(t + R))) with R = TRANSIENT_REACH_S and L(t) the level in dB
   * 20·log10(1 + ONSET_LOG_GAIN·rms) of the first difference of the samples over the hop around t. The difference
   * tilts the spectrum up 6 dB/octave, so rumble and low tones barely count and broadband hits do; one hop (5 ms)
   * holds a click's energy where a 20 ms STFT frame dilutes it in hiss. A click or a drum hit rises above both
   * sides; a step in level (a new note, a louder bed) does not, so a bed that changes every half second does not
   * pass for a 120 bpm pulse. The last R s look back only.
   */
  transients(): Float32Array;
  /** Harmonic-change novelty (see createHarmonicNovelty) resampled to this envelope's hops: how much new pitched sound starts. */
  harmonic(): Float32Array;
  /** The spectral change and its low band (see HarmonicNovelty.resampleChange) resampled to this envelope's hops: chords and figures that move without an attack. */
  harmonicChange(): { change: Float32Array; lowChange: Float32Array };
  /** Pitched flux and its low band (see createPitchedFlux) resampled to this envelope's hops: soft note starts that the 20 ms flux smears. */
  pitched(): { flux: Float32Array; lowFlux: Float32Array };
  /** Speech-band (300–3400 Hz) level in dB per hop, a view of the first `length` values. */
  bandDb(): Float32Array;
  /** Time (s from the stream start) of envelope value m: the centre of its STFT window. */
  timeOf(m: number): number;
}

class Growable {
  data = new Float32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): Float32Array {
    return this.data.subarray(0, this.length);
  }
}

/** A streaming onset envelope for a stream at `sampleRate`; memory grows by 20 bytes per hop (≈ 2.4 MB for 10 minutes). */
export function createOnsetEnvelope(sampleRate: number): OnsetEnvelope {
  if (!(sampleRate > 0)) throw new TypeError(`sample rate must be positive, got ${sampleRate}`);
  const hop = Math.max(1, Math.round(sampleRate / ONSET_RATE_HZ));
  const win = nextPowerOfTwo(Math.round(ONSET_WINDOW_S * sampleRate));
  const w = hannWindow(win);
  let wsum = 0;
  for (let i = 0; i < win; i++) wsum += w[i]!;
  const fft = realFft(win);
  const half = win / 2;
  const maxBin = Math.min(half, Math.floor((ONSET_MAX_HZ * win) / sampleRate));
  const lowMax = Math.min(maxBin, Math.ceil((ONSET_LOW_BAND_HZ * win) / sampleRate) - 1);
  const bandLo = Math.ceil((SPEECH_BAND_HZ[0] * win) / sampleRate);
  const bandHi = Math.min(half, Math.floor((SPEECH_BAND_HZ[1] * win) / sampleRate));
  const prevLog = new Float64Array(maxBin + 1);
  const reach = Math.max(1, Math.round((TRANSIENT_REACH_S * sampleRate) / hop));
  // Per hop, the level (dB) the transients are derived from when asked for.
  const level = new Growable();

  const frame = new Float64Array(win);
  const power = new Float64Array(half + 1);
  let pending = new Float32Array(Math.max(4 * win, 8192));
  let pendingLen = win / 2; // the stream starts with half a window of zeros so the first value is centred on t = 0
  let first = true;
  const flux = new Growable();
  const lowFlux = new Growable();
  const nyquist = sampleRate / 2;
  const edges = BAND_TRANSIENT_EDGES_HZ.filter((hz) => hz < nyquist).map((hz) => Math.max(1, Math.round((hz * win) / sampleRate)));
  const bands = Math.max(0, edges.length - 1);
  // Per band, its log amplitude over the last 2R + 1 hops (a ring), so the transient R hops back is known.
  const ringLen = 2 * reach + 1;
  const ring = new Float64Array(ringLen * Math.max(1, bands));
  const bandT = new Growable();
  let analysed = 0;
  const bandTransientAt = (c: number, ahead: boolean): number => {
    const at = (m: number): number => (m % ringLen) * bands;
    let t = 0;
    for (let b = 0; b < bands; b++) {
      const side = Math.max(c >= reach ? ring[at(c - reach) + b]! : 0, ahead ? ring[at(c + reach) + b]! : 0);
      t += Math.max(0, ring[at(c) + b]! - side);
    }
    return t;
  };
  const band = new Growable();
  const harmonic = createHarmonicNovelty(sampleRate);
  const pitched = createPitchedFlux(sampleRate);

  const analyse = (start: number): void => {
    for (let i = 0; i < win; i++) frame[i] = pending[start + i]! * w[i]!;
    fft.power(frame, power);
    let f = 0;
    let fLow = 0;
    let be = 0;
    for (let k = 1; k <= maxBin; k++) {
      const l = Math.log1p((ONSET_LOG_GAIN * 2 * Math.sqrt(power[k]!)) / wsum);
      if (!first && l > prevLog[k]!) {
        f += l - prevLog[k]!;
        if (k <= lowMax) fLow += l - prevLog[k]!;
      }
      prevLog[k] = l;
    }
    lowFlux.push(fLow);
    const slot = (analysed % ringLen) * bands;
    for (let b = 0; b < bands; b++) {
      let e = 0;
      for (let k = edges[b]!; k < edges[b + 1]! && k <= half; k++) e += power[k]!;
      ring[slot + b] = Math.log1p((ONSET_LOG_GAIN * 2 * Math.sqrt(e)) / wsum);
    }
    analysed++;
    if (analysed > reach) bandT.push(bandTransientAt(analysed - 1 - reach, true));
    for (let k = bandLo; k <= bandHi; k++) be += power[k]!;
    // the hop of samples centred on this window's centre, first-differenced
    const h0 = start + (win >> 1) - (hop >> 1);
    let d2 = 0;
    for (let i = Math.max(1, h0); i < h0 + hop; i++) d2 += (pending[i]! - pending[i - 1]!) ** 2;
    level.push((20 / Math.LN10) * Math.log1p(ONSET_LOG_GAIN * Math.sqrt(d2 / hop)));
    first = false;
    flux.push(f);
    // mean-square amplitude in the band, as dB re full scale (floored at −160)
    band.push(Math.max(-160, 10 * Math.log10((2 * be) / (wsum * wsum) + 1e-16)));
  };

  return {
    sampleRate,
    hop,
    rate: sampleRate / hop,
    push(samples) {
      harmonic.push(samples);
      pitched.push(samples);
      let i = 0;
      while (i < samples.length) {
        const room = pending.length - pendingLen;
        const take = Math.min(room, samples.length - i);
        pending.set(samples.subarray(i, i + take), pendingLen);
        pendingLen += take;
        i += take;
        let start = 0;
        while (pendingLen - start >= win) {
          analyse(start);
          start += hop;
        }
        if (start > 0) {
          pending.copyWithin(0, start, pendingLen);
          pendingLen -= start;
        }
        if (pendingLen === pending.length) {
          const bigger = new Float32Array(pending.length * 2);
          bigger.set(pending);
          pending = bigger;
        }
      }
    },
    get length() {
      return flux.length;
    },
    flux: () => flux.view(),
    lowFlux: () => lowFlux.view(),
    bandTransients() {
      const out = new Float32Array(analysed);
      out.set(bandT.view());
      for (let c = bandT.length; c < analysed; c++) out[c] = bandTransientAt(c, false);
      return out;
    },
    transients() {
      const L = level.view();
      const n = L.length;
      const out = new Float32Array(n);
      for (let c = 0; c < n; c++) {
        const side = Math.max(c >= reach ? L[c - reach]! : 0, c + reach < n ? L[c + reach]! : 0);
        out[c] = Math.max(0, L[c]! - side);
      }
      return out;
    },
    bandDb: () => band.view(),
    // the novelty's times count from the first sample; value m of this envelope is centred at m·hop/sr
    harmonic: () => harmonic.resample(sampleRate / hop, flux.length),
    harmonicChange: () => harmonic.resampleChange(sampleRate / hop, flux.length),
    pitched: () => pitched.resample(sampleRate / hop, flux.length),
    timeOf: (m) => (m * hop) / sampleRate,
  };
}
