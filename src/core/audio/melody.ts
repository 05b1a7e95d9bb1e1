// FOUNDATION §3.7 melody: the tone notes across frames, as MIDI numbers with start/end times.
import type { MelodyNote } from '../report/analysis.ts';

/** A frame counts as a note when its tone share is at least this (percent). */
export const MELODY_MIN_TONE_PCT = 50;
/** Runs shorter than this many frames are blips and dropped. */
export const MELODY_MIN_FRAMES = 2;

/** What melody needs of a frame. */
export interface MelodyFrame {
  index: number;
  t0: number;
  t1: number;
  tonePct: number;
  toneHz: number | null;
}

/** MIDI note number of a frequency: round(69 + 12·log2(f/440)). */
export function hzToMidi(hz: number): number {
  return Math.round(69 + 12 * Math.log2(hz / 440));
}

/**
 * Consecutive frames with the same note merge into one {midi, start, end} (seconds: first frame's t0, last frame's
 * t1); runs under MELODY_MIN_FRAMES are dropped, and two runs of the same note separated only by a dropped blip
 * (or a gap of at most that many frames) are joined.
 */
export function extractMelody(frames: MelodyFrame[]): MelodyNote[] {
  const runs: { midi: number; first: MelodyFrame; last: MelodyFrame; count: number }[] = [];
  for (const f of frames) {
    const note = f.toneHz !== null && f.tonePct >= MELODY_MIN_TONE_PCT && f.toneHz > 0 ? hzToMidi(f.toneHz) : null;
    // MIDI notes are 0–127 (8.2 Hz – 12.5 kHz): a tone outside them is not a note of a melody.
    const midi = note !== null && note >= 0 && note <= 127 ? note : null;
    const run = runs[runs.length - 1];
    if (midi === null) continue;
    if (run && run.midi === midi && f.index === run.last.index + 1) {
      run.last = f;
      run.count++;
    } else runs.push({ midi, first: f, last: f, count: 1 });
  }
  const notes: (MelodyNote & { lastIndex: number })[] = [];
  for (const r of runs) {
    if (r.count < MELODY_MIN_FRAMES) continue;
    const prev = notes[notes.length - 1];
    if (prev && prev.midi === r.midi && r.first.index - prev.lastIndex - 1 <= MELODY_MIN_FRAMES - 1) {
      prev.end = r.last.t1;
      prev.lastIndex = r.last.index;
    } else notes.push({ midi: r.midi, start: r.first.t0, end: r.last.t1, lastIndex: r.last.index });
  }
  return notes.map(({ midi, start, end }) => ({ midi, start, end }));
}
