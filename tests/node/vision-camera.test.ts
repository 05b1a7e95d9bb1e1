// Camera moves and motion level on a textured picture moved by known transforms (FOUNDATION §3.3, §3.4).
import { describe, expect, it } from 'vitest';
import { estimateGlobalMotion } from '../../src/core/vision/camera/global-motion.ts';
import type { Similarity } from '../../src/core/vision/camera/similarity-fit.ts';
import { summarizeCamera, type PairMotion } from '../../src/core/vision/camera/window-summary.ts';
import { buildGrayPyramid } from '../../src/core/vision/gray-pyramid.ts';
import { pairSpeed, windowMotion } from '../../src/core/vision/motion-level.ts';
import { classifyMotion } from '../../src/core/vocab/motion.ts';
import { addNoise, makeTexture, renderField, renderMoved, renderMovingObject, shakeOffsets, type Motion } from './helpers/frames.ts';

const W = 320;
const H = 240;
const FPS = 30;
const DIAG = Math.hypot(W, H);
const tex = makeTexture('camera-texture');

/** Mean distance of the frame's pixels from its centre, in diagonals (the §3.4 lever arm of zoom and roll). */
const MEAN_R = (() => {
  let s = 0;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) s += Math.hypot(x + 0.5 - W / 2, y + 0.5 - H / 2);
  return s / (W * H) / DIAG;
})();

function analyse(frames: Uint8ClampedArray[], w = W, h = H) {
  const pairs: PairMotion[] = [];
  const speeds: number[] = [];
  let prev = buildGrayPyramid(frames[0]!, w, h);
  let prior: Similarity | undefined;
  for (let k = 1; k < frames.length; k++) {
    const cur = buildGrayPyramid(frames[k]!, w, h);
    const g = estimateGlobalMotion(prev, cur, prior);
    prior = g.model;
    pairs.push(g);
    speeds.push(pairSpeed(g, FPS, Math.hypot(w, h)));
    prev = cur;
  }
  return { camera: summarizeCamera(pairs, FPS, Math.hypot(w, h)), motion: windowMotion(speeds) };
}

function clip(m: Motion, n = 16, noise = 0): Uint8ClampedArray[] {
  return Array.from({ length: n }, (_, k) => {
    const f = renderMoved(tex, W, H, m, k, FPS);
    return noise ? addNoise(f, noise, `n${k}`) : f;
  });
}

const relErr = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

describe('camera move: known transforms', () => {
  const cases: [string, Motion, string, keyof Motion, number][] = [];
  for (const v of [0.05, 0.15, 0.4]) {
    cases.push([`pan dx=${v}`, { dx: v }, 'pan_left', 'dx', v]);
    cases.push([`pan dx=${-v}`, { dx: -v }, 'pan_right', 'dx', -v]);
  }
  for (const v of [0.05, 0.2]) {
    cases.push([`tilt dy=${v}`, { dy: v }, 'tilt_up', 'dy', v]);
    cases.push([`tilt dy=${-v}`, { dy: -v }, 'tilt_down', 'dy', -v]);
  }
  for (const v of [0.08, 0.3]) {
    cases.push([`zoom=${v}`, { zoom: v }, 'zoom_in', 'zoom', v]);
    cases.push([`zoom=${-v}`, { zoom: -v }, 'zoom_out', 'zoom', -v]);
  }
  for (const v of [5, 15]) {
    cases.push([`roll=${v}`, { roll: v }, 'roll_ccw', 'roll', v]);
    cases.push([`roll=${-v}`, { roll: -v }, 'roll_cw', 'roll', -v]);
  }
  for (const [name, m, move, key, truth] of cases) {
    it(`${name} → ${move}, raw within 10 %, with ±3 noise`, () => {
      const { camera, motion } = analyse(clip(m, 16, 3));
      const got = camera[key as 'dx' | 'dy' | 'zoom' | 'roll'];
      // speed truth: translation speed, or rate × mean distance from the centre for zoom and roll
      const speedTruth = key === 'dx' || key === 'dy' ? Math.abs(truth) : key === 'zoom' ? Math.abs(truth) * MEAN_R : (Math.abs(truth) * Math.PI / 180) * MEAN_R;
      console.log(`${name.padEnd(12)} move ${camera.move.padEnd(9)} ${key} ${got.toFixed(4).padStart(8)} (truth ${truth}, err ${(relErr(got, truth) * 100).toFixed(2)} %)  speed ${motion.speed.toFixed(4)} (truth ${speedTruth.toFixed(4)}, err ${(relErr(motion.speed, speedTruth) * 100).toFixed(1)} %)  conf ${camera.confidence.toFixed(2)}`);
      expect(camera.move).toBe(move);
      expect(Math.sign(got)).toBe(Math.sign(truth));
      expect(relErr(got, truth)).toBeLessThan(0.1);
      expect(relErr(motion.speed, speedTruth)).toBeLessThan(0.15);
      expect(motion.level).toBe(classifyMotion(speedTruth));
      expect(camera.confidence).toBeGreaterThan(0.7);
      // the other components stay below their thresholds
      for (const k of ['dx', 'dy'] as const) if (k !== key) expect(Math.abs(camera[k])).toBeLessThan(0.01);
      if (key !== 'zoom') expect(Math.abs(camera.zoom)).toBeLessThan(0.01);
      if (key !== 'roll') expect(Math.abs(camera.roll)).toBeLessThan(0.5);
    });
  }

  it('a diagonal pan reports both components', () => {
    const { camera } = analyse(clip({ dx: 0.1, dy: -0.06 }));
    console.log(`diagonal pan: dx ${camera.dx} dy ${camera.dy} move ${camera.move}`);
    expect(relErr(camera.dx, 0.1)).toBeLessThan(0.1);
    expect(relErr(camera.dy, -0.06)).toBeLessThan(0.1);
    expect(camera.move).toBe('pan_left');
  });

  it('a static shot is static and still', () => {
    const { camera, motion } = analyse(clip({}, 16, 3));
    console.log(`static: dx ${camera.dx} dy ${camera.dy} zoom ${camera.zoom} roll ${camera.roll} speed ${motion.speed}`);
    expect(camera.move).toBe('static');
    expect(motion.level).toBe('still');
  });

  it('shake: jitter that reverses frame to frame with no net move', () => {
    for (const amp of [3, 6]) {
      const off = shakeOffsets(`shake${amp}`, amp);
      const { camera, motion } = analyse(clip({ offset: off }, 16, 3));
      let truth = 0;
      for (let k = 1; k < 16; k++) truth += Math.hypot(off(k)[0] - off(k - 1)[0], off(k)[1] - off(k - 1)[1]);
      truth = ((truth / 15) * FPS) / DIAG;
      console.log(`shake ±${amp}px: move ${camera.move} dx ${camera.dx} dy ${camera.dy} speed ${motion.speed} (truth ${truth.toFixed(4)}, err ${(relErr(motion.speed, truth) * 100).toFixed(1)} %)`);
      expect(camera.move).toBe('shake');
      expect(relErr(motion.speed, truth)).toBeLessThan(0.15);
    }
  });

  it('a shaky pan is still a pan (net move well above the jitter)', () => {
    const { camera } = analyse(clip({ dx: -0.3, offset: shakeOffsets('shakypan', 1.5) }, 16, 3));
    console.log(`shaky pan: move ${camera.move} dx ${camera.dx}`);
    expect(camera.move).toBe('pan_right');
    expect(relErr(camera.dx, -0.3)).toBeLessThan(0.1);
  });

  it('a static shot with a moving object: camera static, motion level from the object', () => {
    const obj = makeTexture('object', 128, 3);
    for (const [vx, vy] of [[3, 0], [-2, 1.5], [6, -4]] as const) {
      const frames = Array.from({ length: 16 }, (_, k) => addNoise(renderMovingObject(tex, obj, W, H, k, 80, 100, 70, vx, vy), 3, `o${k}`));
      const { camera, motion } = analyse(frames);
      const truth = (Math.hypot(vx, vy) * FPS) / DIAG;
      console.log(`object v=(${vx},${vy}) px/frame: camera ${camera.move} dx ${camera.dx} dy ${camera.dy} conf ${camera.confidence.toFixed(2)}; motion ${motion.level} ${motion.speed} (truth ${truth.toFixed(4)}, err ${(relErr(motion.speed, truth) * 100).toFixed(1)} %)`);
      expect(camera.move).toBe('static');
      expect(Math.abs(camera.dx)).toBeLessThan(0.01);
      expect(Math.abs(camera.dy)).toBeLessThan(0.01);
      expect(relErr(motion.speed, truth)).toBeLessThan(0.15);
      expect(motion.level).toBe(classifyMotion(truth));
    }
  });

  it('a flat frame gives no motion and zero confidence', () => {
    const flat = Array.from({ length: 4 }, () => new Uint8ClampedArray(W * H * 4).fill(128));
    const { camera } = analyse(flat);
    expect(camera.confidence).toBe(0);
    expect(camera.move).toBe('static');
  });

  it('works at other sizes (1280×720 downsampled by the pyramid)', () => {
    const w = 640;
    const h = 360;
    const frames = Array.from({ length: 8 }, (_, k) => renderMoved(tex, w, h, { dx: 0.12, zoom: 0.1 }, k, FPS));
    const { camera } = analyse(frames, w, h);
    console.log(`640×360 dx 0.12 zoom 0.1: dx ${camera.dx} zoom ${camera.zoom} move ${camera.move}`);
    expect(relErr(camera.dx, 0.12)).toBeLessThan(0.1);
    expect(relErr(camera.zoom, 0.1)).toBeLessThan(0.1);
    expect(camera.move).toBe('pan_left');
  });
});

/**
 * A smooth colour field (as the creator's blended mode): a radial palette gradient about an off-centre point plus a
 * slow ripple, optionally posterised to `levels` steps of the gradient position (the creator uses 64).
 */
function smoothField(levels = 0): (qx: number, qy: number) => readonly [number, number, number] {
  const dark = [40, 20, 90] as const;
  const light = [250, 200, 120] as const;
  return (qx, qy) => {
    let u = Math.hypot(qx - 0.42 * W, qy - 0.55 * H) / (0.9 * Math.hypot(W, H)) + 0.08 * Math.sin((2 * Math.PI * (qx + 0.6 * qy)) / 500);
    u = Math.min(1, Math.max(0, u));
    if (levels) u = (Math.min(levels - 1, Math.floor(u * levels)) + 0.5) / levels;
    return [dark[0] + (light[0] - dark[0]) * u, dark[1] + (light[1] - dark[1]) * u, dark[2] + (light[2] - dark[2]) * u];
  };
}

/** 1-px colour noise (a palette colour per world pixel, nearest, as the creator's pure mode) whose colours' luma differ by a few levels. */
function lowContrastNoise(seed: number, palette: readonly (readonly [number, number, number])[]): (qx: number, qy: number) => readonly [number, number, number] {
  return (qx, qy) => {
    let hsh = Math.imul(Math.floor(qx) | 0, 0x27d4eb2d) ^ Math.imul(Math.floor(qy) | 0, 0x165667b1) ^ seed;
    hsh = Math.imul(hsh ^ (hsh >>> 15), 0x85ebca6b);
    hsh = Math.imul(hsh ^ (hsh >>> 13), 0xc2b2ae35);
    hsh ^= hsh >>> 16;
    return palette[(hsh >>> 0) % palette.length]!;
  };
}

const luma = (c: readonly [number, number, number]) => 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
/** High-key palettes of different hues whose luma spans only a few levels. */
const PALETTE_SPREAD_8: (readonly [number, number, number])[] = [[236, 200, 210], [200, 212, 238], [214, 208, 180], [222, 203, 240]];

describe('camera move: little luma texture (smooth fields, low-contrast pixel noise)', () => {
  const moves: [string, Motion, string, 'dx' | 'dy' | 'zoom' | 'roll', number][] = [
    ['pan dx=0.15', { dx: 0.15 }, 'pan_left', 'dx', 0.15],
    ['pan dx=-0.15', { dx: -0.15 }, 'pan_right', 'dx', -0.15],
    ['tilt dy=0.1', { dy: 0.1 }, 'tilt_up', 'dy', 0.1],
    ['tilt dy=-0.1', { dy: -0.1 }, 'tilt_down', 'dy', -0.1],
    ['zoom=0.2', { zoom: 0.2 }, 'zoom_in', 'zoom', 0.2],
    ['zoom=-0.2', { zoom: -0.2 }, 'zoom_out', 'zoom', -0.2],
    ['roll=10', { roll: 10 }, 'roll_ccw', 'roll', 10],
    ['roll=-10', { roll: -10 }, 'roll_cw', 'roll', -10],
  ];
  it('the palettes really are low-contrast', () => {
    const l = PALETTE_SPREAD_8.map(luma);
    console.log(`palette luma ${l.map((v) => v.toFixed(1)).join(', ')}`);
    expect(Math.max(...l) - Math.min(...l)).toBeLessThan(8);
  });
  const fields: [string, (qx: number, qy: number) => readonly [number, number, number]][] = [
    ['smooth field', smoothField()],
    ['posterised field', smoothField(64)],
    ['low-contrast noise', lowContrastNoise(7, PALETTE_SPREAD_8)],
  ];
  for (const [fname, field] of fields) {
    for (const [name, m, move, key, truth] of moves) {
      it(`${fname}: ${name} → ${move}`, () => {
        const frames = Array.from({ length: 16 }, (_, k) => addNoise(renderField(field, W, H, m, k, FPS), 2, `s${k}`));
        const { camera } = analyse(frames);
        const got = camera[key];
        console.log(`${fname.padEnd(18)} ${name.padEnd(12)} move ${camera.move.padEnd(9)} ${key} ${got.toFixed(4).padStart(8)} (truth ${truth}, err ${(relErr(got, truth) * 100).toFixed(2)} %) dx ${camera.dx.toFixed(4)} dy ${camera.dy.toFixed(4)} zoom ${camera.zoom.toFixed(4)} roll ${camera.roll.toFixed(3)} conf ${camera.confidence.toFixed(2)}`);
        expect(camera.move).toBe(move);
        expect(Math.sign(got)).toBe(Math.sign(truth));
        // the dense fit: within 15 % (roll on the posterised field is the worst, ≈ 13 %)
        expect(relErr(got, truth)).toBeLessThan(0.15);
        expect(camera.confidence).toBeGreaterThan(0.5);
        for (const k of ['dx', 'dy'] as const) if (k !== key) expect(Math.abs(camera[k])).toBeLessThan(0.01);
        if (key !== 'zoom') expect(Math.abs(camera.zoom)).toBeLessThan(0.01);
        if (key !== 'roll') expect(Math.abs(camera.roll)).toBeLessThan(1);
      });
    }
    it(`${fname}: static → static`, () => {
      const frames = Array.from({ length: 16 }, (_, k) => addNoise(renderField(field, W, H, {}, k, FPS), 2, `s${k}`));
      const { camera } = analyse(frames);
      console.log(`${fname.padEnd(18)} static       move ${camera.move.padEnd(9)} dx ${camera.dx.toFixed(4)} dy ${camera.dy.toFixed(4)} zoom ${camera.zoom.toFixed(4)} roll ${camera.roll.toFixed(3)} conf ${camera.confidence.toFixed(2)}`);
      expect(camera.move).toBe('static');
      expect(Math.abs(camera.dx)).toBeLessThan(0.005);
      expect(Math.abs(camera.dy)).toBeLessThan(0.005);
      expect(Math.abs(camera.zoom)).toBeLessThan(0.005);
      expect(Math.abs(camera.roll)).toBeLessThan(0.5);
    });
  }
});
