// Synthetic video frames with known content (RGBA, sRGB, width×height×4), seeded so every run is the same.
import seedrandom from 'seedrandom';

export type Rgb3 = readonly [number, number, number];

/** A frame of one colour. */
export function solid(w: number, h: number, rgb: Rgb3): Uint8ClampedArray {
  const out = new Uint8ClampedArray(w * h * 4);
  for (let p = 0; p < w * h; p++) {
    out[p * 4] = rgb[0];
    out[p * 4 + 1] = rgb[1];
    out[p * 4 + 2] = rgb[2];
    out[p * 4 + 3] = 255;
  }
  return out;
}

/** Left part `a` (a `fraction` of the width), right part `b`; `vertical` splits top/bottom instead. */
export function split(w: number, h: number, a: Rgb3, b: Rgb3, fraction = 0.5, vertical = false): Uint8ClampedArray {
  const out = new Uint8ClampedArray(w * h * 4);
  const edge = Math.round((vertical ? h : w) * fraction);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const c = (vertical ? y : x) < edge ? a : b;
      const i = (y * w + x) * 4;
      out[i] = c[0];
      out[i + 1] = c[1];
      out[i + 2] = c[2];
      out[i + 3] = 255;
    }
  }
  return out;
}

/** Four quadrants: top-left, top-right, bottom-left, bottom-right. */
export function quartered(w: number, h: number, q: readonly [Rgb3, Rgb3, Rgb3, Rgb3]): Uint8ClampedArray {
  const out = new Uint8ClampedArray(w * h * 4);
  const hx = Math.round(w / 2);
  const hy = Math.round(h / 2);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const c = q[(y < hy ? 0 : 2) + (x < hx ? 0 : 1)]!;
      const i = (y * w + x) * 4;
      out[i] = c[0];
      out[i + 1] = c[1];
      out[i + 2] = c[2];
      out[i + 3] = 255;
    }
  }
  return out;
}

/** Adds uniform integer noise in [−amp, amp] to each colour channel (codec-like), clamped; returns a new frame. */
export function addNoise(rgba: Uint8ClampedArray, amp: number, seed = 'noise'): Uint8ClampedArray {
  const r = seedrandom(seed);
  const out = new Uint8ClampedArray(rgba.length);
  for (let i = 0; i < rgba.length; i++) {
    out[i] = (i & 3) === 3 ? rgba[i]! : rgba[i]! + Math.floor(r() * (2 * amp + 1)) - amp;
  }
  return out;
}

/**
 * A periodic smooth colour texture (size×size, wrapping): random values box-blurred three times, stretched to
 * 0–255 per channel. Features are about `blur`×2 pixels across.
 */
export interface Texture {
  size: number;
  /** Three planes of size×size, 0–255. */
  planes: [Float32Array, Float32Array, Float32Array];
}

export function makeTexture(seed: string, size = 512, blur = 4): Texture {
  const r = seedrandom(seed);
  const planes: Float32Array[] = [];
  for (let c = 0; c < 3; c++) {
    let a: Float32Array = new Float32Array(size * size);
    for (let i = 0; i < a.length; i++) a[i] = r();
    for (let pass = 0; pass < 3; pass++) a = boxBlurWrap(a, size, blur);
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of a) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    for (let i = 0; i < a.length; i++) a[i] = ((a[i]! - lo) / (hi - lo)) * 255;
    planes.push(a);
  }
  return { size, planes: planes as [Float32Array, Float32Array, Float32Array] };
}

function boxBlurWrap(a: Float32Array, n: number, r: number): Float32Array {
  const tmp = new Float32Array(n * n);
  const out = new Float32Array(n * n);
  const k = 2 * r + 1;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      let s = 0;
      for (let d = -r; d <= r; d++) s += a[y * n + ((x + d + n) % n)]!;
      tmp[y * n + x] = s / k;
    }
  }
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      let s = 0;
      for (let d = -r; d <= r; d++) s += tmp[((y + d + n) % n) * n + x]!;
      out[y * n + x] = s / k;
    }
  }
  return out;
}

function sampleWrap(p: Float32Array, n: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const xa = ((x0 % n) + n) % n;
  const ya = ((y0 % n) + n) % n;
  const xb = (xa + 1) % n;
  const yb = (ya + 1) % n;
  const top = p[ya * n + xa]! * (1 - fx) + p[ya * n + xb]! * fx;
  const bot = p[yb * n + xa]! * (1 - fx) + p[yb * n + xb]! * fx;
  return top * (1 - fy) + bot * fy;
}

/**
 * The on-screen transform of the content at time t (FOUNDATION §3.4 conventions): translation in frame diagonals
 * per second (dx > 0 content moves right, dy > 0 down), zoom = d ln(scale)/dt, roll in °/s (> 0 clockwise on
 * screen), all about the frame centre; plus an optional per-frame offset in pixels (shake).
 */
export interface Motion {
  dx?: number;
  dy?: number;
  zoom?: number;
  roll?: number;
  /** Extra offset of frame k in pixels (e.g. shake). */
  offset?: (k: number) => [number, number];
}

/** Renders frame k (time k/fps) of `tex` moved by `m`; `gain` multiplies the values (flashes, dark scenes). */
export function renderMoved(tex: Texture, w: number, h: number, m: Motion, k: number, fps: number, gain = 1, bias = 0): Uint8ClampedArray {
  const [pr, pg, pb] = tex.planes;
  const n = tex.size;
  return renderField((qx, qy) => [sampleWrap(pr, n, qx, qy) * gain + bias, sampleWrap(pg, n, qx, qy) * gain + bias, sampleWrap(pb, n, qx, qy) * gain + bias], w, h, m, k, fps);
}

/** Renders frame k (time k/fps) of the world function `at` (content coordinates → RGB) moved by `m`. */
export function renderField(at: (qx: number, qy: number) => Rgb3, w: number, h: number, m: Motion, k: number, fps: number): Uint8ClampedArray {
  const t = k / fps;
  const diag = Math.hypot(w, h);
  const s = Math.exp((m.zoom ?? 0) * t);
  const th = (((m.roll ?? 0) * t) * Math.PI) / 180;
  const off = m.offset ? m.offset(k) : [0, 0];
  const tx = (m.dx ?? 0) * diag * t + off[0]!;
  const ty = (m.dy ?? 0) * diag * t + off[1]!;
  const cx = w / 2;
  const cy = h / 2;
  const cos = Math.cos(th);
  const sin = Math.sin(th);
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // screen = c + s·R(θ)·(content − c) + t  ⇒  content = c + R(−θ)·(screen − c − t)/s
      const ux = (x + 0.5 - cx - tx) / s;
      const uy = (y + 0.5 - cy - ty) / s;
      const rgb = at(cx + cos * ux + sin * uy, cy - sin * ux + cos * uy);
      const i = (y * w + x) * 4;
      out[i] = rgb[0];
      out[i + 1] = rgb[1];
      out[i + 2] = rgb[2];
      out[i + 3] = 255;
    }
  }
  return out;
}

/** A static textured background with a textured square (side `size` px) moving at (vx, vy) px per frame from (x0, y0). */
export function renderMovingObject(bg: Texture, obj: Texture, w: number, h: number, k: number, size: number, x0: number, y0: number, vx: number, vy: number): Uint8ClampedArray {
  const out = renderMoved(bg, w, h, {}, 0, 30);
  const ox = x0 + vx * k;
  const oy = y0 + vy * k;
  for (let y = Math.max(0, Math.floor(oy)); y < Math.min(h, Math.ceil(oy + size)); y++) {
    for (let x = Math.max(0, Math.floor(ox)); x < Math.min(w, Math.ceil(ox + size)); x++) {
      const i = (y * w + x) * 4;
      // content coordinates inside the object (bilinear, so sub-pixel motion is smooth)
      const qx = x + 0.5 - ox;
      const qy = y + 0.5 - oy;
      if (qx < 0 || qy < 0 || qx >= size || qy >= size) continue;
      out[i] = sampleWrap(obj.planes[0], obj.size, qx, qy);
      out[i + 1] = sampleWrap(obj.planes[1], obj.size, qx, qy);
      out[i + 2] = sampleWrap(obj.planes[2], obj.size, qx, qy);
    }
  }
  return out;
}

/** Seeded shake offsets: each frame an independent offset in [−amp, amp]² px. */
export function shakeOffsets(seed: string, amp: number): (k: number) => [number, number] {
  const cache: [number, number][] = [];
  const r = seedrandom(seed);
  return (k) => {
    while (cache.length <= k) {
      const sx = cache.length % 2 === 0 ? 1 : -1; // alternate sides, so the direction reverses frame to frame
      cache.push([sx * amp * (0.5 + 0.5 * r()), -sx * amp * (0.5 + 0.5 * r())]);
    }
    return cache[k]!;
  };
}

/** A linear gray ramp whose value increases in direction `deg` (0 = right, 90 = down), from `lo` to `hi` across the frame. */
export function linearGradient(w: number, h: number, deg: number, lo = 30, hi = 225): Uint8ClampedArray {
  const out = new Uint8ClampedArray(w * h * 4);
  const ux = Math.cos((deg * Math.PI) / 180);
  const uy = Math.sin((deg * Math.PI) / 180);
  // projection range over the corners
  let pmin = Infinity;
  let pmax = -Infinity;
  for (const [x, y] of [[0, 0], [w, 0], [0, h], [w, h]] as const) {
    const p = x * ux + y * uy;
    pmin = Math.min(pmin, p);
    pmax = Math.max(pmax, p);
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const f = ((x + 0.5) * ux + (y + 0.5) * uy - pmin) / (pmax - pmin);
      const v = lo + (hi - lo) * f;
      const i = (y * w + x) * 4;
      out[i] = v;
      out[i + 1] = v;
      out[i + 2] = v;
      out[i + 3] = 255;
    }
  }
  return out;
}

/** A radial ramp: `inner` at (cx·w, cy·h), reaching `outer` at distance `radius` (fraction of the diagonal) and beyond. */
export function radialGradient(w: number, h: number, cx: number, cy: number, inner: Rgb3, outer: Rgb3, radius = 0.5): Uint8ClampedArray {
  const out = new Uint8ClampedArray(w * h * 4);
  const rr = radius * Math.hypot(w, h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const f = Math.min(1, Math.hypot(x + 0.5 - cx * w, y + 0.5 - cy * h) / rr);
      const i = (y * w + x) * 4;
      for (let c = 0; c < 3; c++) out[i + c] = inner[c]! + (outer[c]! - inner[c]!) * f;
      out[i + 3] = 255;
    }
  }
  return out;
}

/** A textured scene with its values mapped into [lo, hi] (dark, bright, flat or balanced lighting). */
export function scene(tex: Texture, w: number, h: number, lo: number, hi: number): Uint8ClampedArray {
  return renderMoved(tex, w, h, {}, 0, 30, (hi - lo) / 255, lo);
}
