// FOUNDATION §3.7 tempo: autocorrelation of the transient envelope, scored as a comb over several beat periods.
import type { TempoReport } from '../report/analysis.ts';
import { classifyTempo } from '../vocab/sound-time.ts';
import { nextPowerOfTwo, realFft } from './fft.ts';

/** Tempo search range (bpm). */
export const TEMPO_MIN_BPM = 40;
export const TEMPO_MAX_BPM = 240;
/** Comb score (mean normalized autocorrelation at 1..4 beat periods) below which there is no steady pulse. */
export const TEMPO_MIN_SCORE = 0.3;
/** A faster tempo (period / 2, / 3 or / 4) wins over the best one when its score is at least this fraction of the best. */
export const TEMPO_OCTAVE_RATIO = 0.6;
/** Segment length for per-segment tempo (s); a last partial segment is kept when at least half this long. */
export const TEMPO_SEGMENT_S = 4;
/** Envelopes whose mean is below this carry no onsets (steady tones, silence); dB on the transient envelope. */
export const TEMPO_MIN_MEAN_FLUX = 0.05;

/** An onset must exceed the local mean by this: log-magnitude units summed over bins on the flux (mood), dB on the transient envelope (tempo). */
export const ONSET_MIN_FLUX = 1;
/** A steady pulse needs at least this many onsets in the envelope. */
export const TEMPO_MIN_ONSETS = 3;

/** Indices of onsets in an envelope at `rate` Hz: local maxima within ±50 ms that exceed 1.5 × the mean over ±0.5 s plus ONSET_MIN_FLUX. */
export function detectOnsets(envelope: Float32Array, rate: number): number[] {
  const n = envelope.length;
  const near = Math.max(1, Math.round(0.05 * rate));
  const far = Math.max(near, Math.round(0.5 * rate));
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + envelope[i]!;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = envelope[i]!;
    const a = Math.max(0, i - far);
    const b = Math.min(n, i + far + 1);
    if (v < 1.5 * ((prefix[b]! - prefix[a]!) / (b - a)) + ONSET_MIN_FLUX) continue;
    let isMax = true;
    for (let j = Math.max(0, i - near); j <= Math.min(n - 1, i + near) && isMax; j++) {
      if (envelope[j]! > v || (envelope[j]! === v && j < i)) isMax = false;
    }
    if (isMax) out.push(i);
  }
  return out;
}

/** Normalized, unbiased autocorrelation of x (mean removed) for lags 0..maxLag, through an FFT. */
function autocorrelation(x: Float32Array, maxLag: number): Float64Array | null {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i]!;
  mean /= n;
  const size = nextPowerOfTwo(2 * n);
  const fft = realFft(size);
  const buf = new Float64Array(n);
  for (let i = 0; i < n; i++) buf[i] = x[i]! - mean;
  const spec = Float64Array.from(fft.transform(buf).subarray(0, size + 2));
  for (let k = 0; k <= size / 2; k++) {
    spec[2 * k] = spec[2 * k]! ** 2 + spec[2 * k + 1]! ** 2;
    spec[2 * k + 1] = 0;
  }
  const ac = fft.inverseReal(spec, new Float64Array(size));
  const r0 = ac[0]! / n;
  if (!(r0 > 1e-12)) return null;
  const out = new Float64Array(maxLag + 1);
  for (let l = 0; l <= maxLag; l++) out[l] = ac[l]! / (n - l) / r0;
  return out;
}

/** The onset envelope lightly smoothed ([1 2 1]/4 twice), so a click split across two hops still lines up. */
function smooth(x: Float32Array): Float32Array {
  let a = Float32Array.from(x);
  for (let pass = 0; pass < 2; pass++) {
    const b = new Float32Array(a.length);
    for (let i = 0; i < a.length; i++) b[i] = 0.25 * (a[Math.max(0, i - 1)]! + 2 * a[i]! + a[Math.min(a.length - 1, i + 1)]!);
    a = b;
  }
  return a;
}

/** Tempo (bpm) of an onset envelope sampled at `rate` Hz, or null without a steady pulse. */
export function estimateTempo(envelope: Float32Array, rate: number): number | null {
  const n = envelope.length;
  if (n < rate * 1.5) return null;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += envelope[i]!;
  mean /= n;
  if (mean < TEMPO_MIN_MEAN_FLUX || detectOnsets(envelope, rate).length < TEMPO_MIN_ONSETS) return null;
  const e = smooth(envelope);
  // Lags up to half the envelope: beyond that the unbiased autocorrelation rests on too few products, and in hiss a
  // chance peak there made a slow tempo (one long lag) outscore the true one.
  const maxLag = Math.floor(0.5 * n);
  const ac = autocorrelation(e, maxLag);
  if (!ac) return null;
  const at = (lag: number): number => {
    const i = Math.floor(lag);
    const f = lag - i;
    return i + 1 <= maxLag ? ac[i]! * (1 - f) + ac[i + 1]! * f : -1;
  };
  const score = (period: number): number => {
    const K = Math.min(4, Math.floor(maxLag / period));
    if (K < 1) return -1;
    let s = 0;
    for (let k = 1; k <= K; k++) s += at(k * period);
    return s / K;
  };
  const minP = (60 * rate) / TEMPO_MAX_BPM;
  const maxP = Math.min((60 * rate) / TEMPO_MIN_BPM, maxLag);
  const step = 0.1;
  let best = -Infinity;
  let bestP = 0;
  for (let p = minP; p <= maxP; p += step) {
    const s = score(p);
    if (s > best) {
      best = s;
      bestP = p;
    }
  }
  if (best < TEMPO_MIN_SCORE) return null;
  // Octave errors: a pulse at period P also scores at 2P, 3P and 4P (where a bed changing every half second adds to
  // it); prefer the fastest period that scores nearly as well.
  for (let changed = true; changed; ) {
    changed = false;
    for (const div of [4, 3, 2]) {
      const p = bestP / div;
      if (p < minP) continue;
      let localBest = -Infinity;
      let localP = p;
      for (let q = p - 1; q <= p + 1; q += step) {
        const s = score(q);
        if (s > localBest) {
          localBest = s;
          localP = q;
        }
      }
      if (localBest >= TEMPO_OCTAVE_RATIO * best) {
        bestP = localP;
        best = Math.max(best, localBest);
        changed = true;
        break;
      }
    }
  }
  // Parabolic refinement of the comb peak.
  const s0 = score(bestP - step);
  const s1 = score(bestP);
  const s2 = score(bestP + step);
  const den = s0 - 2 * s1 + s2;
  const period = den < 0 ? bestP + (0.5 * step * (s0 - s2)) / den : bestP;
  return (60 * rate) / period;
}

/** Clip and per-segment tempo (FOUNDATION §3.7) of an envelope at `rate` Hz that starts at time 0, for audio `duration` s long. */
export function tempoReport(envelope: Float32Array, rate: number, duration = envelope.length / rate): TempoReport {
  const bpm = estimateTempo(envelope, rate);
  const segments: TempoReport['segments'] = [];
  for (let t0 = 0; t0 < duration; t0 += TEMPO_SEGMENT_S) {
    const t1 = Math.min(duration, t0 + TEMPO_SEGMENT_S);
    if (t1 - t0 < TEMPO_SEGMENT_S / 2 && t0 > 0) break;
    const seg = envelope.subarray(Math.round(t0 * rate), Math.round(t1 * rate));
    const b = estimateTempo(seg, rate);
    segments.push({ t0, t1, bpm: b, label: classifyTempo(b) });
  }
  return { bpm, label: classifyTempo(bpm), segments };
}
