// A compact onset-strength envelope streamed from the samples, at its own hop (~200 Hz), independent of video fps.
import { hannWindow, nextPowerOfTwo, realFft } from './fft.ts';
import { SPEECH_BAND_HZ } from './frame-sound.ts';

/** Envelope frames per second aimed at (the hop is round(sampleRate / this)). */
export const ONSET_RATE_HZ = 200;
/** STFT window length in seconds (rounded up to a power of two in samples). */
export const ONSET_WINDOW_S = 0.02;
/** Log compression of magnitudes before the flux: ln(1 + ONSET_LOG_GAIN·|X|/Σw) (|X|/Σw is the amplitude of a sine). */
export const ONSET_LOG_GAIN = 1000;
/** Bins above this frequency are left out of the flux (Hz). */
export const ONSET_MAX_HZ = 8000;

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

/** A streaming onset envelope for a stream at `sampleRate`; memory grows by 8 bytes per hop (≈ 1 MB for 10 minutes). */
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
  const bandLo = Math.ceil((SPEECH_BAND_HZ[0] * win) / sampleRate);
  const bandHi = Math.min(half, Math.floor((SPEECH_BAND_HZ[1] * win) / sampleRate));
  const prevLog = new Float64Array(maxBin + 1);
  const frame = new Float64Array(win);
  const power = new Float64Array(half + 1);
  let pending = new Float32Array(Math.max(4 * win, 8192));
  let pendingLen = win / 2; // the stream starts with half a window of zeros so the first value is centred on t = 0
  let first = true;
  const flux = new Growable();
  const band = new Growable();

  const analyse = (start: number): void => {
    for (let i = 0; i < win; i++) frame[i] = pending[start + i]! * w[i]!;
    fft.power(frame, power);
    let f = 0;
    let be = 0;
    for (let k = 1; k <= maxBin; k++) {
      const l = Math.log1p((ONSET_LOG_GAIN * 2 * Math.sqrt(power[k]!)) / wsum);
      if (!first && l > prevLog[k]!) f += l - prevLog[k]!;
      prevLog[k] = l;
    }
    for (let k = bandLo; k <= bandHi; k++) be += power[k]!;
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
    bandDb: () => band.view(),
    timeOf: (m) => (m * hop) / sampleRate,
  };
}
