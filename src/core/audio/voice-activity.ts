// FOUNDATION §3.7 speech: a voice-activity detector from per-frame features, the syllabic modulation of the speech
// band, and the pitch contour. Music is as voiced and as modulated as speech (notes start and stop at syllable rates,
// sung and vocal-like timbres are harmonic with formants), but a note holds its pitch: from one frame to the next a
// played or sung note moves by hundredths of a semitone and jumps between notes, while a voice glides through every
// voiced stretch (intonation moves tenths of a semitone per 33 ms frame). And the notes of a piece share one tuning:
// their pitches sit on a grid of semitones (whatever its offset from A440), while a voice's pitch falls anywhere. So
// speech needs a pitch that is mostly not steady from frame to frame and not on a common semitone grid. In a dense
// band mix (bass, chords, lead) the pitch estimate wanders between the notes, neither held nor on the grid; but one
// voice has one periodicity while such a mix has several, so speech also needs most voiced frames to have no rival
// autocorrelation peak off the multiples of their period.
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
/** Consecutive voiced-like frames whose pitch moves less than this (semitones) hold a note. */
export const VAD_STEADY_SEMITONES = 0.12;
/** Moves larger than this (semitones) are jumps (a new note, an octave slip of the estimate), left out of the count. */
export const VAD_JUMP_SEMITONES = 1.5;
/** Speech: at most this share of the voiced pairs within ±VAD_PITCH_SPAN_S hold a note (measured: speech 0.14–0.46 per clip, music 0.5–1). */
export const VAD_MAX_STEADY_SHARE = 0.6;
/** Half-span (s) of the pitch-steadiness neighbourhood. */
export const VAD_PITCH_SPAN_S = 1;
/** Fewer voiced pairs than this in the neighbourhood say nothing about the contour (no veto). */
export const VAD_MIN_PITCH_PAIRS = 6;
/**
 * Notes on a grid: the pitches (semitones, fractional part as an angle) of the voiced frames within ±VAD_PITCH_SPAN_S
 * have a mean resultant length above this (0 spread evenly, 1 all on one grid; measured per clip: speech 0.10–0.44
 * median, music that the other tests let through 0.5–0.98; 0.6 left two band mixes at 30–42 %, 0.5 brings them to 14–23 %).
 */
export const VAD_MAX_GRID_ALIGNMENT = 0.5;
/** Fewer voiced frames with a pitch than this in the neighbourhood say nothing about a grid or polyphony (no veto). */
export const VAD_MIN_GRID_FRAMES = 8;
/** A voiced frame whose autocorrelation has a peak off the pitch period's multiples at least this share of the pitch's own is polyphonic (several periodicities at once). */
export const VAD_RIVAL_SHARE = 0.8;
/**
 * Several notes at once: more than this share of the voiced frames within ±VAD_PITCH_SPAN_S are polyphonic (measured
 * on the frames the other tests call speech, per clip 10th–90th percentile: speech 0–0.42 clean or over music 10–20 dB
 * under, dense band mixes 0.81–0.96).
 */
export const VAD_MAX_POLYPHONIC_SHARE = 0.6;

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
  /** The frame's pitch (Hz) from the autocorrelation; 0 when not measured or none. */
  pitchHz: number;
  /** Best autocorrelation peak at a lag that is not a multiple of the pitch period, as a share of the pitch's (0 when none). */
  pitchRival: number;
}

/**
 * The frames the detector reads, one typed array per value (issue 18: no object per frame of a long file; the sound
 * timeline hands its own columns over). Every array holds at least `length` values; `silent` is 1 for a silent frame.
 */
export interface VadFrames {
  length: number;
  t0: Float64Array;
  t1: Float64Array;
  silent: Uint8Array;
  speechBand: Float64Array;
  harmonicity: Float64Array;
  topPeakShare: Float64Array;
  peaks: Float64Array;
  pitchHz: Float64Array;
  pitchRival: Float64Array;
}

/** VadFrames holding the values of `frames` (for callers with frame objects). */
export function vadFramesOf(frames: readonly VadFrame[]): VadFrames {
  const col = (of: (f: VadFrame) => number) => Float64Array.from(frames, of);
  return {
    length: frames.length,
    t0: col((f) => f.t0),
    t1: col((f) => f.t1),
    silent: Uint8Array.from(frames, (f) => (f.silent ? 1 : 0)),
    speechBand: col((f) => f.speechBand),
    harmonicity: col((f) => f.harmonicity),
    topPeakShare: col((f) => f.topPeakShare),
    peaks: col((f) => f.peaks),
    pitchHz: col((f) => f.pitchHz),
    pitchRival: col((f) => f.pitchRival),
  };
}

/** Whether a frame can be voiced whatever its harmonicity (so harmonicity is only computed for these). */
export function mayBeVoiced(e: { speechBand: number; topPeakShare: number }): boolean {
  return e.topPeakShare < VAD_MAX_TOP_PEAK_SHARE && e.speechBand >= 0.15;
}

/** Whether a frame looks voiced on its own. */
export function isVoicedLike(f: VadFrame): boolean {
  return !f.silent && f.harmonicity >= VAD_MIN_HARMONICITY && mayBeVoiced(f);
}

/** isVoicedLike of frame i of the columns. */
function voicedAt(f: VadFrames, i: number): boolean {
  return f.silent[i] !== 1 && f.harmonicity[i]! >= VAD_MIN_HARMONICITY && f.topPeakShare[i]! < VAD_MAX_TOP_PEAK_SHARE && f.speechBand[i]! >= 0.15;
}

/**
 * Per-frame speech decision. `bandDb` is the speech-band level per envelope hop at `rate` Hz, value m at time
 * m / rate (s, same clock as the frames' t0/t1).
 */
export function detectSpeech(frames: VadFrames, bandDb: Float32Array, rate: number): boolean[] {
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
  const nf = frames.length;
  const voiced = new Uint8Array(nf);
  for (let i = 0; i < nf; i++) voiced[i] = voicedAt(frames, i) ? 1 : 0;
  const spans = pitchSpans(frames);
  const notes = holdsNotes(spans, steadyPairs(frames, voiced));
  const grid = onSemitoneGrid(frames, spans, voiced);
  const chords = polyphonic(frames, spans, voiced);
  const out: boolean[] = [];
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < nf; i++) {
    const c = 0.5 * (frames.t0[i]! + frames.t1[i]!);
    while (lo < nf && frames.t1[lo]! < c - 0.5) lo++;
    while (hi < nf && frames.t0[hi]! <= c + 0.5) hi++;
    if (frames.silent[i] === 1) {
      out.push(false);
      continue;
    }
    let v = 0;
    let bandSum = 0;
    let loud = 0;
    for (let j = lo; j < hi; j++) {
      if (voiced[j]) v++;
      if (frames.silent[j] !== 1) {
        bandSum += frames.speechBand[j]!;
        loud++;
      }
    }
    out.push(v / (hi - lo) >= VAD_MIN_VOICED_SHARE && bandSum / Math.max(1, loud) >= VAD_MIN_BAND_SHARE && modulation(c) >= VAD_MIN_MODULATION_DB && !notes[i] && !grid[i] && !chords[i]);
  }
  return out;
}

/** Per frame: 1 when it and the frame before are voiced-like with a steady pitch, 0 when they glide, −1 when not a measured pair (or a jump). */
function steadyPairs(frames: VadFrames, voiced: Uint8Array): Int8Array {
  const out = new Int8Array(frames.length).fill(-1);
  for (let i = 1; i < frames.length; i++) {
    const a = frames.pitchHz[i - 1]!;
    const b = frames.pitchHz[i]!;
    if (!voiced[i] || !voiced[i - 1] || !(a > 0 && b > 0)) continue;
    const d = Math.abs(12 * Math.log2(b / a));
    if (d >= VAD_JUMP_SEMITONES) continue;
    out[i] = d < VAD_STEADY_SEMITONES ? 1 : 0;
  }
  return out;
}

/** Per frame i, the frames [lo[i], hi[i]) within ±VAD_PITCH_SPAN_S of its centre: the window both pitch checks sum over. */
interface PitchSpans {
  lo: Int32Array;
  hi: Int32Array;
}

function pitchSpans(frames: VadFrames): PitchSpans {
  const n = frames.length;
  const spans = { lo: new Int32Array(n), hi: new Int32Array(n) };
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < n; i++) {
    const c = 0.5 * (frames.t0[i]! + frames.t1[i]!);
    while (lo < n && frames.t1[lo]! < c - VAD_PITCH_SPAN_S) lo++;
    while (hi < n && frames.t0[hi]! <= c + VAD_PITCH_SPAN_S) hi++;
    spans.lo[i] = lo;
    spans.hi[i] = hi;
  }
  return spans;
}

/** Per frame: whether the voiced pairs within ±VAD_PITCH_SPAN_S of its centre mostly hold a steady pitch (notes, not a voice). */
function holdsNotes(spans: PitchSpans, steady: Int8Array): boolean[] {
  return markedShareOverSpans(spans, steady.length, (j) => steady[j]! >= 0, (j) => steady[j]! > 0, VAD_MIN_PITCH_PAIRS, VAD_MAX_STEADY_SHARE);
}

/**
 * Per frame: whether, of the frames within its span that `counted` accepts, at least `minCount` are there and more
 * than `maxShare` are `marked` (a marked frame is always a counted one). Prefix sums: one pass, whatever the span.
 */
function markedShareOverSpans(spans: PitchSpans, n: number, counted: (j: number) => boolean, marked: (j: number) => boolean, minCount: number, maxShare: number): boolean[] {
  const count = new Int32Array(n + 1);
  const hits = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) {
    count[j + 1] = count[j]! + (counted(j) ? 1 : 0);
    hits[j + 1] = hits[j]! + (marked(j) ? 1 : 0);
  }
  const out: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const [lo, hi] = [spans.lo[i]!, spans.hi[i]!];
    const k = count[hi]! - count[lo]!;
    out.push(k >= minCount && (hits[hi]! - hits[lo]!) / k > maxShare);
  }
  return out;
}

/** Per frame: whether the pitches of the voiced-like frames within ±VAD_PITCH_SPAN_S of its centre sit on one semitone grid. */
function onSemitoneGrid(frames: VadFrames, spans: PitchSpans, voiced: Uint8Array): boolean[] {
  const n = frames.length;
  const cs = new Float64Array(n + 1);
  const sn = new Float64Array(n + 1);
  const count = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) {
    const hz = frames.pitchHz[j]!;
    const on = voiced[j] === 1 && hz > 0;
    const angle = on ? 2 * Math.PI * 12 * Math.log2(hz / 440) : 0; // a whole semitone is a whole turn
    cs[j + 1] = cs[j]! + (on ? Math.cos(angle) : 0);
    sn[j + 1] = sn[j]! + (on ? Math.sin(angle) : 0);
    count[j + 1] = count[j]! + (on ? 1 : 0);
  }
  const out: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const [lo, hi] = [spans.lo[i]!, spans.hi[i]!];
    const k = count[hi]! - count[lo]!;
    out.push(k >= VAD_MIN_GRID_FRAMES && Math.hypot(cs[hi]! - cs[lo]!, sn[hi]! - sn[lo]!) / k > VAD_MAX_GRID_ALIGNMENT);
  }
  return out;
}

/**
 * Per frame: whether most voiced-like frames within ±VAD_PITCH_SPAN_S of its centre hear several periodicities at once
 * (a band's bass, chords and lead), not one voice's. In a dense mix the pitch estimate wanders between the notes by
 * tenths of a semitone, so it is neither held nor on the grid; but the autocorrelation then has a peak off the
 * multiples of the chosen period nearly as high as the period's own, where a voice's repeat only at its period.
 */
function polyphonic(frames: VadFrames, spans: PitchSpans, voiced: Uint8Array): boolean[] {
  const on = (j: number) => voiced[j] === 1 && frames.pitchHz[j]! > 0;
  return markedShareOverSpans(spans, frames.length, on, (j) => on(j) && frames.pitchRival[j]! >= VAD_RIVAL_SHARE, VAD_MIN_GRID_FRAMES, VAD_MAX_POLYPHONIC_SHARE);
}
