// FOUNDATION §3.7 speech: a voice-activity detector from per-frame features and the syllabic modulation of the speech band.
import { SPEECH_BAND_HZ } from './frame-sound.ts';

/** A frame is voiced-like at this pitch autocorrelation (80–400 Hz lags) or above. */
export const VAD_MIN_HARMONICITY = 0.5;
/** …with its strongest tone peak holding less than this share of the energy (a voice spreads it over harmonics and formants; a pure tone does not). */
export const VAD_MAX_TOP_PEAK_SHARE = 0.6;
/** Syllabic modulation: std (dB) of the 2–8 Hz part of the speech-band level over ±0.5 s, at least this. */
export const VAD_MIN_MODULATION_DB = 4;
/** Share of voiced-like frames within ±0.5 s needed. */
export const VAD_MIN_VOICED_SHARE = 0.25;
/** Mean share of energy in the speech band (SPEECH_BAND_HZ) over the non-silent frames within ±0.5 s needed. */
export const VAD_MIN_BAND_SHARE = 0.3;
/** Band level floor (dB) before measuring modulation, so digital silence between sounds does not count as depth. */
export const VAD_BAND_FLOOR_DB = -70;

export { SPEECH_BAND_HZ };

/** What the detector reads of a frame. */
export interface VadFrame {
  t0: number;
  t1: number;
  silent: boolean;
  speechBand: number;
  harmonicity: number;
  topPeakShare: number;
  peaks: number;
}

/** Whether a frame can be voiced whatever its harmonicity (so harmonicity is only computed for these). */
export function mayBeVoiced(e: { speechBand: number; topPeakShare: number }): boolean {
  return e.topPeakShare < VAD_MAX_TOP_PEAK_SHARE && e.speechBand >= 0.15;
}

/** Whether a frame looks voiced on its own. */
export function isVoicedLike(f: VadFrame): boolean {
  return !f.silent && f.harmonicity >= VAD_MIN_HARMONICITY && mayBeVoiced(f);
}

/**
 * Per-frame speech decision. `bandDb` is the speech-band level per envelope hop at `rate` Hz, value m at time
 * m / rate (s, same clock as the frames' t0/t1).
 */
export function detectSpeech(frames: VadFrame[], bandDb: Float32Array, rate: number): boolean[] {
  const n = bandDb.length;
  // 2–8 Hz band-pass as a difference of moving averages: 1/16 s (removes > ~10 Hz) minus 1/2 s (removes < 2 Hz).
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + Math.max(VAD_BAND_FLOOR_DB, bandDb[i]!);
  const ma = (i: number, half: number): number => {
    const a = Math.max(0, i - half);
    const b = Math.min(n, i + half + 1);
    return (prefix[b]! - prefix[a]!) / (b - a);
  };
  const hs = Math.max(1, Math.round(rate / 32));
  const hl = Math.max(hs + 1, Math.round(rate / 4));
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = ma(i, hs) - ma(i, hl);
  const p1 = new Float64Array(n + 1);
  const p2 = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    p1[i + 1] = p1[i]! + d[i]!;
    p2[i + 1] = p2[i]! + d[i]! * d[i]!;
  }
  const modulation = (t: number): number => {
    const a = Math.max(0, Math.round((t - 0.5) * rate));
    const b = Math.min(n, Math.round((t + 0.5) * rate));
    if (b - a < 2) return 0;
    const m = (p1[b]! - p1[a]!) / (b - a);
    return Math.sqrt(Math.max(0, (p2[b]! - p2[a]!) / (b - a) - m * m));
  };
  const voiced = frames.map(isVoicedLike);
  const out: boolean[] = [];
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i]!;
    const c = 0.5 * (f.t0 + f.t1);
    while (lo < frames.length && frames[lo]!.t1 < c - 0.5) lo++;
    while (hi < frames.length && frames[hi]!.t0 <= c + 0.5) hi++;
    if (f.silent) {
      out.push(false);
      continue;
    }
    let v = 0;
    let bandSum = 0;
    let loud = 0;
    for (let j = lo; j < hi; j++) {
      if (voiced[j]) v++;
      if (!frames[j]!.silent) {
        bandSum += frames[j]!.speechBand;
        loud++;
      }
    }
    out.push(v / (hi - lo) >= VAD_MIN_VOICED_SHARE && bandSum / Math.max(1, loud) >= VAD_MIN_BAND_SHARE && modulation(c) >= VAD_MIN_MODULATION_DB);
  }
  return out;
}
