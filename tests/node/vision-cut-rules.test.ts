// The cut rules on hand-made change measures (the real-footage behaviour is in vision-real-shots.test.ts): the shared
// run finder, and a re-lit picture told from two smooth photographs lined up by a far-fetched camera model.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameRuns } from '../../src/core/vision/frame-runs.ts';
import { cutConcentration, detectCuts, pairShift, type FrameChange } from '../../src/core/vision/shots.ts';

describe('frameRuns', () => {
  it('returns the maximal runs of passing frames, in order, covering exactly the passing frames', () => {
    fc.assert(fc.property(fc.array(fc.boolean(), { maxLength: 60 }), (pass) => {
      const runs = frameRuns(pass.length, (i) => pass[i]!);
      const covered = new Array<boolean>(pass.length).fill(false);
      runs.forEach((r, k) => {
        expect(r.start).toBeLessThanOrEqual(r.end);
        if (k > 0) expect(r.start).toBeGreaterThan(runs[k - 1]!.end + 1); // maximal: a gap between runs
        for (let i = r.start; i <= r.end; i++) covered[i] = true;
      });
      expect(covered).toEqual(pass);
    }));
  });
});

/** A steady shot (small pan) with one changed frame at `at` whose measures are `jump`. */
function shot(n: number, at: number, jump: Partial<FrameChange>): FrameChange[] {
  return Array.from({ length: n }, (_, i) => {
    const quiet: FrameChange = { hist: [0.01, 0.01, 0.01, 0.01], thumb: [0.002, 0.002, 0.002, 0.002], decorrelation: 0.002, structured: true, extent: 0.01, shift: 0.003 };
    if (i === 0) return { ...quiet, hist: [NaN, NaN, NaN, NaN], thumb: [NaN, NaN, NaN, NaN], decorrelation: NaN, shift: NaN };
    if (i < at) return quiet;
    if (i === at) return { ...quiet, ...jump };
    // later frames differ from the frames before the change
    const k = i - at;
    return { ...quiet, hist: quiet.hist.map((v, lag) => (lag >= k ? jump.hist?.[0] ?? v : v)), thumb: quiet.thumb.map((v, lag) => (lag >= k ? jump.thumb?.[0] ?? v : v)) };
  });
}

describe('cuts and re-lit pictures', () => {
  const change = { hist: [0.48, 0.48, 0.48, 0.48], thumb: [0.17, 0.17, 0.17, 0.17], decorrelation: 0.095, extent: 0.9 };
  it('a brightness step with the structure in place is no cut', () => {
    expect(detectCuts(shot(40, 20, { ...change, decorrelation: 0.001, shift: 0.003 })).cuts).toEqual([]);
  });
  it('a new smooth picture that correlates only under a 400 px jump of the model is a cut (seq-mixed frame 316)', () => {
    const shift = pairShift({ tx: 398, ty: -64, zoom: 0.2, roll: 0 }, 640, 360);
    expect(shift).toBeGreaterThan(0.5);
    expect(detectCuts(shot(40, 20, { ...change, shift })).cuts).toEqual([20]);
  });
  it('the same jump during a whip pan (the camera moves that far around it) stays a re-light', () => {
    const pan = shot(40, 20, { ...change, decorrelation: 0.05, shift: 0.3 }).map((c, i) => (i > 0 && i !== 20 ? { ...c, shift: 0.28 } : c));
    expect(detectCuts(pan).cuts).toEqual([]);
  });
});

describe('cut evidence in units of the change already present', () => {
  // footage-2 seq-60 frame 160: a 60 fps cut from a slow zoom into a fast pan between two smooth pictures, measured
  const cut = { hist: [0.215, 0.215, 0.215, 0.215], thumb: [0.093, 0.093, 0.093, 0.093], decorrelation: 0.231, extent: 0.69, shift: 0.156 };
  it('a change under the absolute minimum is a cut where both sides change ten times less', () => {
    expect(detectCuts(shot(40, 20, cut)).cuts).toEqual([20]);
  });
  it('the same change is no cut where the shot around it already changes that much (a busy pan)', () => {
    const busy = shot(40, 20, cut).map((c, i) => (i > 0 && i !== 20 ? { ...c, decorrelation: 0.04, hist: c.hist.map(() => 0.03) } : c));
    expect(detectCuts(busy).cuts).toEqual([]);
  });
  it('nor between frames without structure (the last frames of a fade decorrelate as noise)', () => {
    expect(detectCuts(shot(40, 20, { ...cut, structured: false })).cuts).toEqual([]);
  });
});

describe('a cut is a break that does not continue (issue #13: false cuts inside a dissolve, in fast motion)', () => {
  const jump = { hist: [0.48, 0.48, 0.48, 0.48], thumb: [0.17, 0.17, 0.17, 0.17], decorrelation: 0.5, extent: 0.9 };
  /** The same spike at frame 20 inside a gradual change: every frame 0.04 further from each earlier one per frame apart. */
  function gradual(): FrameChange[] {
    return shot(40, 20, jump).map((c, i) => (i >= 12 && i <= 30 ? { ...c, thumb: [0.04, 0.08, 0.12, 0.16], hist: [0.1, 0.2, 0.3, 0.4] } : c));
  }
  it('a break that stays is a cut; the same spike where the change goes on is not', () => {
    expect(detectCuts(shot(40, 20, jump)).cuts).toEqual([20]);
    expect(cutConcentration(shot(40, 20, jump), 20, 20, 4)).toBeGreaterThan(0.9);
    const g = gradual();
    expect(cutConcentration(g, 20, 20, 4)).toBeLessThan(0.4);
    expect(detectCuts(g).cuts).toEqual([]);
  });
});
