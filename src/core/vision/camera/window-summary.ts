// FOUNDATION §3.4: the window's camera report from its frame pairs' global motion (the move, its raw numbers in
// FOUNDATION units, shake, and a confidence).
import type { CameraReport } from '../../report/analysis.ts';
import { CAMERA_THRESHOLDS, classifyCameraMove } from '../../vocab/camera.ts';
import type { GlobalMotion } from './global-motion.ts';

/** One frame pair's motion as kept for the window: the global motion, or null for pairs across a cut or flash. */
export type PairMotion = Pick<GlobalMotion, 'tx' | 'ty' | 'zoom' | 'roll' | 'confidence'>;

/** Shake: translations reverse direction in at least this share of consecutive pairs … */
export const SHAKE_MIN_REVERSALS = 0.35;
/** … the per-pair translation speed's spread (RMS about the mean) is at least this many translation thresholds … */
export const SHAKE_MIN_JITTER = 3;
/** … and the net translation is below the threshold or below this share of the jitter. */
export const SHAKE_NET_SHARE = 0.25;

/**
 * The window's camera report from its frame pairs' motion (pairs across cuts and flashes left out): means of the
 * raw numbers in FOUNDATION units (diagonals/s, ln-scale/s, °/s), the move by classifyCameraMove, or `shake` by the
 * rule above; confidence = mean pair confidence.
 */
export function summarizeCamera(pairs: PairMotion[], fps: number, diagonal: number): CameraReport {
  const n = pairs.length;
  if (n === 0) return { move: 'static', dx: 0, dy: 0, zoom: 0, roll: 0, confidence: 0 };
  let tx = 0;
  let ty = 0;
  let zoom = 0;
  let roll = 0;
  let conf = 0;
  for (const p of pairs) {
    tx += p.tx;
    ty += p.ty;
    zoom += p.zoom;
    roll += p.roll;
    conf += p.confidence;
  }
  const k = fps / n;
  const raw = { dx: (tx * k) / diagonal, dy: (ty * k) / diagonal, zoom: zoom * k, roll: roll * k };
  let move = classifyCameraMove(raw);
  // shake: frame-to-frame translation reversals with a jitter much larger than the net move
  const mtx = tx / n;
  const mty = ty / n;
  let jit = 0;
  let reversals = 0;
  for (let i = 0; i < n; i++) {
    const p = pairs[i]!;
    jit += (p.tx - mtx) ** 2 + (p.ty - mty) ** 2;
    if (i > 0) {
      const q = pairs[i - 1]!;
      if (p.tx * q.tx + p.ty * q.ty < 0) reversals++;
    }
  }
  const jitter = (Math.sqrt(jit / n) * fps) / diagonal; // diagonals/s
  const net = Math.hypot(raw.dx, raw.dy);
  const T = CAMERA_THRESHOLDS;
  const otherMove = Math.abs(raw.zoom) > T.zoom || Math.abs(raw.roll) > T.roll;
  if (
    n >= 3 &&
    !otherMove &&
    reversals / (n - 1) >= SHAKE_MIN_REVERSALS &&
    jitter >= SHAKE_MIN_JITTER * T.translation &&
    (net < T.translation || net < SHAKE_NET_SHARE * jitter)
  ) {
    move = 'shake';
  }
  return { move, dx: raw.dx, dy: raw.dy, zoom: raw.zoom, roll: raw.roll, confidence: conf / n };
}
