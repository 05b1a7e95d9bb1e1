/**
 * FOUNDATION §3.4: camera moves per window. Raw numbers describe what the content does on screen:
 * dx > 0 content moves right, dy > 0 content moves down (diagonals/s), zoom = d ln(scale)/dt > 0
 * content grows, roll in °/s > 0 content turns clockwise.
 */
export const CAMERA_MOVES = [
  'static', 'pan_left', 'pan_right', 'tilt_up', 'tilt_down', 'zoom_in', 'zoom_out', 'roll_cw', 'roll_ccw', 'shake',
] as const;
/** One of FOUNDATION §3.4's camera moves. */
export type CameraMove = (typeof CAMERA_MOVES)[number];

/** Smallest mean component that makes a move: translation in diagonals/s, zoom in d ln(scale)/s, roll in °/s; below all three the camera is `static`. */
export const CAMERA_THRESHOLDS = { translation: 0.03, zoom: 0.03, roll: 2 } as const;

/** Raw global motion of a window, in the units above. */
export interface CameraRaw {
  dx: number;
  dy: number;
  zoom: number;
  roll: number;
}

/**
 * The move whose component is furthest above its threshold (as a ratio), `static` when none is.
 * Shake is decided by the caller from frame-to-frame reversals, since it is not a mean.
 */
export function classifyCameraMove(raw: CameraRaw): CameraMove {
  const t = CAMERA_THRESHOLDS;
  const candidates: [CameraMove, number][] = [
    [raw.dx > 0 ? 'pan_left' : 'pan_right', Math.abs(raw.dx) / t.translation],
    [raw.dy > 0 ? 'tilt_up' : 'tilt_down', Math.abs(raw.dy) / t.translation],
    [raw.zoom > 0 ? 'zoom_in' : 'zoom_out', Math.abs(raw.zoom) / t.zoom],
    [raw.roll < 0 ? 'roll_cw' : 'roll_ccw', Math.abs(raw.roll) / t.roll],
  ];
  let best: CameraMove = 'static';
  let bestRatio = 1;
  for (const [move, ratio] of candidates) {
    if (ratio > bestRatio) {
      best = move;
      bestRatio = ratio;
    }
  }
  return best;
}

/** The sign of the on-screen content motion each move produces (for making and checking clips). */
export const CAMERA_MOVE_SIGN: Record<Exclude<CameraMove, 'static' | 'shake'>, Partial<CameraRaw>> = {
  pan_left: { dx: 1 },
  pan_right: { dx: -1 },
  tilt_up: { dy: 1 },
  tilt_down: { dy: -1 },
  zoom_in: { zoom: 1 },
  zoom_out: { zoom: -1 },
  roll_cw: { roll: -1 },
  roll_ccw: { roll: 1 },
};
