// summarizeCamera's means and confidence (issue #13 item 3, footage-3): pairs the fit could not measure are no
// evidence of stillness, a window read static while its frames jitter is not confidently still, and a roll about a
// point near the frame's edge (a still overlay against moving content) is not confidently the camera's. Synthetic
// pair motions whose window statistics are known exactly.
import { describe, expect, it } from 'vitest';
import { CAMERA_THRESHOLDS } from '../../src/core/vocab/camera.ts';
import { MIN_MEASURED_PAIRS, ROLL_PIVOT_CENTRAL, ROLL_PIVOT_OFF, SHAKE_MIN_JITTER, summarizeCamera, type PairMotion } from '../../src/core/vision/camera/window-summary.ts';

const FPS = 24;
const DIAG = Math.hypot(640, 360);
const T = CAMERA_THRESHOLDS;
const pair = (tx: number, ty: number, confidence = 1, roll = 0): PairMotion => ({ tx, ty, zoom: 0, roll, confidence });
/** Pixels a frame for a speed in diagonals/s. */
const px = (diagPerS: number) => (diagPerS * DIAG) / FPS;

describe('window camera: unmeasured pairs', () => {
  it('a tilt measured on every other pair reads tilt_down at its measured speed, not half of it', () => {
    // 1.6 × the threshold on the measured pairs; averaging the unmeasured pairs in as zeros gave 0.8 × (static)
    const v = 1.6 * T.translation;
    const pairs = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? pair(0, -px(v), 0.6) : pair(0, 0, 0)));
    const cam = summarizeCamera(pairs, FPS, DIAG);
    expect(cam.move).toBe('tilt_down');
    expect(cam.dy).toBeCloseTo(-v, 10);
    // half the pairs unmeasured: the confidence is the mean over all of them
    expect(cam.confidence).toBeCloseTo(0.3, 10);
  });

  it('one or two measured pairs among many are no move (a lone pair at 0.05 read pan_left); three are', () => {
    const lone = (k: number) => Array.from({ length: 15 }, (_, i) => (i < k ? pair(px(3 * T.translation), 0, 0.05) : pair(0, 0, 0)));
    expect(summarizeCamera(lone(1), FPS, DIAG)).toMatchObject({ move: 'static', dx: 0, confidence: 0 });
    expect(summarizeCamera(lone(MIN_MEASURED_PAIRS - 1), FPS, DIAG)).toMatchObject({ move: 'static', confidence: 0 });
    expect(summarizeCamera(lone(MIN_MEASURED_PAIRS), FPS, DIAG).move).toBe('pan_left');
    // a window of two pairs, both measured, still reads its move
    expect(summarizeCamera([pair(px(3 * T.translation), 0), pair(px(3 * T.translation), 0)], FPS, DIAG).move).toBe('pan_left');
  });

  it('no pair measured: static with confidence 0', () => {
    const cam = summarizeCamera(Array.from({ length: 10 }, () => pair(0, 0, 0)), FPS, DIAG);
    expect(cam).toMatchObject({ move: 'static', dx: 0, dy: 0, confidence: 0 });
  });
});

describe('window camera: confidence of the move', () => {
  const jitterAt = (share: number) => {
    // every pair reverses; RMS jitter = share × the shake rule's jitter threshold, no net move
    const a = px(share * SHAKE_MIN_JITTER * T.translation);
    return Array.from({ length: 24 }, (_, i) => pair(i % 2 ? a : -a, 0, 0.9));
  };

  it('still frames: static with the fits\u2019 confidence', () => {
    const cam = summarizeCamera(Array.from({ length: 24 }, () => pair(0, 0, 0.9)), FPS, DIAG);
    expect(cam.move).toBe('static');
    expect(cam.confidence).toBeCloseTo(0.9, 10);
  });

  it('frames jittering at 60 % of the shake threshold: static, confidence 0.4 × the fits\u2019', () => {
    const cam = summarizeCamera(jitterAt(0.6), FPS, DIAG);
    expect(cam.move).toBe('static');
    expect(cam.confidence).toBeCloseTo(0.9 * 0.4, 6);
  });

  it('frames jittering above the shake threshold: shake with the fits\u2019 confidence', () => {
    const cam = summarizeCamera(jitterAt(1.2), FPS, DIAG);
    expect(cam.move).toBe('shake');
    expect(cam.confidence).toBeCloseTo(0.9, 10);
  });

  it('a net drift at 70 % of the pan threshold: static, confidence 0.3 × the fits\u2019', () => {
    const cam = summarizeCamera(Array.from({ length: 24 }, () => pair(px(0.7 * T.translation), 0, 1)), FPS, DIAG);
    expect(cam.move).toBe('static');
    expect(cam.confidence).toBeCloseTo(0.3, 6);
  });

  it('a roll about the centre keeps its confidence; about a point near the corner it loses it', () => {
    const rollPerS = 15; // °/s, 7.5 × the threshold
    const w = (rollPerS * Math.PI) / 180;
    // the window's translation that puts the turning point `r` half-diagonals from the centre
    const at = (r: number) => {
      const t = (r * w) / 2; // diagonals/s
      return summarizeCamera(Array.from({ length: 24 }, () => pair(px(t), 0, 1, rollPerS / FPS)), FPS, DIAG);
    };
    expect(at(0)).toMatchObject({ move: 'roll_ccw', confidence: 1 });
    expect(at(ROLL_PIVOT_CENTRAL).confidence).toBeCloseTo(1, 6);
    expect(at((ROLL_PIVOT_CENTRAL + ROLL_PIVOT_OFF) / 2).confidence).toBeCloseTo(0.5, 6);
    const corner = at(0.8);
    expect(corner.move).toBe('roll_ccw');
    expect(corner.confidence).toBeLessThan(0.5);
  });
});
