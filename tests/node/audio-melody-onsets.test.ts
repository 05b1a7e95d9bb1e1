// Note starts moved to the attack (snapNoteStarts): the strongest onset-strength peak shortly before or after the
// frame where the note's pitch first won.
import { describe, expect, it } from 'vitest';
import { MELODY_ONSET_AFTER_S, MELODY_ONSET_BEFORE_S, snapNoteStarts } from '../../src/core/audio/melody.ts';

const RATE = 200;
/** An onset strength of `seconds` with peaks (time, height), each a 3-value triangle. */
function strength(seconds: number, peaks: [number, number][]): Float64Array {
  const x = new Float64Array(Math.round(seconds * RATE));
  for (const [t, h] of peaks) {
    const m = Math.round(t * RATE);
    x[m] = h;
    x[m - 1] = Math.max(x[m - 1]!, h / 2);
    x[m + 1] = Math.max(x[m + 1]!, h / 2);
  }
  return x;
}

describe('snapNoteStarts', () => {
  it('moves a start to the strongest peak in its window, keeps it without one, never before the last note’s end', () => {
    const s = strength(3, [[0.45, 2], [0.48, 5], [1.2, 4], [2.0, 3]]);
    const notes = [
      { midi: 60, start: 0.5333, end: 1.0 }, // peaks at 0.45 and 0.48 lie in its window: the stronger wins
      { midi: 62, start: 1.5, end: 1.9 }, // nothing within the window (1.2 is 0.3 s before)
      { midi: 64, start: 2.0333, end: 2.5 }, // its peak at 2.0 comes after the previous end (1.9)
    ];
    const got = snapNoteStarts(notes, s, RATE);
    expect(got[0]!.start).toBeCloseTo(0.48, 6);
    expect(got[1]!.start).toBe(1.5);
    expect(got[2]!.start).toBeCloseTo(2.0, 6);
    expect(got.map((n) => [n.midi, n.end])).toEqual(notes.map((n) => [n.midi, n.end]));
    // a peak before the previous note's end is not taken
    const overlap = snapNoteStarts([{ midi: 60, start: 0.2, end: 0.47 }, { midi: 62, start: 0.5, end: 0.9 }], strength(1, [[0.45, 5]]), RATE);
    expect(overlap[1]!.start).toBe(0.5);
  });

  it('honours the window bounds and the envelope clock offset', () => {
    const s = strength(2, [[0.5, 3]]);
    const before = 0.5 + MELODY_ONSET_BEFORE_S - 0.01; // peak just inside the "before" reach
    expect(snapNoteStarts([{ midi: 60, start: before, end: 1 }], s, RATE)[0]!.start).toBeCloseTo(0.5, 6);
    const tooLate = 0.5 + MELODY_ONSET_BEFORE_S + 0.02;
    expect(snapNoteStarts([{ midi: 60, start: tooLate, end: 1 }], s, RATE)[0]!.start).toBe(tooLate);
    const after = 0.5 - MELODY_ONSET_AFTER_S + 0.01;
    expect(snapNoteStarts([{ midi: 60, start: after, end: 1 }], s, RATE)[0]!.start).toBeCloseTo(0.5, 6);
    // an envelope whose value 0 is at t = 10 s
    expect(snapNoteStarts([{ midi: 60, start: 10.53, end: 11 }], s, RATE, 10)[0]!.start).toBeCloseTo(10.5, 6);
  });
});
