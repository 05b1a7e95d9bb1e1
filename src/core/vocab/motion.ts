/** FOUNDATION §3.3: motion level per window, from mean content speed in frame diagonals per second. */
export const MOTION_LEVELS = ['still', 'slow', 'medium', 'fast'] as const;
/** One of FOUNDATION §3.3's motion levels. */
export type MotionLevel = (typeof MOTION_LEVELS)[number];

/** Upper bounds (exclusive) in diagonals per second; `fast` is everything at or above 0.35. */
export const MOTION_THRESHOLDS = { still: 0.02, slow: 0.1, medium: 0.35 } as const;

/** Motion level of a mean content speed (frame diagonals per second) against MOTION_THRESHOLDS. */
export function classifyMotion(speedDiagPerS: number): MotionLevel {
  if (speedDiagPerS < MOTION_THRESHOLDS.still) return 'still';
  if (speedDiagPerS < MOTION_THRESHOLDS.slow) return 'slow';
  if (speedDiagPerS < MOTION_THRESHOLDS.medium) return 'medium';
  return 'fast';
}

/** A representative speed inside each level, for making content of a wanted level. */
export const MOTION_LEVEL_SPEED: Record<MotionLevel, number> = { still: 0, slow: 0.06, medium: 0.2, fast: 0.5 };
