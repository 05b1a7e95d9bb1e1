// Per-frame values read one frame at a time (issue 18: flat memory). The cut and transition detectors take a reader,
// not an array: the vision timeline hands them its typed columns through frameReader, which makes a frame's object
// only when asked and keeps just the last few made, so a 10-minute file no longer turns into 18,000 objects of each
// kind at its end. An array is a reader too (Array.prototype.at), so tests and small callers pass plain arrays.

/** Frames read by index, 0 to length − 1 (undefined outside); an array satisfies it. */
export interface FrameReader<T> {
  readonly length: number;
  at(i: number): T | undefined;
}

/**
 * Frames made and kept at once (a power of two): the detectors read near a frame, mostly in order (a dissolve's
 * candidates span up to 2 s: 122 frames at 60 f/s), so a frame is made about once up to 127 f/s (past that, more
 * often, with the same result). Kept few, so they die young: a 1,024-frame cache let them live through scavenges
 * into the old generation (18,000 frames' finish in Node: heap reserved 9 → 41 MB with 1,024, → 24 MB with 256).
 */
const KEEP = 256;

/**
 * A reader of `length` frames whose values `make(i)` builds on demand; the last KEEP made are reused (the same object
 * for the same index while kept). Indices outside 0..length − 1, or not integers, read undefined (never negative
 * from the end, unlike Array.prototype.at: the detectors read no negative index).
 */
export function frameReader<T>(length: number, make: (i: number) => T): FrameReader<T> {
  if (!(Number.isInteger(length) && length >= 0)) throw new TypeError(`a reader's length is a whole number, not ${length}`);
  const made: T[] = [];
  const madeAt = new Int32Array(KEEP).fill(-1);
  return {
    length,
    at(i: number): T | undefined {
      if (!(Number.isInteger(i) && i >= 0 && i < length)) return undefined;
      const k = i & (KEEP - 1);
      if (madeAt[k] === i) return made[k] as T;
      const v = make(i);
      made[k] = v;
      madeAt[k] = i;
      return v;
    },
  };
}
