// FOUNDATION §3.3: the motion level of a window from the mean content displacement speed, in frame diagonals per
// second. Per frame pair the speed is the larger of (a) the camera's: the model displacement averaged over the whole
// frame grid — for a pan the pan speed, for zoom and roll the rate times the mean distance from the centre (§3.4) —
// and (b) the moving content's: the mean on-screen displacement of the points that do not follow the camera, when
// they are at least MIN_MOVING_SHARE of the tracked points. So a small fast object in a static shot gives its own
// speed (not diluted by the still background), and a pan with a walker gives whichever is faster.
import type { MotionLevel } from '../vocab/motion.ts';
import { classifyMotion } from '../vocab/motion.ts';
import type { GlobalMotion } from './camera/global-motion.ts';

/** One pair's content speed in diagonals per second. */
export function pairSpeed(g: Pick<GlobalMotion, 'globalSpeed' | 'movingSpeed'>, fps: number, diagonal: number): number {
  return (Math.max(g.globalSpeed, g.movingSpeed) * fps) / diagonal;
}

/** The window's motion: mean of its pairs' speeds (0 and `still` without pairs), rounded to 1e-4 diag/s. */
export function windowMotion(speeds: number[]): { level: MotionLevel; speed: number } {
  if (speeds.length === 0) return { level: 'still', speed: 0 };
  let s = 0;
  for (const v of speeds) s += v;
  const speed = s / speeds.length;
  return { level: classifyMotion(speed), speed: Math.round(speed * 1e4) / 1e4 };
}
