// Pass 5 of the interpreter: camera moves. A move class binds the next direction in its clause (skipping
// filler, speed and camera words), a gradient path ("from left to right"), or a direction adjective just
// before it; unbound particles ("in", "over") become function words.
import { CAMERA_MOVES, type CameraMove, type MotionLevel } from '../vocab/index.ts';
import { clauseBetween, type Chosen, type PassState } from './chosen.ts';
import type { Domain } from './domain.ts';

const PARTICLES = new Set(['in', 'out', 'across', 'back', 'away', 'forward', 'forwards', 'over', 'up', 'down']);
const MOVE_CLASSES = new Set(['pan', 'tilt', 'zoom', 'roll', 'move', 'camera']);
/** While looking for a direction after a vague "across", these domains are passed over. */
const VAGUE_SKIP: ReadonlySet<Domain> = new Set(['setting', 'subject', 'function', 'color', 'lighting', 'direction']);
/** Between a move class and its direction, these domains are passed over. */
const BIND_SKIP: ReadonlySet<Domain> = new Set(['function', 'intensity', 'motion', 'filler', 'camera', 'approval', 'subject', 'negation', 'hedge', 'duration']);
const BEFORE_SKIP: ReadonlySet<Domain> = new Set(['intensity', 'motion', 'function', 'hedge']);

/** A move class and a direction as one move ("pan" + "left" → pan_left), or null when they do not combine. */
export function composeMove(cls: string, dir: string | null): CameraMove | null {
  if ((dir === 'left' || dir === 'right') && cls === 'roll') return dir === 'right' ? 'roll_cw' : 'roll_ccw';
  if (dir === 'left' || dir === 'right') return cls === 'zoom' ? null : dir === 'left' ? 'pan_left' : 'pan_right';
  if (dir === 'up' || dir === 'down') return cls === 'zoom' ? null : dir === 'up' ? 'tilt_up' : 'tilt_down';
  if (dir === 'in' || dir === 'out') return cls === 'pan' || cls === 'tilt' ? null : dir === 'in' ? 'zoom_in' : 'zoom_out';
  if (dir === 'cw' || dir === 'ccw') return dir === 'cw' ? 'roll_cw' : 'roll_ccw';
  if (dir === 'still') return 'static';
  const defaults: Record<string, CameraMove> = { pan: 'pan_right', tilt: 'tilt_up', zoom: 'zoom_in', roll: 'roll_cw' };
  return defaults[cls] ?? null;
}

/** A direction a camera can take: sides of the frame become tilts ("to the top" → up); corners and the centre are none. */
function cameraDirection(canonical: string): string | null {
  if (canonical === 'top') return 'up';
  if (canonical === 'bottom') return 'down';
  return ['left', 'right', 'up', 'down', 'in', 'out', 'cw', 'ccw'].includes(canonical) ? canonical : null;
}

/** The destination direction of a gradient phrase used as a camera path ("from left to right" → right). */
function pathDirection(span: string): string | null {
  const m = /\bto (?:the )?(top|bottom|left|right)(?: (left|right))?$/.exec(span);
  if (!m) return null;
  const d = m[2] ?? m[1] ?? '';
  return d === 'top' ? 'up' : d === 'bottom' ? 'down' : d;
}

/** Whether a canonical is one of the origin camera moves. */
export function isCameraMove(value: string): value is CameraMove {
  return (CAMERA_MOVES as readonly string[]).includes(value);
}

/** The direction bound after a move class at chosen[k], marking the direction spans it takes. */
function directionAfter(state: PassState, k: number, c: Chosen, cls: string): string | null {
  const { chosen } = state;
  let dir: string | null = null;
  // "across" says sideways but not which way: a path later in the clause ("from right to left") decides.
  let vague: Chosen | null = null;
  for (let m = k + 1; m < chosen.length; m++) {
    const d = chosen[m];
    if (!d || d.i > c.j + (vague ? 8 : 4)) break;
    if (clauseBetween(state, c.j - 1, d.i)) break;
    if (d.record.domain === 'direction' && !vague) {
      const cd = cameraDirection(d.record.canonical);
      if (cd) {
        dir = cd;
        d.domain = 'camera';
        d.consumed = true;
        if (d.record.span === 'across' || d.record.span === 'sideways') {
          vague = d;
          continue;
        }
        break;
      }
    }
    if (d.record.domain === 'gradient' && (d.i <= c.j + 2 || vague)) {
      const pd = pathDirection(d.record.span);
      if (pd) {
        dir = pd;
        d.domain = 'camera';
        d.consumed = true;
        break;
      }
    }
    if (vague) {
      if (VAGUE_SKIP.has(d.record.domain)) continue;
      break;
    }
    // "camera dead still", "hold the shot still": a still camera.
    if (d.record.domain === 'motion' && d.record.canonical === 'still' && (cls === 'camera' || cls === 'move')) return 'still';
    if (!BIND_SKIP.has(d.record.domain)) break;
  }
  return dir;
}

/** A direction written before the move ("anticlockwise spin", "leftward pan", "a slow left pan"), speed words between. */
function directionBefore(state: PassState, k: number, c: Chosen): string | null {
  const { chosen } = state;
  for (let m = k - 1; m >= 0; m--) {
    const d = chosen[m];
    if (!d || d.j < c.i - 2) break;
    if (clauseBetween(state, d.j - 1, c.i)) break;
    const cd = cameraDirection(d.record.canonical);
    if (d.record.domain === 'direction' && !d.consumed && !PARTICLES.has(d.record.span) && cd) {
      d.domain = 'camera';
      d.consumed = true;
      return cd;
    }
    if (!BEFORE_SKIP.has(d.record.domain)) break;
  }
  return null;
}

/** Compose camera moves on their spans; returns the motion level a move verb implies ("creep" → slow), if any. */
export function composeCamera(state: PassState): MotionLevel | null {
  const { chosen } = state;
  let impliedMotion: MotionLevel | null = null;
  for (let k = 0; k < chosen.length; k++) {
    const c = chosen[k];
    if (!c || c.record.domain !== 'camera') continue;
    const cls = c.record.canonical;
    let move: CameraMove | null;
    if (MOVE_CLASSES.has(cls)) {
      const dir = directionAfter(state, k, c, cls) ?? directionBefore(state, k, c) ?? c.record.towards ?? null;
      move = composeMove(cls === 'camera' || cls === 'move' ? 'move' : cls, dir);
      if (move) {
        for (let m = Math.max(0, k - 3); m < chosen.length; m++) {
          const d = chosen[m];
          if (!d || d.i > c.j + 4) break;
          if (d.domain === 'camera' && d.consumed && d.canonical === d.record.canonical) d.canonical = move;
        }
      }
    } else move = isCameraMove(cls) ? cls : null;
    if (move) c.canonical = move;
    const also = c.record.also?.motion;
    if (also && (move || cls === 'move') && isMotionLevel(also)) impliedMotion ??= also;
  }
  // A particle no camera verb took ("standing in the field") is a function word, not a direction.
  for (const c of chosen) {
    if (c.record.domain === 'direction' && !c.consumed && PARTICLES.has(c.record.span)) {
      c.domain = 'function';
      c.canonical = c.record.span;
    }
  }
  return impliedMotion;
}

function isMotionLevel(v: string): v is MotionLevel {
  return v === 'still' || v === 'slow' || v === 'medium' || v === 'fast';
}
