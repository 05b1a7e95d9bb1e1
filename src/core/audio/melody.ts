// FOUNDATION §3.7 melody: the tone notes across frames, as MIDI numbers with start/end times.
import type { MelodyNote } from '../report/analysis.ts';

/** A frame counts as a note when its tone share is at least this (percent). */
export const MELODY_MIN_TONE_PCT = 50;
/** Runs shorter than this many frames are blips and dropped. */
export const MELODY_MIN_FRAMES = 2;
/**
 * A frame continues the note being played while its pitch stays within this many semitones of the note's mean
 * pitch: a steady tone whose frequency lies between two MIDI numbers (60 Hz: 34.5) stays one note, a step of a
 * semitone starts a new one.
 */
export const MELODY_HOLD_SEMITONES = 0.7;
/**
 * Notes of the timeline's melody shorter than this (s) are dropped: a lead note lasts longer, and a frame or two where
 * a chord tone or the bass outweighs the lead makes such slivers (on 48 fluidsynth mixes, precision 0.78 → 0.84 at
 * recall 0.72 → 0.68, onsets ±0.1 s).
 */
export const MELODY_MIN_NOTE_S = 0.1;
/** Two runs of the same note are one note when only this much (s) of sound without any note lies between them (no silence, no other note). */
export const MELODY_MAX_GAP_S = 0.25;

/** What melody needs of a frame. */
export interface MelodyFrame {
  index: number;
  t0: number;
  t1: number;
  tonePct: number;
  toneHz: number | null;
  /** Silent frames end a note; other frames without a note are bridged (MELODY_MAX_GAP_S). */
  silent?: boolean;
  /** The frame's predominant pitch (fractional MIDI, leadPitch): when given, the note's pitch instead of toneHz. */
  leadMidi?: number | null;
}

/**
 * A frame whose strongest tone peak holds at least this share of its energy is one partial: its pitch is tone_hz,
 * measured finer than a harmonic sum can in a short frame (a 60 Hz hum's frames hold 6–8 small peaks besides it).
 */
export const MELODY_ONE_PARTIAL_SHARE = 0.9;

/**
 * Whether a frame's predominant pitch is worth computing: it can carry a note (tone share ≥ MELODY_MIN_TONE_PCT) and
 * is more than one partial (several tone peaks, the strongest under MELODY_ONE_PARTIAL_SHARE of the energy).
 */
export function isMelodyFrame(s: { breakdown: { tone: number } }, e: { peaks: number; topPeakShare: number }): boolean {
  return s.breakdown.tone >= MELODY_MIN_TONE_PCT && e.peaks >= 2 && e.topPeakShare < MELODY_ONE_PARTIAL_SHARE;
}

/** MIDI note number of a frequency: round(69 + 12·log2(f/440)). */
export function hzToMidi(hz: number): number {
  return Math.round(midiPitch(hz));
}

/** Fractional MIDI pitch of a frequency: 69 + 12·log2(f/440). */
function midiPitch(hz: number): number {
  return 69 + 12 * Math.log2(hz / 440);
}

/**
 * A frame's pitch (fractional MIDI), null when it carries no note. With a predominant pitch (leadMidi), the frame's
 * tone_hz refines it when that strongest partial is the lead's h-th harmonic (within half a semitone; a semitone for
 * the fundamental itself): tone_hz / h is
 * measured far more finely than a candidate of the harmonic sum (a 60 Hz hum lies 0.006 semitone from the midpoint
 * of two MIDI numbers).
 */
function framePitch(f: MelodyFrame): number | null {
  if (f.tonePct < MELODY_MIN_TONE_PCT) return null;
  const tone = f.toneHz !== null && f.toneHz > 0 ? midiPitch(f.toneHz) : null;
  if (f.leadMidi == null) return tone;
  if (tone !== null && tone > f.leadMidi - 1) {
    const h = Math.max(1, Math.round(2 ** ((tone - f.leadMidi) / 12)));
    const fromTone = tone - 12 * Math.log2(h);
    // the fundamental itself: the harmonic sum's peak is broad for a low tone in a short frame (±1 semitone at 60 Hz)
    if (Math.abs(fromTone - f.leadMidi) <= (h === 1 ? 1 : 0.5)) return fromTone;
  }
  return f.leadMidi;
}

interface Run {
  first: MelodyFrame;
  last: MelodyFrame;
  count: number;
  pitchSum: number;
  /** A silent frame came after the run's last frame (before the next note frame). */
  silenceAfter: boolean;
}

const meanPitch = (r: Run): number => r.pitchSum / r.count;

/**
 * A frame's pitch is its predominant pitch (leadMidi) when given, else its tone_hz; frames with a tone share under
 * MELODY_MIN_TONE_PCT carry none. Consecutive frames whose pitch stays within MELODY_HOLD_SEMITONES of the run's mean merge into one
 * {midi, start, end} (midi = the rounded mean pitch; seconds: first frame's t0, last frame's t1); runs under
 * MELODY_MIN_FRAMES are dropped, and two runs of the same note are joined when only sound without a note (no silence)
 * of at most MELODY_MAX_GAP_S lies between them, or a dropped blip of at most MELODY_MIN_FRAMES − 1 frames. Notes
 * shorter than `minNoteS` seconds are dropped last (the timeline passes MELODY_MIN_NOTE_S).
 */
export function extractMelody(frames: MelodyFrame[], minNoteS = 0): MelodyNote[] {
  const runs: Run[] = [];
  for (const f of frames) {
    const run = runs[runs.length - 1];
    const pitch = framePitch(f);
    // MIDI notes are 0–127 (8.2 Hz – 12.5 kHz): a tone outside them is not a note of a melody.
    if (pitch === null || Math.round(pitch) < 0 || Math.round(pitch) > 127) {
      if (run && f.silent) run.silenceAfter = true;
      continue;
    }
    if (run && !run.silenceAfter && f.index === run.last.index + 1 && Math.abs(pitch - meanPitch(run)) <= MELODY_HOLD_SEMITONES) {
      run.last = f;
      run.count++;
      run.pitchSum += pitch;
    } else runs.push({ first: f, last: f, count: 1, pitchSum: pitch, silenceAfter: false });
  }
  const notes: (MelodyNote & { lastIndex: number; pitchSum: number; count: number; silenceAfter: boolean; lastT1: number })[] = [];
  for (const r of runs) {
    if (r.count < MELODY_MIN_FRAMES) {
      const prev = notes[notes.length - 1];
      if (prev && r.silenceAfter) prev.silenceAfter = true;
      continue;
    }
    const prev = notes[notes.length - 1];
    const midi = Math.round(meanPitch(r));
    const gapFrames = prev ? r.first.index - prev.lastIndex - 1 : Infinity;
    const sameNote = prev !== undefined && Math.abs(meanPitch(r) - prev.pitchSum / prev.count) <= MELODY_HOLD_SEMITONES;
    const bridged = prev !== undefined && (gapFrames <= MELODY_MIN_FRAMES - 1 || (!prev.silenceAfter && r.first.t0 - prev.lastT1 <= MELODY_MAX_GAP_S));
    if (prev && sameNote && bridged) {
      prev.end = r.last.t1;
      prev.lastT1 = r.last.t1;
      prev.lastIndex = r.last.index;
      prev.pitchSum += r.pitchSum;
      prev.count += r.count;
      prev.midi = Math.round(prev.pitchSum / prev.count);
      prev.silenceAfter = r.silenceAfter;
    } else notes.push({ midi, start: r.first.t0, end: r.last.t1, lastIndex: r.last.index, pitchSum: r.pitchSum, count: r.count, silenceAfter: r.silenceAfter, lastT1: r.last.t1 });
  }
  return notes.filter((n) => n.end - n.start >= minNoteS).map(({ midi, start, end }) => ({ midi, start, end }));
}

/** A note's start moves to the strongest onset this far (s) before the frame where its pitch first won… */
export const MELODY_ONSET_BEFORE_S = 0.08;
/** …or this far (s) after it: the attack precedes the frame in which the new pitch outweighs the last one. */
export const MELODY_ONSET_AFTER_S = 0.03;

/**
 * Notes whose starts are moved to the attack: the strongest peak of the onset strength (`strength`, at `rate` Hz,
 * value m at time `t0 + m / rate`) within MELODY_ONSET_BEFORE_S before to MELODY_ONSET_AFTER_S after the note's
 * frame-quantised start, never before the previous note's end nor past the note's own end. A note's pitch wins a frame
 * only once its partials outweigh the last note's ringing, a frame (33 ms at 30 fps) or more after the attack; the
 * onset strength is measured every 5 ms. Without a peak there (a swell, a legato change) the start stays.
 */
export function snapNoteStarts(notes: readonly MelodyNote[], strength: ArrayLike<number>, rate: number, t0 = 0): MelodyNote[] {
  const out: MelodyNote[] = [];
  for (const n of notes) {
    const prevEnd = out.length ? out[out.length - 1]!.end : -Infinity;
    const lo = Math.max(1, Math.ceil((Math.max(prevEnd, n.start - MELODY_ONSET_BEFORE_S) - t0) * rate));
    const hi = Math.min(strength.length - 2, Math.floor((Math.min(n.end, n.start + MELODY_ONSET_AFTER_S) - t0) * rate));
    let best = -1;
    let bestV = 0;
    for (let m = lo; m <= hi; m++) {
      const v = strength[m]!;
      if (v > bestV && v >= strength[m - 1]! && v >= strength[m + 1]!) {
        bestV = v;
        best = m;
      }
    }
    out.push(best >= 0 ? { ...n, start: t0 + best / rate } : { ...n });
  }
  return out;
}
