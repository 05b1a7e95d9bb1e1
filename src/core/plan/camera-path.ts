// The camera over the world field: its pose at each frame, the screen→world map, and the raw numbers it makes.
import { CAMERA_MOVE_SIGN, type CameraMove } from '../vocab/index.ts';
import type { SpecCamera } from './spec.ts';

/** Where the world sits on screen at one frame: content offset (px), log scale, rotation (rad, > 0 clockwise on screen). */
export interface CameraPose {
  ox: number;
  oy: number;
  lnScale: number;
  theta: number;
}

/** Frame diagonal in pixels (FOUNDATION §2). */
export function diagonal(width: number, height: number): number {
  return Math.hypot(width, height);
}

/** Mean distance of the frame's pixels from its centre, in diagonals (for zoom/roll speeds, FOUNDATION §3.4). */
export function meanCentreDistance(width: number, height: number): number {
  // A 200-column grid of the same aspect is within 0.1 % of the pixel mean at every size we make.
  const nx = 200;
  const ny = Math.max(2, Math.round((200 * height) / width));
  let s = 0;
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) s += Math.hypot((i + 0.5) / nx - 0.5, (((j + 0.5) / ny - 0.5) * height) / width);
  return (s / (nx * ny)) * (width / diagonal(width, height));
}

/**
 * Raw numbers (content on screen) for a move at a motion speed in diagonals/s: translation moves at
 * `speed`, zoom and roll at the rate whose mean pixel speed is `speed` (FOUNDATION §3.4), shake
 * alternates ± speed·diag/(2·fps) pixels so each frame-to-frame jump moves content at `speed`.
 */
export function cameraFromSpeed(move: CameraMove, speed: number, width: number, height: number, fps: number, shakeDeg: number): Omit<SpecCamera, 'name'> {
  const md = meanCentreDistance(width, height);
  const cam = { move, dx: 0, dy: 0, zoom: 0, roll: 0, shake_px: 0, shake_deg: 0 };
  if (move === 'static') return cam;
  if (move === 'shake') {
    cam.shake_px = (speed * diagonal(width, height)) / (2 * fps);
    cam.shake_deg = shakeDeg;
    if (cam.shake_px < 1) {
      // Under a pixel, nearest-cell rendering hides the jitter (±0.4 px rounds to the same pixel): shake along an
      // axis by at least ±0.5 px, so every frame jumps one whole pixel.
      cam.shake_px = Math.max(0.5, cam.shake_px);
      cam.shake_deg = (Math.round(shakeDeg / 90) * 90) % 360;
    }
    return cam;
  }
  const sign = CAMERA_MOVE_SIGN[move];
  if (sign.dx) cam.dx = sign.dx * speed;
  if (sign.dy) cam.dy = sign.dy * speed;
  if (sign.zoom) cam.zoom = (sign.zoom * speed) / md;
  if (sign.roll) cam.roll = (sign.roll * speed * 180) / (Math.PI * md);
  return cam;
}

/** The camera pose at frame `i`. */
export function poseAt(cam: SpecCamera, i: number, fps: number, width: number, height: number): CameraPose {
  const t = i / fps;
  const diag = diagonal(width, height);
  // The screen offset o solves o' = v + λ·o (complex numbers, λ = zoom + i·roll in rad/s, v the pan in px/s), so
  // every frame-to-frame step is the same: the pan v plus zoom and roll about the SCREEN centre. A linear o (v·t) put
  // the zoom/roll centre at c + v·t, drifting off the screen: a discovered roll with a pan (0.8 diag/s made) read a
  // translation growing window by window (0.81, 1.03, 1.44 … 3.82 diag/s, pan_left) or lost it (static).
  const vx = cam.dx * diag;
  const vy = cam.dy * diag;
  const lr = cam.zoom;
  const li = (cam.roll * Math.PI) / 180;
  let ox = vx * t;
  let oy = vy * t;
  if (lr !== 0 || li !== 0) {
    // (e^{λt} − 1)/λ, with e^{λt} = e^{zoom·t}(cos θ + i sin θ)
    // e^{zoom·t}·cos θ − 1 as expm1(zoom·t)·cos θ − 2 sin²(θ/2): no cancellation when λt is tiny (a pan with a
    // zoom of 1e-17 must keep its pan)
    const e = Math.exp(lr * t);
    const sh = Math.sin((li * t) / 2);
    const er = Math.expm1(lr * t) * Math.cos(li * t) - 2 * sh * sh;
    const ei = e * Math.sin(li * t);
    const d = lr * lr + li * li;
    const gr = (er * lr + ei * li) / d;
    const gi = (ei * lr - er * li) / d;
    ox = vx * gr - vy * gi;
    oy = vx * gi + vy * gr;
  }
  if (cam.shake_px > 0) {
    const s = i % 2 === 0 ? 1 : -1;
    ox += s * cam.shake_px * Math.cos((cam.shake_deg * Math.PI) / 180);
    oy += s * cam.shake_px * Math.sin((cam.shake_deg * Math.PI) / 180);
  }
  return { ox, oy, lnScale: cam.zoom * t, theta: (cam.roll * t * Math.PI) / 180 };
}

/** The screen→world map of a pose as numbers: world = (cx + cos·qx + sin·qy, cy − sin·qx + cos·qy), q = p − c − o. */
export interface WorldMap {
  cx: number;
  cy: number;
  ox: number;
  oy: number;
  /** cos θ / s and sin θ / s (s = exp(lnScale)). */
  cos: number;
  sin: number;
}

/** The coefficients of screenToWorld (for per-pixel loops that cannot afford a call and an array per pixel). */
export function worldMapOf(pose: CameraPose, width: number, height: number): WorldMap {
  const inv = Math.exp(-pose.lnScale);
  return { cx: width / 2, cy: height / 2, ox: pose.ox, oy: pose.oy, cos: Math.cos(pose.theta) * inv, sin: Math.sin(pose.theta) * inv };
}

/** Screen point → world point (world = screen at frame 0): world = c + R(−θ)(p − c − o)/s. */
export function screenToWorld(pose: CameraPose, width: number, height: number): (x: number, y: number) => [number, number] {
  const { cx, cy, ox, oy, cos, sin } = worldMapOf(pose, width, height);
  return (x, y) => {
    const qx = x - cx - ox;
    const qy = y - cy - oy;
    return [cx + cos * qx + sin * qy, cy - sin * qx + cos * qy];
  };
}

/** World point → screen point (the forward map of the pose). */
export function worldToScreen(pose: CameraPose, width: number, height: number): (x: number, y: number) => [number, number] {
  const cx = width / 2;
  const cy = height / 2;
  const s = Math.exp(pose.lnScale);
  const cos = Math.cos(pose.theta) * s;
  const sin = Math.sin(pose.theta) * s;
  return (x, y) => {
    const qx = x - cx;
    const qy = y - cy;
    return [cx + pose.ox + cos * qx - sin * qy, cy + pose.oy + sin * qx + cos * qy];
  };
}

/**
 * What the content does on screen over frames [a, b]: mean frame-to-frame raw numbers (FOUNDATION
 * §3.4 units) and the mean content speed in diagonals/s (over a 16×12 grid of screen points).
 */
export function cameraRawOver(cam: SpecCamera, a: number, b: number, fps: number, width: number, height: number): { dx: number; dy: number; zoom: number; roll: number; speed: number } {
  const diag = diagonal(width, height);
  let dx = 0;
  let dy = 0;
  let zoom = 0;
  let roll = 0;
  let speed = 0;
  const pairs = Math.max(0, b - a);
  for (let i = a; i < b; i++) {
    const p0 = poseAt(cam, i, fps, width, height);
    const p1 = poseAt(cam, i + 1, fps, width, height);
    // the step's own translation: o1 − A·o0, A the step's zoom and roll about the screen centre
    const a = Math.exp(p1.lnScale - p0.lnScale);
    const ac = a * Math.cos(p1.theta - p0.theta);
    const as = a * Math.sin(p1.theta - p0.theta);
    dx += ((p1.ox - (ac * p0.ox - as * p0.oy)) * fps) / diag;
    dy += ((p1.oy - (as * p0.ox + ac * p0.oy)) * fps) / diag;
    zoom += (p1.lnScale - p0.lnScale) * fps;
    roll += ((p1.theta - p0.theta) * fps * 180) / Math.PI;
    const back = screenToWorld(p0, width, height);
    const fwd = worldToScreen(p1, width, height);
    let s = 0;
    for (let gy = 0; gy < 12; gy++) {
      for (let gx = 0; gx < 16; gx++) {
        const x = ((gx + 0.5) / 16) * width;
        const y = ((gy + 0.5) / 12) * height;
        const [wx, wy] = back(x, y);
        const [x1, y1] = fwd(wx, wy);
        s += Math.hypot(x1 - x, y1 - y);
      }
    }
    speed += ((s / 192) * fps) / diag;
  }
  if (pairs === 0) return { dx: 0, dy: 0, zoom: 0, roll: 0, speed: 0 };
  return { dx: dx / pairs, dy: dy / pairs, zoom: zoom / pairs, roll: roll / pairs, speed: speed / pairs };
}
