// Issue #16.1: the spec builder claims only what the clip can show. Clips are rendered by the real renderer, put
// through an H.264 round trip (ffmpeg's libx264, 4:2:0, the app's bitrate) and read by extraction's vision timeline;
// the intended truth's claims must be what is read. The combinations are those the 100-job loop run failed on
// (docs/loop-and-app.md): blended moves over low-contrast or complex fields, pure moves of far colours.
import { describe, expect, it } from 'vitest';
import { emptyInstruction, type Instruction } from '../../src/core/language/instruction.ts';
import { BLENDED_TEXTURE, blendedTexture, buildSpec, MAX_SLOW_TEXTURE_AMPLITUDE, MAX_TEXTURE_OCTAVES, MIN_SLOW_TEXTURE_SWING, rampLumaRange, SHAKE_LEVEL, wholePixelShake, MAX_TRACKABLE_SPEED, MIN_TEXTURE_LUMA_SWING, observableSpeed, TEXTURE_LATTICE_PER_STEP } from '../../src/core/plan/build-spec.ts';
import { createFieldRenderer } from '../../src/core/render/frame-field.ts';
import { buildTruth } from '../../src/core/render/intended-truth.ts';
import { createVisionTimeline } from '../../src/core/vision/vision-timeline.ts';
import { mode, PALETTE_MIN_SHARE } from '../../src/core/registry/learning.ts';
import { primitiveKnowledge } from '../../src/core/plan/primitive-knowledge.ts';
import { videoBitrate } from '../../src/media/encode-codecs.ts';
import type { Spec } from '../../src/core/plan/spec.ts';
import type { CameraMove, ColorPrimitiveName, Lighting, MotionLevel } from '../../src/core/vocab/index.ts';
import type { SpecGradient } from '../../src/core/plan/spec.ts';
import { SHAKE_MIN_JITTER } from '../../src/core/vision/camera/window-summary.ts';
import { CAMERA_THRESHOLDS } from '../../src/core/vocab/camera.ts';
import { h264RoundTrip } from '../helpers/h264-round-trip.ts';

function ask(patch: (i: Instruction) => void): Instruction {
  const i = emptyInstruction('test');
  patch(i);
  return i;
}

/** Render, encode and decode, read: the truth's claims next to what the decoded clip shows. */
function makeAndRead(spec: Spec) {
  const r = createFieldRenderer(spec);
  const size = spec.width * spec.height * 4;
  const all = new Uint8ClampedArray(size * spec.frame_count);
  const counts: Uint32Array[] = [];
  for (let f = 0; f < spec.frame_count; f++) counts.push(r.render(f, all.subarray(f * size, (f + 1) * size)));
  const decoded = h264RoundTrip(all, spec.width, spec.height, spec.fps, videoBitrate(spec.width, spec.height, spec.fps, spec.cell_size, spec.mode === 'blended'));
  const tl = createVisionTimeline({ width: spec.width, height: spec.height, fps: spec.fps });
  const share = new Map<ColorPrimitiveName, number>();
  for (let f = 0; f < spec.frame_count; f++) {
    const { colors } = tl.pushFrame(decoded.subarray(f * size, (f + 1) * size), f, f / spec.fps);
    for (const c of colors) share.set(c.primitive, (share.get(c.primitive) ?? 0) + c.share);
  }
  const ws = tl.finish().windows;
  const truth = buildTruth(spec, r.bins, counts, counts.map(() => null));
  return {
    truth,
    camera: mode(ws.map((w) => w.camera.move)),
    motion: mode(ws.map((w) => w.motion.level)),
    speeds: ws.map((w) => w.motion.speed),
    palette: [...share].filter(([, v]) => v / spec.frame_count >= PALETTE_MIN_SHARE).map(([p]) => p).sort(),
  };
}

interface Combo {
  move: CameraMove;
  level: MotionLevel;
  gradient: SpecGradient['type'];
  lighting: Lighting | null;
  colors?: ColorPrimitiveName[];
}

function spec(mode: 'pure' | 'blended', c: Combo, seed: string, duration_s: number): Spec {
  const instruction = ask((x) => {
    x.camera.move = c.move;
    x.motion.level = c.level;
    x.gradient.type = c.gradient;
    x.lighting = c.lighting;
    x.palette.primitives = c.colors ?? [];
  });
  return buildSpec(instruction, primitiveKnowledge(), { seed, width: 320, height: 240, fps: 30, duration_s, mode });
}

describe('blended moves are claimed only as the H.264 clip shows them', () => {
  // the loop's misses: fast tilts and rolls over complex or low-key fields read still, medium ones slow, slow rolls still
  const combos: Combo[] = [
    { move: 'tilt_down', level: 'fast', gradient: 'complex', lighting: 'low_key' },
    { move: 'roll_cw', level: 'fast', gradient: 'radial', lighting: 'low_key' },
    { move: 'roll_cw', level: 'fast', gradient: 'linear_diagonal', lighting: 'balanced' },
    { move: 'tilt_down', level: 'medium', gradient: 'linear_vertical', lighting: 'low_key' },
    { move: 'tilt_down', level: 'slow', gradient: 'linear_diagonal', lighting: 'balanced' },
    { move: 'roll_cw', level: 'slow', gradient: 'radial', lighting: 'high_key' },
  ];
  for (const c of combos) {
    it(`${c.move} ${c.level} over ${c.gradient}, ${c.lighting}`, () => {
      const s = spec('blended', c, `observable:${c.move}:${c.level}:${c.gradient}`, 2);
      const read = makeAndRead(s);
      if (read.truth.unclaimed?.includes('camera')) return; // not claimed: nothing to hold it to
      expect({ camera: read.camera, motion: read.motion, speeds: read.speeds }).toMatchObject({ camera: read.truth.camera.move, motion: read.truth.motion.level });
    });
  }
});

describe('a shake is made as one extraction can read', () => {
  // a 100-job run read 5 of 5 slow shakes static: ±0.5 px jumps 0.075 diag/s, under extraction's shake spread
  it('the slowest shake made spreads its jumps beyond SHAKE_MIN_JITTER translation thresholds', () => {
    const minJitter = SHAKE_MIN_JITTER * CAMERA_THRESHOLDS.translation;
    for (const m of ['pure', 'blended'] as const) {
      const s = spec(m, { move: 'shake', level: 'slow', gradient: 'linear_horizontal', lighting: 'balanced' }, `shake-min:${m}`, 1);
      expect(s.unmet).toContain('motion.slow');
      expect(s.motion.level).toBe(SHAKE_LEVEL);
      const jump = (2 * s.camera.shake_px * s.fps) / Math.hypot(s.width, s.height);
      expect(jump).toBeGreaterThanOrEqual(minJitter * 1.4);
      expect(jump).toBeCloseTo(s.motion.speed, 6);
      if (m === 'pure') expect(Number.isInteger(s.camera.shake_px)).toBe(true);
    }
    expect(wholePixelShake('medium', 0.4, 320, 240, 30)).toBe(1);
    expect(wholePixelShake('fast', 3.3, 320, 240, 30)).toBe(4);
  });
  for (const m of ['pure', 'blended'] as const) {
    for (const level of ['slow', 'fast'] as const) {
      it(`${m}, asked ${level}: the H.264 clip reads the shake and the level the truth claims`, () => {
        const s = spec(m, { move: 'shake', level, gradient: 'linear_diagonal', lighting: 'balanced' }, `shake:${m}:${level}`, 1);
        const read = makeAndRead(s);
        expect(read.truth.unclaimed ?? []).not.toContain('camera');
        expect({ camera: read.camera, motion: read.motion }).toEqual({ camera: 'shake', motion: read.truth.motion.level });
      });
    }
  }
});

describe('pure moves of far colours: the H.264 clip holds the palette the truth claims', () => {
  // blue and pink cells moving read magenta too (a 4:2:0 block holding both decodes as their mixture). Translations
  // only: under a roll or zoom each block would be rounded its own way, which reads as motion (not done; still open).
  const combos: Combo[] = [
    { move: 'tilt_up', level: 'fast', gradient: 'linear_diagonal', lighting: null, colors: ['blue', 'pink'] },
    { move: 'tilt_down', level: 'medium', gradient: 'radial', lighting: null, colors: ['blue', 'red'] },
    { move: 'pan_left', level: 'slow', gradient: 'flat', lighting: null, colors: ['red', 'black'] },
  ];
  for (const c of combos) {
    it(`${c.colors?.join(' + ')}, ${c.move} ${c.level}`, () => {
      const s = spec('pure', c, `observable:${c.colors?.join('-')}`, 0.5);
      expect(s.cell_size).toBe(2);
      const read = makeAndRead(s);
      expect(read.palette).toEqual([...read.truth.palette].sort());
    });
  }

  // under a medium or fast roll or zoom too (the blocks' rounding jitter, ≈ 0.03–0.04 diag/s, cannot change their level)
  const turning: Combo[] = [
    { move: 'roll_cw', level: 'fast', gradient: 'linear_diagonal', lighting: null, colors: ['blue', 'pink'] },
    { move: 'zoom_out', level: 'medium', gradient: 'radial', lighting: null, colors: ['orange', 'purple'] },
  ];
  for (const c of turning) {
    it(`${c.colors?.join(' + ')}, ${c.move} ${c.level}: palette and level as claimed`, () => {
      const s = spec('pure', c, `observable:${c.move}:${c.colors?.join('-')}`, 1);
      const read = makeAndRead(s);
      expect({ palette: read.palette, motion: read.motion, camera: read.camera }).toEqual({ palette: [...read.truth.palette].sort(), motion: read.truth.motion.level, camera: c.move });
    });
  }

  it('pure cells of an even size are drawn in whole 2×2 chroma blocks under every translation', () => {
    for (const move of ['pan_left', 'tilt_down', 'shake'] as const) {
      const s = buildSpec(ask((x) => ((x.camera.move = move), (x.motion.level = 'medium'))), primitiveKnowledge(), { seed: `blocks:${move}`, width: 64, height: 48, duration_s: 0.2, mode: 'pure', cellSize: 2 });
      const r = createFieldRenderer(s);
      const rgba = new Uint8ClampedArray(64 * 48 * 4);
      for (let f = 0; f < s.frame_count; f++) {
        r.render(f, rgba);
        let mixed = 0;
        for (let y = 0; y < 48; y += 2) {
          for (let x = 0; x < 64; x += 2) {
            const px = (dx: number, dy: number) => ((y + dy) * 64 + x + dx) * 4;
            for (const [dx, dy] of [[1, 0], [0, 1], [1, 1]] as const) if ([0, 1, 2].some((c) => rgba[px(dx, dy) + c] !== rgba[px(0, 0) + c])) mixed++;
          }
        }
        expect(mixed, `${move} frame ${f}`).toBe(0);
      }
    }
  });
});

describe('blended texture for a move', () => {
  const palette = buildSpec(ask((x) => (x.lighting = 'low_key')), primitiveKnowledge(), { seed: 'tex', mode: 'blended' }).palette;
  it('a still camera keeps the one-octave texture', () => {
    expect(blendedTexture(palette, 0, { width: 320, height: 240, fps: 30 })).toEqual({ ...BLENDED_TEXTURE });
  });
  it('adds octaves until the coarsest lattice is TEXTURE_LATTICE_PER_STEP steps, and swings luma by MIN_TEXTURE_LUMA_SWING', () => {
    const frame = { width: 320, height: 240, fps: 30 };
    const octaves = [0.03, 0.06, 0.2, 0.5, 2].map((speed) => blendedTexture(palette, speed, frame).octaves);
    expect(octaves).toEqual([1, 1, 2, 3, MAX_TEXTURE_OCTAVES]);
    for (const speed of [0.06, 0.2, 0.5]) {
      const t = blendedTexture(palette, speed, frame);
      const coarsest = t.scale_px * 2 ** ((t.octaves ?? 1) - 1);
      const step = (speed * 400) / 30;
      expect(coarsest >= TEXTURE_LATTICE_PER_STEP * step || t.octaves === MAX_TEXTURE_OCTAVES).toBe(true);
    }
    const lumas = palette.map((c) => c.luma);
    const spread = Math.max(...lumas) - Math.min(...lumas);
    const t = blendedTexture(palette, 0.2, frame);
    expect(t.amplitude * spread).toBeGreaterThanOrEqual(Math.min(MIN_TEXTURE_LUMA_SWING, 0.25 * spread) - 1e-3);
    // a shake keeps the texture in place over a window: no stronger texture (its ramp would read complex)
    expect(blendedTexture(palette, 0.2, frame, 'shake').amplitude).toBe(BLENDED_TEXTURE.amplitude);
    // a slow move too, but its texture swings MIN_SLOW_TEXTURE_SWING of the ramp's luma, up to MAX_SLOW_TEXTURE_AMPLITUDE
    expect(blendedTexture(palette, 0.05, frame, 'pan_left', 0.5).amplitude).toBe(BLENDED_TEXTURE.amplitude);
    expect(blendedTexture(palette, 0.05, frame, 'pan_left', 0.225).amplitude).toBeCloseTo(MIN_SLOW_TEXTURE_SWING / 0.225, 3);
    expect(blendedTexture(palette, 0.05, frame, 'pan_left', 0.1).amplitude).toBe(MAX_SLOW_TEXTURE_AMPLITUDE);
  });
  it('a slow blended move is claimed only where its texture swings the ramp\'s luma by MIN_SLOW_TEXTURE_SWING (100 seeds)', () => {
    let unclaimed = 0;
    let claimed = 0;
    for (let i = 0; i < 100; i++) {
      const spec = buildSpec(ask((x) => (x.motion.level = 'slow')), primitiveKnowledge(), { seed: `slow-swing:${i}`, width: 320, height: 240, duration_s: 0.2, mode: 'blended' });
      if (spec.camera.move === 'static' || spec.camera.move === 'shake' || spec.gradient.type === 'flat' || !spec.texture) continue;
      const swing = spec.texture.amplitude * rampLumaRange(spec);
      if ((spec.unobservable ?? []).includes('camera')) {
        if (swing < MIN_SLOW_TEXTURE_SWING) unclaimed++;
        continue;
      }
      claimed++;
      expect(swing, `seed ${i}`).toBeGreaterThanOrEqual(MIN_SLOW_TEXTURE_SWING - 1e-3);
    }
    // the rule bites on some of the loop's own palettes and leaves most slow moves claimed
    expect(unclaimed).toBeGreaterThan(0);
    expect(claimed).toBeGreaterThan(unclaimed);
  });
});

describe('moves no tracker follows are not made', () => {
  it('a fast move is made at MAX_TRACKABLE_SPEED at most, whatever the discovered entry says', () => {
    expect(observableSpeed('fast', 3.7)).toBe(MAX_TRACKABLE_SPEED);
    const knowledge = primitiveKnowledge();
    knowledge.camera = knowledge.camera.map((e) => (e.canonical === 'pan_left' ? { ...e, raw: { dx: -3.2 } } : e));
    const s = buildSpec(ask((x) => (x.camera.move = 'pan_left')), knowledge, { seed: 'fast-entry', width: 320, height: 240, duration_s: 1 });
    expect(s.motion.level).toBe('fast');
    expect(s.motion.speed).toBeLessThanOrEqual(MAX_TRACKABLE_SPEED);
    expect(Math.abs(s.camera.dx)).toBeLessThanOrEqual(MAX_TRACKABLE_SPEED + 1e-9);
  });
});
