// The detectors read their frames through a FrameReader (issue 18: no object per frame kept at the end of a long
// file). The reader itself, and the detectors' results through it equal to their results on the same frames as arrays:
// random change measures and looks built around planted cuts, flashes, fades and dissolves, so every branch is reached.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameReader } from '../../src/core/vision/frame-reader.ts';
import { detectCuts, type FrameChange } from '../../src/core/vision/shots.ts';
import { detectTransitions, GRID_COLS, GRID_ROWS, type FrameLook, type PairCamera } from '../../src/core/vision/transitions.ts';

const CELLS = GRID_COLS * GRID_ROWS;

describe('frameReader', () => {
  it('makes a frame when read, once while it is kept, and reads undefined outside the frames', () => {
    const made: number[] = [];
    const r = frameReader(5000, (i) => {
      made.push(i);
      return { i };
    });
    expect(r.length).toBe(5000);
    const a = r.at(7);
    expect(r.at(7)).toBe(a);
    expect(a).toEqual({ i: 7 });
    for (let i = 0; i < 5000; i++) expect(r.at(i)?.i).toBe(i);
    // every frame made once reading in order (7 was still kept when reached) …
    expect(made.length).toBe(5000);
    expect(r.at(4999)).toBe(r.at(4999));
    expect(made.length).toBe(5000);
    // … and made again only once it fell out of the kept ones (256 frames later)
    expect(r.at(7)).not.toBe(a);
    expect(made.length).toBe(5001);
    for (const i of [-1, 5000, 1.5, NaN, Infinity]) expect(r.at(i)).toBeUndefined();
    expect(made.length).toBe(5001);
  });
  it('refuses a length that is not a whole number', () => {
    for (const n of [-1, 1.5, NaN, Infinity]) expect(() => frameReader(n, () => 0)).toThrow(TypeError);
    expect(frameReader(0, () => 0).at(0)).toBeUndefined();
  });
});

/** A deterministic generator from a seed. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/**
 * Change measures of frames whose content is a number: a cut starts a new number, a flash shows another one for 1–3
 * frames and comes back, a relight keeps the structure but moves the histogram; quiet noise otherwise, NaN where a
 * lag reaches before frame 0.
 */
function changes(n: number, seed: number): FrameChange[] {
  const rnd = rng(seed);
  const content: number[] = [];
  const lit: number[] = [];
  let c = 0, l = 0;
  for (let i = 0; i < n; i++) {
    const e = rnd();
    if (e < 0.03) c = 1000 + i;
    else if (e < 0.05) {
      const len = 1 + Math.floor(3 * rnd());
      for (let k = 0; k < len && content.length < n - 1; k++) {
        content.push(-1 - i);
        lit.push(l);
      }
    } else if (e < 0.06) l++;
    content.push(c);
    lit.push(l);
  }
  content.length = lit.length = n;
  const quiet = () => 0.002 + 0.01 * rnd();
  const big = () => 0.35 + 0.4 * rnd();
  return content.map((ci, i) => {
    const lag = (k: number, byLight: boolean) => (i - k - 1 < 0 ? NaN : content[i - k - 1] !== ci || (byLight && lit[i - k - 1] !== lit[i]) ? big() : quiet());
    const moved = i > 0 && content[i - 1] !== ci;
    return {
      thumb: [0, 1, 2, 3].map((k) => lag(k, false)),
      hist: [0, 1, 2, 3].map((k) => lag(k, true)),
      decorrelation: i === 0 ? NaN : moved ? 0.4 + 0.5 * rnd() : quiet(),
      structured: rnd() > 0.05,
      extent: moved || (i > 0 && lit[i - 1] !== lit[i]) ? 0.5 + 0.5 * rnd() : 0.05 * rnd(),
      shift: i === 0 ? NaN : 0.01 * rnd(),
    };
  });
}

/** Shots of random pictures joined by cuts, fades to and from black, dissolves and camera moves. */
function looks(n: number, seed: number): { looks: FrameLook[]; motion: (PairCamera | null)[] } {
  const rnd = rng(seed);
  const picture = () => ({ grid: Array.from({ length: CELLS }, () => 30 + 190 * rnd()), std: Array.from({ length: CELLS }, () => 4 + 30 * rnd()), edge: Array.from({ length: CELLS }, () => 3 + 20 * rnd()) });
  const black = { grid: new Array<number>(CELLS).fill(2), std: new Array<number>(CELLS).fill(0.5), edge: new Array<number>(CELLS).fill(0.3) };
  // two pictures' detail adds in quadrature (a dissolve's detail dips at the half mix)
  const mix = (p: typeof black, q: typeof black, a: number, dip = false): FrameLook => {
    const d = dip ? Math.hypot(1 - a, a) : 1;
    const noise = () => 2 * (rnd() - 0.5);
    const grid = Uint8Array.from(p.grid, (v, c) => Math.max(0, Math.min(255, Math.round((1 - a) * v + a * q.grid[c]! + noise()))));
    const cellStd = Uint8Array.from(p.std, (v, c) => Math.round((1 - a) * v + a * q.std[c]!));
    const cellEdge = Uint8Array.from(p.edge, (v, c) => Math.round(d * ((1 - a) * v + a * q.edge[c]!)));
    let m = 0;
    for (const v of grid) m += v;
    m /= CELLS;
    let s = 0, e = 0;
    for (let c = 0; c < CELLS; c++) {
      s += cellStd[c]! ** 2 + (grid[c]! - m) ** 2;
      e += cellEdge[c]! ** 2;
    }
    return { std: Math.sqrt(s / CELLS) / 255, edge: Math.sqrt(e / CELLS), grid, cellStd, cellEdge };
  };
  const out: FrameLook[] = [];
  let cur = picture();
  while (out.length < n) {
    for (let k = 0, len = 20 + Math.floor(40 * rnd()); k < len; k++) out.push(mix(cur, cur, 0));
    const next = picture();
    const kind = rnd();
    const len = 6 + Math.floor(20 * rnd());
    if (kind < 0.3) for (let k = 1; k <= len; k++) out.push(mix(cur, next, k / (len + 1), true));
    else if (kind < 0.6) {
      for (let k = 1; k <= len; k++) out.push(mix(cur, black, k / len));
      for (let k = 0; k < 5; k++) out.push(mix(black, black, 0));
      for (let k = 1; k <= len; k++) out.push(mix(black, next, k / len));
    }
    cur = next;
  }
  out.length = n;
  const motion = out.map((_, i) => (i === 0 || rnd() < 0.05 ? null : { tx: 4 * (rnd() - 0.5), ty: 2 * (rnd() - 0.5), zoom: 0.002 * (rnd() - 0.5), roll: 0.1 * (rnd() - 0.5) }));
  return { looks: out, motion };
}

describe('the detectors read a FrameReader as they read an array', () => {
  it('detectCuts: the same cuts and flashes', () => {
    let cuts = 0, flashes = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (n, seed) => {
        const c = changes(n, seed);
        // copies: the reader's frames are not the array's objects
        const read = detectCuts(frameReader(n, (i) => structuredClone(c[i]!)));
        const whole = detectCuts(c);
        cuts += whole.cuts.length;
        flashes += whole.flashes.length;
        expect(read).toEqual(whole);
      }),
      { numRuns: 20 },
    );
    expect(cuts).toBeGreaterThan(20);
    expect(flashes).toBeGreaterThan(5);
  });
  it('detectTransitions: the same fades and dissolves, with and without the camera', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(25, 30, 60), (n, seed, fps) => {
        const { looks: l, motion } = looks(n, seed);
        const cuts = [Math.floor(n / 3)];
        const whole = detectTransitions(l, fps, { motion, width: 640, height: 360 }, cuts);
        expect(detectTransitions(frameReader(n, (i) => ({ ...l[i]! })), fps, { motion: frameReader(n, (i) => motion[i] ?? null), width: 640, height: 360 }, cuts)).toEqual(whole);
        expect(detectTransitions(frameReader(n, (i) => ({ ...l[i]! })), fps)).toEqual(detectTransitions(l, fps));
      }),
      { numRuns: 6 },
    );
    // the planted transitions are found (the comparison is not of empty lists only): on one long sequence, since six
    // random short ones may plant no fade at all (a CI run drew only a dissolve)
    const { looks: long, motion } = looks(900, 7);
    const found = detectTransitions(long, 30, { motion, width: 640, height: 360 }, []);
    expect(detectTransitions(frameReader(long.length, (i) => ({ ...long[i]! })), 30, { motion: frameReader(long.length, (i) => motion[i] ?? null), width: 640, height: 360 }, [])).toEqual(found);
    expect([...new Set(found.map((t) => t.kind))].sort()).toEqual(['dissolve', 'fade_in', 'fade_out']);
  });
});
