// The front end shared by the semitone-grid novelties (harmonic-novelty.ts, pitched-flux.ts): the stream halved
// (mean of each pair of samples: the partials they count lie below 9 kHz, and a half-size FFT halves the cost), cut
// into Hann-windowed frames every `step` samples of the halved stream, each frame's power spectrum handed on; and the
// FFT bins that make up each semitone of a grid.
import { hannWindow, realFft } from './fft.ts';

/** A halved, windowed stream of power spectra (see createSemitoneFrames). */
export interface SemitoneFrames {
  /** Feed the next samples of the stream (mono, −1..1); `onPower` runs for each frame completed. */
  push(samples: Float32Array): void;
  /** Sum of the Hann window's weights (the amplitude of a full-scale sine's bin is 2·√power / windowSum). */
  readonly windowSum: number;
}

/**
 * Frames of `win` samples of the halved stream (win a power of two), one every `step` samples once the ring is full;
 * `prefill` zeros stand in the ring first (so a frame can be centred on the stream's start). `onPower` gets the
 * frame's power spectrum (win/2 + 1 values, reused between calls) and how many halved samples have been fed.
 */
export function createSemitoneFrames(win: number, step: number, prefill: number, onPower: (power: Float64Array, fed: number) => void): SemitoneFrames {
  const w = hannWindow(win);
  let windowSum = 0;
  for (let i = 0; i < win; i++) windowSum += w[i]!;
  const fft = realFft(win);
  const ring = new Float32Array(win);
  const frame = new Float64Array(win);
  const power = new Float64Array(win / 2 + 1);
  let filled = prefill; // samples in the ring (up to win), the prefilled zeros included
  let head = prefill % win; // where the next sample goes; the ring's oldest sample once it is full
  let sinceLast = 0;
  let fed = 0;
  let odd: number | null = null; // the first sample of a pair not yet complete

  const feed = (v: number): void => {
    ring[head] = v;
    head = head + 1 === win ? 0 : head + 1;
    fed++;
    if (filled < win) filled++;
    if (++sinceLast >= step && filled === win) {
      sinceLast = 0;
      const tail = win - head;
      for (let i = 0; i < tail; i++) frame[i] = ring[head + i]! * w[i]!;
      for (let i = tail; i < win; i++) frame[i] = ring[i - tail]! * w[i]!;
      fft.power(frame, power);
      onPower(power, fed);
    }
  };

  return {
    windowSum,
    push(samples) {
      let i = 0;
      if (odd !== null && samples.length > 0) {
        feed(0.5 * (odd + samples[0]!));
        odd = null;
        i = 1;
      }
      for (; i + 1 < samples.length; i += 2) feed(0.5 * (samples[i]! + samples[i + 1]!));
      if (i < samples.length) odd = samples[i]!;
    },
  };
}

/**
 * The FFT bin range [lo[i], hi[i]] of each of `count` semitones from MIDI `lowMidi` up (the bins within ±½ semitone
 * of it), for a `win`-point FFT at `rate` Hz; a semitone narrower than a bin reads the nearest bin.
 */
export function semitoneBinRanges(lowMidi: number, count: number, win: number, rate: number): { lo: Int32Array; hi: Int32Array } {
  const half = win / 2;
  const lo = new Int32Array(count);
  const hi = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const f = 440 * 2 ** ((lowMidi + i - 69) / 12);
    const a = Math.ceil((f * 2 ** (-1 / 24) * win) / rate);
    const b = Math.floor((f * 2 ** (1 / 24) * win) / rate);
    const near = Math.min(half, Math.max(1, Math.round((f * win) / rate)));
    lo[i] = b >= a ? Math.max(1, a) : near;
    hi[i] = b >= a ? Math.min(half, b) : near;
  }
  return { lo, hi };
}
