// Synthetic test signals with known content, seeded so every run is the same.
import seedrandom from 'seedrandom';

export type Rng = () => number;

/** A seeded uniform generator on [0, 1). */
export function rng(seed: string): Rng {
  return seedrandom(seed);
}

/** Standard normal deviates (Box–Muller). */
export function gaussian(r: Rng): () => number {
  return () => {
    const u = Math.max(r(), 1e-300);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
  };
}

/** RMS of a buffer. */
export function rms(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * x[i]!;
  return x.length ? Math.sqrt(s / x.length) : 0;
}

/** Rescale to a target RMS in place; returns x. */
export function scaleToRms(x: Float32Array, target: number): Float32Array {
  const r = rms(x);
  if (r > 0) for (let i = 0; i < x.length; i++) x[i] = (x[i]! * target) / r;
  return x;
}

/** A sine of `hz` and peak amplitude `amp`, n samples. */
export function sine(hz: number, amp: number, sampleRate: number, n: number, phase = 0): Float32Array {
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = amp * Math.sin((2 * Math.PI * hz * i) / sampleRate + phase);
  return x;
}

/** Gaussian white noise with the given RMS. */
export function whiteNoise(n: number, seed: string, targetRms = 0.1): Float32Array {
  const g = gaussian(rng(seed));
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = g();
  return scaleToRms(x, targetRms);
}

/** The one-pole coefficient of the DC blocker used by `brownNoise` for a cutoff in Hz. */
export function brownPole(sampleRate: number, cutoffHz: number): number {
  return Math.exp((-2 * Math.PI * cutoffHz) / sampleRate);
}

/**
 * True brown (1/f²) noise: white noise integrated (running sum), then DC-blocked by a one-pole high-pass
 * y[n] = s[n] − s[n−1] + R·y[n−1]. The two together are the leaky integrator y[n] = R·y[n−1] + w[n],
 * whose power spectrum is 1/(1 − 2R·cos ω + R²): 1/f² above the cutoff, flat below it.
 */
export function brownNoise(n: number, seed: string, sampleRate: number, targetRms = 0.1, cutoffHz = 10): Float32Array {
  const g = gaussian(rng(seed));
  const R = brownPole(sampleRate, cutoffHz);
  const warm = Math.ceil(10 / (1 - R)); // settle into the stationary state before keeping samples
  const x = new Float32Array(n);
  let sum = 0;
  let prevSum = 0;
  let y = 0;
  for (let i = -warm; i < n; i++) {
    sum += g();
    y = sum - prevSum + R * y;
    prevSum = sum;
    if (i >= 0) x[i] = y;
  }
  return scaleToRms(x, targetRms);
}

/** Fraction of brown noise energy below `hz`, from its analytic spectrum (numerical integral over 0..Nyquist). */
export function brownEnergyFractionBelow(hz: number, sampleRate: number, cutoffHz = 10): number {
  const R = brownPole(sampleRate, cutoffHz);
  const psd = (w: number): number => 1 / (1 - 2 * R * Math.cos(w) + R * R);
  const steps = 200_000;
  let below = 0;
  let all = 0;
  const wSplit = (2 * Math.PI * hz) / sampleRate;
  for (let i = 0; i < steps; i++) {
    const w = ((i + 0.5) / steps) * Math.PI;
    const p = psd(w);
    all += p;
    if (w < wSplit) below += p;
  }
  return below / all;
}

/** n samples of digital zero. */
export function silence(n: number): Float32Array {
  return new Float32Array(n);
}

/** Sum of independent parts, each rescaled so its energy is `energy` × total (energies of independent signals add). */
export function mixEnergies(parts: { signal: Float32Array; energy: number }[], totalRms = 0.2): Float32Array {
  const n = parts[0]!.signal.length;
  const out = new Float32Array(n);
  for (const p of parts) {
    const scaled = scaleToRms(Float32Array.from(p.signal), totalRms * Math.sqrt(p.energy));
    for (let i = 0; i < n; i++) out[i] = out[i]! + scaled[i]!;
  }
  return out;
}

/** Click times (s) for consecutive sections of steady tempo; each section's first click is `offset` s after its start. */
export function clickTimes(sections: { bpm: number; seconds: number }[], offset = 0.05): number[] {
  const times: number[] = [];
  let start = 0;
  for (const s of sections) {
    const period = 60 / s.bpm;
    for (let t = start + offset; t < start + s.seconds - 1e-9; t += period) times.push(t);
    start += s.seconds;
  }
  return times;
}

/** A click track: each click a 10 ms decaying burst of a 2 kHz tone plus noise, at the given times (s). */
export function clickTrack(times: number[], seconds: number, sampleRate: number, amp = 0.5, seed = 'clicks'): Float32Array {
  const n = Math.round(seconds * sampleRate);
  const x = new Float32Array(n);
  const g = gaussian(rng(seed));
  const len = Math.round(0.01 * sampleRate);
  for (const t of times) {
    const s0 = Math.round(t * sampleRate);
    for (let i = 0; i < len && s0 + i < n; i++) {
      const env = Math.exp(-i / (0.002 * sampleRate));
      x[s0 + i] = x[s0 + i]! + amp * env * (0.7 * Math.sin((2 * Math.PI * 2000 * i) / sampleRate) + 0.3 * g());
    }
  }
  return x;
}

/** Frequency (Hz) of a MIDI note. */
export function midiToHz(midi: number): number {
  return 440 * 2 ** ((midi - 69) / 12);
}

/** A melody of sine notes (5 ms fades at each end), silence between notes. */
export function melody(notes: { midi: number; start: number; end: number }[], seconds: number, sampleRate: number, amp = 0.3): Float32Array {
  const x = new Float32Array(Math.round(seconds * sampleRate));
  const fade = Math.round(0.005 * sampleRate);
  for (const note of notes) {
    const hz = midiToHz(note.midi);
    const s0 = Math.round(note.start * sampleRate);
    const s1 = Math.min(x.length, Math.round(note.end * sampleRate));
    for (let i = s0; i < s1; i++) {
      const g = Math.min(1, (i - s0) / fade, (s1 - i) / fade);
      x[i] = amp * g * Math.sin((2 * Math.PI * hz * (i - s0)) / sampleRate);
    }
  }
  return x;
}

/** Tone bursts: `hz` sine switched on for `onSeconds` every `periodSeconds`, starting at 0. */
export function toneBursts(hz: number, onSeconds: number, periodSeconds: number, seconds: number, sampleRate: number, amp = 0.3): Float32Array {
  const x = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < x.length; i++) {
    const t = i / sampleRate;
    if (t % periodSeconds < onSeconds) x[i] = amp * Math.sin(2 * Math.PI * hz * t);
  }
  return x;
}

/** The audio frames of FOUNDATION §1: frame i holds the samples whose time n/sampleRate lies in [i/fps, (i+1)/fps). */
export function audioFrames(x: Float32Array, sampleRate: number, fps: number): { index: number; t0: number; t1: number; samples: Float32Array }[] {
  const out: { index: number; t0: number; t1: number; samples: Float32Array }[] = [];
  for (let i = 0; ; i++) {
    const s0 = Math.ceil((i * sampleRate) / fps - 1e-9);
    const s1 = Math.min(x.length, Math.ceil(((i + 1) * sampleRate) / fps - 1e-9));
    if (s0 >= x.length) break;
    out.push({ index: i, t0: i / fps, t1: (i + 1) / fps, samples: x.subarray(s0, s1) });
  }
  return out;
}

/** Parse a PCM WAV (8/16/24/32-bit integer or 32-bit float), mixing channels down to mono on −1..1. */
export function parseWav(buf: Uint8Array): { sampleRate: number; samples: Float32Array } {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const tag = (o: number): string => String.fromCharCode(buf[o]!, buf[o + 1]!, buf[o + 2]!, buf[o + 3]!);
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new TypeError('not a WAV file');
  let off = 12;
  let format = 0;
  let channels = 0;
  let sampleRate = 0;
  let bits = 0;
  while (off + 8 <= buf.length) {
    const id = tag(off);
    let size = dv.getUint32(off + 4, true);
    const body = off + 8;
    if (id === 'fmt ') {
      format = dv.getUint16(body, true);
      channels = dv.getUint16(body + 2, true);
      sampleRate = dv.getUint32(body + 4, true);
      bits = dv.getUint16(body + 14, true);
      if (format === 0xfffe) format = dv.getUint16(body + 24, true);
    } else if (id === 'data') {
      // espeak-ng writing to a pipe leaves the size at 0xffffffff: take the rest of the file
      if (size === 0xffffffff || body + size > buf.length) size = buf.length - body;
      const bps = bits / 8;
      const frames = Math.floor(size / (bps * channels));
      const out = new Float32Array(frames);
      for (let f = 0; f < frames; f++) {
        let acc = 0;
        for (let c = 0; c < channels; c++) {
          const p = body + (f * channels + c) * bps;
          if (format === 3 && bits === 32) acc += dv.getFloat32(p, true);
          else if (bits === 16) acc += dv.getInt16(p, true) / 32768;
          else if (bits === 24) acc += (((dv.getUint8(p + 2) << 24) | (dv.getUint8(p + 1) << 16) | (dv.getUint8(p) << 8)) >> 8) / 8388608;
          else if (bits === 32) acc += dv.getInt32(p, true) / 2147483648;
          else if (bits === 8) acc += (dv.getUint8(p) - 128) / 128;
          else throw new TypeError(`unsupported WAV sample format ${format}/${bits}`);
        }
        out[f] = acc / channels;
      }
      return { sampleRate, samples: out };
    }
    off = body + size + (size & 1);
  }
  throw new TypeError('WAV has no data chunk');
}

/**
 * Ground truth for a frame of noise: the energy (Σx²) of samples [s0, s1) of x after an ideal low-pass and high-pass
 * split at `hz`, done by one FFT over the whole of x (so the frame's edges do not smear the split).
 */
export function bandSplitEnergy(x: Float32Array, sampleRate: number, hz: number, s0: number, s1: number): { low: number; high: number } {
  let size = 2;
  while (size < x.length) size *= 2;
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  re.set(x);
  fftInPlace(re, im, false);
  const cut = Math.round((hz * size) / sampleRate);
  const lowRe = new Float64Array(size);
  const lowIm = new Float64Array(size);
  for (let k = 0; k < size; k++) {
    const f = Math.min(k, size - k);
    if (f < cut) {
      lowRe[k] = re[k]!;
      lowIm[k] = im[k]!;
    }
  }
  fftInPlace(lowRe, lowIm, true);
  let low = 0;
  let high = 0;
  for (let i = s0; i < s1; i++) {
    const l = lowRe[i]! / size;
    const h = x[i]! - l;
    low += l * l;
    high += h * h;
  }
  return { low, high };
}

/** Iterative radix-2 complex FFT (independent of the code under test). */
function fftInPlace(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = ((inverse ? 2 : -2) * Math.PI) / len;
    const wr = Math.cos(ang);
    const wi = Math.sin(ang);
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const ar = re[i + k + len / 2]! * cr - im[i + k + len / 2]! * ci;
        const ai = re[i + k + len / 2]! * ci + im[i + k + len / 2]! * cr;
        re[i + k + len / 2] = re[i + k]! - ar;
        im[i + k + len / 2] = im[i + k]! - ai;
        re[i + k] = re[i + k]! + ar;
        im[i + k] = im[i + k]! + ai;
        const t = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = t;
      }
    }
  }
}
