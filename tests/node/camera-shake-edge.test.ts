// The shake rule of summarizeCamera at its edges (issue #11.6): each of its three thresholds is met exactly or
// missed by a hair, the other two held well inside, on synthetic pair motions whose statistics are known exactly.
import { describe, expect, it } from 'vitest';
import { CAMERA_THRESHOLDS } from '../../src/core/vocab/camera.ts';
import { SHAKE_MIN_JITTER, SHAKE_MIN_REVERSALS, SHAKE_NET_SHARE, summarizeCamera, type PairMotion } from '../../src/core/vision/camera/window-summary.ts';

const FPS = 30;
const DIAG = Math.hypot(640, 360);
const T = CAMERA_THRESHOLDS.translation;

/** Pair motions: runs of horizontal steps of ±amp pixels, the sign flipping between runs. */
function runs(lengths: readonly number[], amp: number): PairMotion[] {
  const out: PairMotion[] = [];
  lengths.forEach((len, r) => {
    for (let k = 0; k < len; k++) out.push({ tx: r % 2 === 0 ? amp : -amp, ty: 0, zoom: 0, roll: 0, confidence: 1 });
  });
  return out;
}

/** The pixel step whose RMS jitter is `factor` times the shake jitter threshold (mean 0 when the runs balance). */
const stepFor = (factor: number) => ((factor * SHAKE_MIN_JITTER * T) * DIAG) / FPS;

describe('shake threshold at its edge', () => {
  it('jitter: 1 % above the threshold shakes, 1 % below does not (every pair reverses, no net move)', () => {
    const lengths = new Array<number>(20).fill(1);
    expect(summarizeCamera(runs(lengths, stepFor(1.01)), FPS, DIAG).move).toBe('shake');
    expect(summarizeCamera(runs(lengths, stepFor(0.99)), FPS, DIAG).move).not.toBe('shake');
  });

  it(`reversals: exactly ${SHAKE_MIN_REVERSALS * 100} % of pairs shakes, one reversal fewer does not`, () => {
    // 21 pairs, 20 consecutive comparisons: 7 flips = 0.35, 6 flips = 0.30; jitter twice the threshold.
    const amp = stepFor(2);
    const at = runs([3, 3, 3, 3, 3, 2, 2, 2], amp);
    const below = runs([3, 3, 3, 3, 3, 3, 3], amp);
    expect(at.length).toBe(21);
    expect(below.length).toBe(21);
    expect(summarizeCamera(at, FPS, DIAG).move).toBe('shake');
    expect(summarizeCamera(below, FPS, DIAG).move).not.toBe('shake');
  });

  it(`net move: under ${SHAKE_NET_SHARE} of the jitter shakes, over it (and over the pan threshold) is a pan`, () => {
    // Alternating steps a + b and −a + b: RMS jitter about the mean is a, the net move is b.
    const a = stepFor(4);
    const jitter = (a * FPS) / DIAG;
    const pairs = (netShare: number) => {
      const b = (netShare * jitter * DIAG) / FPS;
      return new Array(20).fill(0).map((_, k): PairMotion => ({ tx: (k % 2 === 0 ? a : -a) + b, ty: 0, zoom: 0, roll: 0, confidence: 1 }));
    };
    // The net move is above the pan threshold in both, so only the share decides.
    expect(0.24 * jitter).toBeGreaterThan(T);
    expect(summarizeCamera(pairs(SHAKE_NET_SHARE * 0.96), FPS, DIAG).move).toBe('shake');
    expect(summarizeCamera(pairs(SHAKE_NET_SHARE * 1.04), FPS, DIAG).move).toMatch(/^pan_/);
  });
});
