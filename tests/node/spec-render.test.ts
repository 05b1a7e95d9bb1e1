import { describe, expect, it } from 'vitest';
import { emptyInstruction, type Instruction } from '../../src/core/language/instruction.ts';
import { AUDIBLE_TONE_CYCLES, BAND_EDGE_MARGIN_DEG, BLENDED_TEXTURE, clearOfBandEdges, blendedTexture, buildSpec, FLAT_NOISE_MARGIN, flatMixNoise, MIN_PREDICTED_RAMP_FIT, pureRampFit, pureRampInView, radialLooksLinear, rampLumaRange, RAMP_SPREAD_MARGIN, rampSpread, REDRAW_SHARE } from '../../src/core/plan/build-spec.ts';
import { FLAT_STD, fitGradient } from '../../src/core/vision/gradient.ts';
import { createMeanFrame } from '../../src/core/vision/mean-frame.ts';
import { conceptRule } from '../../src/core/plan/color-rules.ts';
import { diagonal } from '../../src/core/plan/camera-path.ts';
import { createFieldRenderer, drawsChromaBlocks, REDRAW_SPELL } from '../../src/core/render/frame-field.ts';
import { buildTruth } from '../../src/core/render/intended-truth.ts';
import { primitiveKnowledge } from '../../src/core/plan/primitive-knowledge.ts';
import { audioFrameStart, mixReference, planSound, soundTruth } from '../../src/core/render/sound-plan.ts';
import { measureFrameSound } from '../../src/core/audio/frame-sound.ts';
import type { Spec } from '../../src/core/plan/spec.ts';
import { luma709, rgbToOklab } from '../../src/core/color/oklab.ts';
import { framePalette } from '../../src/core/vision/palette.ts';
import { PALETTE_MIN_SHARE } from '../../src/core/registry/learning.ts';
import { createVisionTimeline } from '../../src/core/vision/vision-timeline.ts';

function ask(patch: (i: Instruction) => void): Instruction {
  const i = emptyInstruction('test');
  patch(i);
  return i;
}

function renderAll(spec: Spec) {
  const r = createFieldRenderer(spec);
  const frames: Uint8ClampedArray[] = [];
  const counts: Uint32Array[] = [];
  for (let i = 0; i < spec.frame_count; i++) {
    const rgba = new Uint8ClampedArray(spec.width * spec.height * 4);
    counts.push(r.render(i, rgba));
    frames.push(rgba);
  }
  return { r, frames, counts };
}

describe('frame field', () => {
  it('blended: a frame copied from the last one when the camera maps the same is the frame drawn afresh (still, shaking, moving, zooming)', () => {
    let copied = 0;
    for (const [move, level] of [['static', 'still'], ['static', 'slow'], ['pan_left', 'medium'], ['zoom_in', 'fast'], ['roll_cw', 'slow']] as const) {
      const spec = buildSpec(ask((x) => ((x.camera.move = move), (x.motion.level = level), (x.gradient.type = 'linear_diagonal'))), primitiveKnowledge(), { seed: `keep-${move}`, width: 48, height: 36, duration_s: 0.3, mode: 'blended' });
      expect(spec.mode).toBe('blended');
      const { frames, counts } = renderAll(spec);
      for (let i = 0; i < spec.frame_count; i++) {
        // a new renderer draws frame i alone: nothing kept from another frame
        const rgba = new Uint8ClampedArray(spec.width * spec.height * 4);
        const c = createFieldRenderer(spec).render(i, rgba);
        expect(frames[i], `${move} frame ${i}`).toEqual(rgba);
        expect(counts[i], `${move} frame ${i}`).toEqual(c);
        if (i > 0 && frames[i]!.every((v, k) => v === frames[i - 1]![k])) copied++;
      }
      // each frame's counts are its own array (the render worker transfers their buffers)
      expect(new Set(counts.map((c) => c.buffer)).size).toBe(counts.length);
    }
    // the still camera's frames are equal (the copy path ran), the moving ones' are not all equal
    expect(copied).toBeGreaterThan(0);
  });

  it('every pixel is a palette colour and the counts are exact', () => {
    const spec = buildSpec(ask((x) => (x.gradient.type = 'radial')), primitiveKnowledge(), { seed: 9, width: 64, height: 48, duration_s: 0.2 });
    const { r, frames, counts } = renderAll(spec);
    // the palette's colours, then the pool colours a frame may re-draw
    const keys = r.bins.map((c) => c.join());
    expect(keys.slice(0, spec.palette.length)).toEqual(spec.palette.map((c) => c.rgb.join()));
    frames.forEach((f, i) => {
      const mine = new Array(keys.length).fill(0);
      for (let o = 0; o < f.length; o += 4) {
        const k = keys.indexOf(`${f[o]},${f[o + 1]},${f[o + 2]}`);
        expect(k).toBeGreaterThanOrEqual(0);
        mine[k]++;
      }
      expect(Array.from(counts[i]!)).toEqual(mine);
    });
  });

  it('a pan moves the content by dx·diag/fps pixels a frame, in the §3.4 direction', () => {
    const spec = buildSpec(ask((x) => ((x.camera.move = 'pan_left'), (x.motion.level = 'medium'))), primitiveKnowledge(), { seed: 4, width: 80, height: 60, duration_s: 0.1, cellSize: 2 });
    spec.churn = 0;
    spec.redraw = null; // the per-frame pool colours sit at random screen pixels: the world's cells are what move
    // exactly 4 px a frame, content moving right (2-px cells are drawn in whole 2×2 chroma blocks: even steps are exact)
    spec.camera.dx = (4 * spec.fps) / diagonal(80, 60);
    const { frames } = renderAll(spec);
    let same = 0;
    let total = 0;
    for (let y = 0; y < 60; y++) {
      for (let x = 0; x < 76; x++) {
        const a = (y * 80 + x) * 4;
        const b = (y * 80 + x + 4) * 4;
        total++;
        if (frames[0]![a] === frames[1]![b] && frames[0]![a + 1] === frames[1]![b + 1] && frames[0]![a + 2] === frames[1]![b + 2]) same++;
      }
    }
    expect(same / total).toBeGreaterThan(0.999);
  });

  it('a linear gradient raises lightness in its direction; low_key stays dark', () => {
    const spec = buildSpec(ask((x) => ((x.gradient.type = 'linear_horizontal'), (x.camera.move = 'static'))), primitiveKnowledge(), { seed: 11, width: 120, height: 40, duration_s: 0.05 });
    const { frames } = renderAll(spec);
    const f = frames[0]!;
    const colMean = (x0: number) => {
      let s = 0;
      for (let y = 0; y < 40; y++) for (let x = x0; x < x0 + 20; x++) s += 0.2126 * f[(y * 120 + x) * 4]! + 0.7152 * f[(y * 120 + x) * 4 + 1]! + 0.0722 * f[(y * 120 + x) * 4 + 2]!;
      return s;
    };
    const rightBrighter = colMean(100) > colMean(0);
    expect(rightBrighter).toBe(spec.gradient.direction_deg === 0);
    const dark = buildSpec(ask((x) => (x.lighting = 'low_key')), primitiveKnowledge(), { seed: 3, width: 40, height: 30, duration_s: 0.2 });
    const { r, counts } = renderAll(dark);
    const truth = buildTruth(dark, r.bins, counts, counts.map(() => null));
    expect(truth.windows.every((w) => w.lighting === 'low_key')).toBe(true);
    expect(truth.frames[0]!.colors.reduce((a, c) => a + c.share, 0)).toBeCloseTo(100, 2);
  });
});

describe('variety and structure (issue 16)', () => {
  it('pure: a share of the cells shows pool colours re-drawn every frame (in spells), from the lighting band of the narrowed pool', () => {
    // a still clip has no re-drawn cells (they read as motion); a moving one has, measured here with its camera held
    const still = buildSpec(ask((x) => ((x.lighting = 'balanced'), (x.camera.move = 'static'))), primitiveKnowledge(), { seed: 'redraw', width: 80, height: 60, duration_s: 0.5 });
    expect(still.redraw).toBeNull();
    const moving = buildSpec(ask((x) => ((x.lighting = 'balanced'), (x.camera.move = 'pan_left'))), primitiveKnowledge(), { seed: 'redraw', width: 80, height: 60, duration_s: 0.5 });
    const spec = { ...moving, camera: { ...moving.camera, dx: 0, dy: 0, zoom: 0, roll: 0, shake_px: 0 } };
    const redraw = spec.redraw;
    if (!redraw) throw new Error('a pure spec re-draws pool colours');
    expect(redraw.share).toBe(REDRAW_SHARE);
    expect(redraw.per_frame).toBeGreaterThanOrEqual(Math.min(2, redraw.pool.length));
    expect(redraw.pool.length).toBeGreaterThan(spec.palette.length);
    const { r, counts } = renderAll(spec);
    const n = spec.palette.length;
    const drawnSets = new Set<string>();
    counts.forEach((c) => {
      const drawn = Array.from(c.slice(n)).map((v, k) => [k, v] as const).filter(([, v]) => v > 0);
      const share = drawn.reduce((a, [, v]) => a + v, 0) / (80 * 60);
      // the re-drawn share alone is ≈ REDRAW_SHARE of the pixels (cells are pixels here)
      expect(share).toBeGreaterThan(REDRAW_SHARE * 0.8);
      expect(share).toBeLessThan(REDRAW_SHARE * 1.2);
      drawnSets.add(drawn.map(([k]) => k).join(','));
    });
    // spells of REDRAW_SPELL frames: between two frames only ≈ 2·share/REDRAW_SPELL of the (still) cells change
    const { frames } = renderAll(spec);
    for (let f = 1; f < frames.length; f++) {
      let changed = 0;
      for (let o = 0; o < frames[f]!.length; o += 4) if (frames[f]![o] !== frames[f - 1]![o] || frames[f]![o + 1] !== frames[f - 1]![o + 1] || frames[f]![o + 2] !== frames[f - 1]![o + 2]) changed++;
      expect(changed / (80 * 60)).toBeLessThan((3 * REDRAW_SHARE) / REDRAW_SPELL + spec.churn + 0.005);
    }
    // frames draw different pool colours, and every pixel's colour is a bin the truth counts
    expect(drawnSets.size).toBeGreaterThan(3);
    expect(r.bins.length).toBe(n + redraw.pool.length);
    // the concept is respected: a warm ask re-draws only warm colours
    const warm = buildSpec(ask((x) => (x.palette.concept = 'warm')), primitiveKnowledge(), { seed: 'redraw-warm', width: 80, height: 60, duration_s: 0.2 });
    const rule = conceptRule('warm');
    if (!rule || !warm.redraw) throw new Error('warm is a concept and pure specs re-draw');
    expect(warm.redraw.pool.every((c) => rule(c.rgb))).toBe(true);
  });

  it('blended: a world-anchored texture moves with the camera, so a ramp panned along its iso-lines still changes', () => {
    const spec = buildSpec(ask((x) => ((x.gradient.type = 'linear_horizontal'), (x.camera.move = 'tilt_down'), (x.motion.level = 'medium'), (x.lighting = 'balanced'))), primitiveKnowledge(), { seed: 'texture', width: 80, height: 60, duration_s: 0.1, mode: 'blended' });
    // a move's texture: BLENDED_TEXTURE's 8 px octave and coarser ones (blendedTexture)
    expect(spec.texture).toEqual(blendedTexture(spec.palette, spec.motion.speed, spec, spec.camera.move, rampLumaRange(spec)));
    expect(spec.texture).toMatchObject({ scale_px: BLENDED_TEXTURE.scale_px });
    spec.camera.dy = (3 * spec.fps) / diagonal(80, 60); // 3 px a frame down, along the ramp's iso-lines
    const { frames } = renderAll(spec);
    let moved = 0;
    let still = 0;
    for (let y = 0; y < 57; y++) {
      for (let x = 0; x < 80; x++) {
        const a = (y * 80 + x) * 4;
        const b = ((y + 3) * 80 + x) * 4;
        if (frames[0]![a] === frames[1]![b] && frames[0]![a + 1] === frames[1]![b + 1]) moved++;
        if (frames[0]![a] === frames[1]![a] && frames[0]![a + 1] === frames[1]![a + 1]) still++;
      }
    }
    // the picture is the frame before, 3 px lower; without the texture it would also equal itself unmoved
    expect(moved / (57 * 80)).toBeGreaterThan(0.99);
    expect(still / (57 * 80)).toBeLessThan(0.8);
    const flat = { ...spec, texture: null };
    const plain = renderAll(flat).frames;
    let same = 0;
    for (let o = 0; o < plain[0]!.length; o += 4) if (plain[0]![o] === plain[1]![o] && plain[0]![o + 1] === plain[1]![o + 1]) same++;
    expect(same / (80 * 60)).toBeGreaterThan(0.99);
  });

  it('claims only what the clip can show: a blended move over one asked flat colour is made but not claimed', () => {
    const both = buildSpec(ask((x) => ((x.gradient.type = 'flat'), (x.camera.move = 'pan_left'))), primitiveKnowledge(), { seed: 'claims', width: 32, height: 24, duration_s: 0.2, mode: 'blended' });
    expect(both.camera.move).toBe('pan_left');
    // (a 0.2 s clip cannot show its beat either: 'tempo' is left unclaimed too)
    expect(both.unobservable).toEqual(expect.arrayContaining(['camera', 'motion']));
    expect(both.unobservable).not.toContain('gradient');
    const { r, counts } = renderAll(both);
    expect(buildTruth(both, r.bins, counts, counts.map(() => null)).unclaimed).toEqual(both.unobservable);
    // flat asked alone: the camera stays; a move asked alone: the gradient is not flat
    for (let i = 0; i < 6; i++) {
      expect(buildSpec(ask((x) => (x.gradient.type = 'flat')), primitiveKnowledge(), { seed: `flat:${i}`, width: 32, height: 24, mode: 'blended' }).camera.move).toBe('static');
      const moving = buildSpec(ask((x) => (x.camera.move = 'tilt_up')), primitiveKnowledge(), { seed: `move:${i}`, width: 32, height: 24, mode: 'blended' });
      expect(moving.gradient.type).not.toBe('flat');
    }
  });

  it('the truth claims the palette extraction can name (≥ 5 % of the clip) and, under a roll, the ramp the screen keeps showing', () => {
    const spec = buildSpec(ask((x) => ((x.gradient.type = 'linear_horizontal'), (x.camera.move = 'roll_cw'), (x.motion.level = 'fast'))), primitiveKnowledge(), { seed: 'roll', width: 64, height: 48, duration_s: 1.5, mode: 'blended' });
    const { r, frames, counts } = renderAll(spec);
    const truth = buildTruth(spec, r.bins, counts, counts.map(() => null));
    for (const w of truth.windows) expect(w.gradient).toMatchObject({ type: 'linear_horizontal', direction_deg: spec.gradient.direction_deg });
    // measured from the pixels: the last window's frames still get lighter towards the spec's direction
    const last = frames.slice(-15);
    const third = (x0: number, x1: number) => {
      let s = 0;
      for (const f of last) for (let y = 0; y < 48; y++) for (let x = x0; x < x1; x++) s += rgbToOklab([f[(y * 64 + x) * 4]!, f[(y * 64 + x) * 4 + 1]!, f[(y * 64 + x) * 4 + 2]!])[0];
      return s;
    };
    expect(third(43, 64) > third(0, 21)).toBe(spec.gradient.direction_deg === 0);
    const share = new Map<string, number>();
    for (const f of truth.frames) for (const c of f.colors) share.set(c.primitive, (share.get(c.primitive) ?? 0) + c.share / truth.frames.length);
    expect(new Set(truth.palette)).toEqual(new Set([...share].filter(([, v]) => v >= 5).map(([k]) => k)));
  });

  it('a long fast move keeps the gradient on screen, and a zoom keeps the world\'s detail near its size (octaves)', () => {
    // 4 s of a fast tilt: the camera travels 3.3 frame heights; the ramp is still there in the last frame
    const tilt = buildSpec(ask((x) => ((x.gradient.type = 'linear_vertical'), (x.camera.move = 'tilt_up'), (x.motion.level = 'fast'), (x.lighting = 'balanced'))), primitiveKnowledge(), { seed: 'long', width: 64, height: 48, duration_s: 4, mode: 'blended' });
    const t = renderAll(tilt).frames.at(-1)!;
    const rowLight = (y0: number, y1: number) => {
      let s = 0;
      for (let y = y0; y < y1; y++) for (let x = 0; x < 64; x++) s += rgbToOklab([t[(y * 64 + x) * 4]!, t[(y * 64 + x) * 4 + 1]!, t[(y * 64 + x) * 4 + 2]!])[0];
      return s / ((y1 - y0) * 64);
    };
    const down = tilt.gradient.direction_deg === 90 ? 1 : -1;
    expect(down * (rowLight(32, 48) - rowLight(0, 16))).toBeGreaterThan(0.1);
    // 4 s of a fast zoom scales the world e^10 ≈ 36,000×: without octaves the last frame would be one cell
    const zoom = buildSpec(ask((x) => ((x.gradient.type = 'flat'), (x.camera.move = 'zoom_in'), (x.motion.level = 'fast'))), primitiveKnowledge(), { seed: 'zoom', width: 64, height: 48, duration_s: 4 });
    zoom.churn = 0;
    zoom.redraw = null;
    expect(zoom.camera.zoom * 4).toBeGreaterThan(Math.log(1000));
    const { frames } = renderAll(zoom);
    const sameRight = (f: Uint8ClampedArray) => {
      let same = 0;
      for (let y = 0; y < 48; y++) for (let x = 0; x < 63; x++) if (f[(y * 64 + x) * 4] === f[(y * 64 + x + 1) * 4] && f[(y * 64 + x) * 4 + 1] === f[(y * 64 + x + 1) * 4 + 1]) same++;
      return same / (48 * 63);
    };
    const shares = frames.map(sameRight);
    // cells 1 px at frame 0 (same-colour neighbours only by chance), at most 4× (ZOOM_OCTAVES) later
    expect(Math.max(...shares)).toBeLessThan(0.9);
    expect(shares.at(-1)!).toBeGreaterThan(shares[0]!);
    // consecutive frames still share most of their pixels' colours at the zoomed positions (content moves, not churns)
    let kept = 0;
    const f0 = frames[60]!;
    const f1 = frames[61]!;
    for (let o = 0; o < f0.length; o += 4) if (f0[o] === f1[o]) kept++;
    expect(kept / (64 * 48)).toBeGreaterThan(0.5);
  });
});

describe('what a pure ramp can show', () => {
  it('a pure ramp is on the world: claimed while it stays in view, not after a long move leaves it (measured on the pixels)', () => {
    const tiltOf = (duration_s: number, seed: string) => buildSpec(ask((x) => ((x.gradient.type = 'linear_vertical'), (x.camera.move = 'tilt_up'), (x.motion.level = 'fast'), (x.lighting = 'balanced'))), primitiveKnowledge(), { seed, width: 64, height: 48, duration_s });
    // light rows minus dark rows of a frame, in OKLab L, signed so the ramp's own direction is positive
    const contrast = (spec: Spec, f: Uint8ClampedArray) => {
      const rows = (y0: number, y1: number) => {
        let s = 0;
        for (let y = y0; y < y1; y++) for (let x = 0; x < 64; x++) s += rgbToOklab([f[(y * 64 + x) * 4]!, f[(y * 64 + x) * 4 + 1]!, f[(y * 64 + x) * 4 + 2]!])[0];
        return s / ((y1 - y0) * 64);
      };
      return (spec.gradient.direction_deg === 90 ? 1 : -1) * (rows(32, 48) - rows(0, 16));
    };
    const short = tiltOf(0.2, 'ramp-short');
    short.churn = 0;
    short.redraw = null;
    expect(short.unobservable).not.toContain('gradient');
    expect(contrast(short, renderAll(short).frames.at(-1)!)).toBeGreaterThan(0.05);
    const long = tiltOf(4, 'ramp-long');
    long.churn = 0;
    long.redraw = null;
    expect(long.unobservable).toContain('gradient');
    // 4 s at 0.5 diag/s: the view is 6.7 frame heights past the ramp, on one end's colours
    expect(Math.abs(contrast(long, renderAll(long).frames.at(-1)!))).toBeLessThan(0.03);
    expect(pureRampInView(long.gradient, long.camera, long)).toBe(false);
    expect(pureRampInView(long.gradient, { ...long.camera, move: 'static', dy: 0 }, long)).toBe(true);
  });
});

describe('what a pure ramp shows in a window\'s mean frame', () => {
  it('cells are drawn on levels re-timed so the colour signal grows linearly, and a ramp too faint for its cells\' mix is not claimed: the claimed read their type (still and rolled)', () => {
    // the window's mean frame of a 0.5 s clip, fitted by extraction's rule, against the truth's window type; before the
    // re-timing, 3-colour ramps had plateaus at their colours and 15 of 64 such clips (8 seeds) read radial (static 8, roll 7)
    let unclaimed = 0;
    for (const move of ['static', 'roll_cw'] as const) {
      let ok = 0;
      let n = 0;
      const radial: string[] = [];
      for (const type of ['linear_horizontal', 'linear_vertical', 'linear_diagonal', 'radial'] as const) {
        for (let s = 0; s < 6; s++) {
          const spec = buildSpec(ask((x) => ((x.gradient.type = type), (x.camera.move = move), (x.motion.level = move === 'static' ? 'still' : 'medium'))), primitiveKnowledge(), { seed: `ramp:${type}:${s}`, width: 160, height: 120, duration_s: 0.5 });
          if (spec.gradient.type !== type) continue;
          const r = createFieldRenderer(spec);
          const mf = createMeanFrame(160, 120);
          const counts: Uint32Array[] = [];
          const rgba = new Uint8ClampedArray(160 * 120 * 4);
          for (let f = 0; f < spec.frame_count; f++) {
            counts.push(r.render(f, rgba));
            mf.add(rgba);
          }
          const want = buildTruth(spec, r.bins, counts, counts.map(() => null)).windows[0]!.gradient.type;
          const fit = fitGradient(mf.mean()!, mf.cols, mf.rows, 160, 120);
          const read = fit.type;
          // the predicted fit of the cells' mix follows the one read (a roll's smear lowers the read a little)
          const predicted = pureRampFit(spec, { width: 160, height: 120, fps: spec.fps, cellSize: spec.cell_size }, spec.motion.speed);
          if (read !== 'complex') expect(Math.abs(predicted - fit.fit), `${spec.seed} ${move}`).toBeLessThan(0.15);
          // a ramp whose grid averages too few cells for its contrast is made but not claimed
          expect((spec.unobservable ?? []).includes('gradient')).toBe(predicted < MIN_PREDICTED_RAMP_FIT);
          if ((spec.unobservable ?? []).includes('gradient')) {
            unclaimed++;
            continue;
          }
          n++;
          if (read === want) ok++;
          else if (read === 'radial') radial.push(`${spec.seed} ${want}`);
        }
      }
      expect(radial, move).toEqual([]);
      expect(ok / n, move).toBeGreaterThanOrEqual(0.95);
    }
    expect(unclaimed).toBeGreaterThan(0);
  });
});

describe('what a blended radial can show', () => {
  it('a radial centred on the frame\'s edge is drawn as asked but reads as a ramp, so it is not claimed; an inner centre is', () => {
    const knowledge = primitiveKnowledge();
    const radial = knowledge.gradient.find((e) => e.canonical === 'radial');
    expect(radial).toBeDefined();
    const withCentre = (cx: number, cy: number) => ({ ...knowledge, gradient: [{ ...radial!, raw: { ...radial!.raw, center_x: cx, center_y: cy } }] });
    // the mean frame's grid (32×32 mean sRGB cells) of a still blended clip, fitted by extraction's own rule
    const readOf = (spec: Spec) => {
      const f = renderAll(spec).frames[0]!;
      const grid = new Float64Array(32 * 32 * 3);
      for (let gy = 0; gy < 32; gy++) {
        for (let gx = 0; gx < 32; gx++) {
          let n = 0;
          for (let y = Math.floor((gy * 96) / 32); y < Math.floor(((gy + 1) * 96) / 32); y++) {
            for (let x = gx * 4; x < gx * 4 + 4; x++, n++) for (let c = 0; c < 3; c++) grid[(gy * 32 + gx) * 3 + c]! += f[(y * 128 + x) * 4 + c]!;
          }
          for (let c = 0; c < 3; c++) grid[(gy * 32 + gx) * 3 + c]! /= n;
        }
      }
      return fitGradient(grid, 32, 32, 128, 96).type;
    };
    const make = (cx: number, cy: number) =>
      buildSpec(ask((x) => ((x.gradient.type = 'radial'), (x.camera.move = 'static'), (x.lighting = 'balanced'))), withCentre(cx, cy), { seed: `edge-radial:${cx}`, mode: 'blended', width: 128, height: 96, duration_s: 0.1 });
    const edge = make(0, 0.656);
    expect(edge.gradient).toMatchObject({ type: 'radial', center: [0, 0.656] });
    expect(radialLooksLinear(edge.gradient, edge)).toBe(true);
    expect(edge.unobservable).toContain('gradient');
    expect(readOf(edge)).toMatch(/^linear_/);
    const inner = make(0.3, 0.5);
    expect(radialLooksLinear(inner.gradient, inner)).toBe(false);
    expect(inner.unobservable ?? []).not.toContain('gradient');
    expect(readOf(inner)).toBe('radial');
    // pure edge radials too, now that their levels are re-timed (3 of 3 read linear in a 100-job run)
    const pure = buildSpec(ask((x) => ((x.gradient.type = 'radial'), (x.camera.move = 'static'))), withCentre(0, 0.656), { seed: 'edge-radial:pure', mode: 'pure', width: 128, height: 96, duration_s: 0.1 });
    expect(pure.unobservable ?? []).toContain('gradient');
    // a centre a sixth of the width in from the top edge (R² 0.923) read linear_diagonal in the loop: not claimed either
    expect(radialLooksLinear({ ...edge.gradient, center: [0.156, 0] }, { width: 320, height: 240 })).toBe(true);
    expect(radialLooksLinear({ ...edge.gradient, center: [0.3, 0.3] }, { width: 320, height: 240 })).toBe(false);
  });

  it('a ramp\'s direction keeps clear of the angle bands\' edges, on its own band\'s side', () => {
    expect(clearOfBandEdges(21.1)).toBe(17.5);
    expect(clearOfBandEdges(24)).toBe(27.5);
    expect(clearOfBandEdges(201.1)).toBe(197.5);
    expect(clearOfBandEdges(336)).toBe(337.5 - 5);
    expect(clearOfBandEdges(45)).toBe(45);
    expect(clearOfBandEdges(0)).toBe(0);
    for (let d = 0; d < 360; d += 0.7) {
      const c = clearOfBandEdges(d);
      const a = c % 90;
      expect(Math.min(Math.abs(a - 22.5), Math.abs(a - 67.5))).toBeGreaterThanOrEqual(BAND_EDGE_MARGIN_DEG - 1e-9);
      // the band (horizontal, vertical or diagonal) is the one the direction was in
      const band = (x: number) => { const m = x % 180; return m < 22.5 || m >= 157.5 ? 'h' : m >= 67.5 && m < 112.5 ? 'v' : 'd'; };
      expect(band(c), String(d)).toBe(band(d));
    }
  });
});

describe('what a flat pure field can show', () => {
  it('the analysis grid\'s spread over a still flat mix is as predicted; a flat it cannot show is not claimed', () => {
    let unclaimed = 0;
    for (let i = 0; i < 8; i++) {
      const spec = buildSpec(ask((x) => ((x.gradient.type = 'flat'), (x.camera.move = 'static'))), primitiveKnowledge(), { seed: `flatmix:${i}`, width: 160, height: 120, duration_s: 0.1 });
      spec.churn = 0;
      const predicted = flatMixNoise(spec.palette, spec.palette_weights, { width: 160, height: 120, fps: spec.fps, cellSize: 1 }, 0);
      // measured from the pixels: OKLab std over a 32×32 grid of mean colours of the first frame
      const f = renderAll(spec).frames[0]!;
      const labs: number[][] = [];
      for (let gy = 0; gy < 32; gy++) {
        for (let gx = 0; gx < 32; gx++) {
          const acc = [0, 0, 0];
          let n = 0;
          for (let y = Math.floor((gy * 120) / 32); y < Math.floor(((gy + 1) * 120) / 32); y++) {
            for (let x = gx * 5; x < gx * 5 + 5; x++, n++) for (let c = 0; c < 3; c++) acc[c]! += f[(y * 160 + x) * 4 + c]!;
          }
          labs.push(rgbToOklab(acc.map((v) => v / n) as [number, number, number]));
        }
      }
      const mean = [0, 1, 2].map((c) => labs.reduce((a, l) => a + l[c]!, 0) / labs.length);
      const measured = Math.sqrt(labs.reduce((a, l) => a + (l[0]! - mean[0]!) ** 2 + (l[1]! - mean[1]!) ** 2 + (l[2]! - mean[2]!) ** 2, 0) / labs.length);
      expect(measured / predicted).toBeGreaterThan(0.6);
      expect(measured / predicted).toBeLessThan(1.4);
      if ((spec.unobservable ?? []).includes('gradient')) unclaimed++;
      expect((spec.unobservable ?? []).includes('gradient')).toBe(predicted * FLAT_NOISE_MARGIN >= FLAT_STD);
    }
    expect(unclaimed).toBeGreaterThan(0);
  });
});

describe('sound plan', () => {
  it('intended breakdowns follow the mix weights; a tone-only frame is 100 % tone at its Hz', () => {
    const spec = buildSpec(emptyInstruction(), primitiveKnowledge(), { seed: 21, width: 32, height: 24, duration_s: 1 });
    const plan = planSound(spec);
    const truth = soundTruth(plan, spec.frame_count, spec.fps);
    expect(truth.length).toBe(30);
    spec.sound.mixes.forEach((mix, i) => {
      const t = truth[i]!;
      const want = { tone: 0, rumble: 0, hiss: 0 };
      for (const p of mix.parts) {
        const s = spec.sound.pool[p.sound]!;
        want.tone += p.weight * s.breakdown.tone;
        want.rumble += p.weight * s.breakdown.rumble;
        want.hiss += p.weight * s.breakdown.hiss;
      }
      const total = want.tone + want.rumble + want.hiss;
      if (total === 0) {
        expect(t.breakdown.silence).toBe(100);
        return;
      }
      // Cross terms and the 1 ms ramp move shares a little from the weights, never much.
      for (const k of ['tone', 'rumble', 'hiss'] as const) expect(Math.abs(t.breakdown[k] - (100 * want[k]) / total)).toBeLessThan(6);
      expect(Math.abs(t.rms_db - mix.level_db)).toBeLessThan(1.5);
      const sum = t.breakdown.silence + t.breakdown.tone + t.breakdown.rumble + t.breakdown.hiss;
      expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.01);
    });
    const tone = buildSpec(ask((x) => ((x.sound.primitives = ['tone']), (x.sound.tone_hz = 440))), primitiveKnowledge(), { seed: 2, width: 32, height: 24 });
    for (const f of soundTruth(planSound(tone), tone.frame_count, tone.fps)) expect(f).toMatchObject({ breakdown: { tone: 100, rumble: 0, hiss: 0, silence: 0 }, tone_hz: 440 });
  });

  it('a tone too low for a frame to tell from rumble is made whole octaves higher, and a mix with rumble then reads it', () => {
    const knowledge = primitiveKnowledge();
    // a discovered G1 hum (49.1 Hz: 1.6 cycles in a 30 fps frame) and a rumble, mixed in every frame
    knowledge.sounds = [
      { name: 'G1 tone with some rumble', breakdown: { silence: 0, tone: 60, rumble: 40, hiss: 0 }, tone_hz: 49.1, origin: 'discovery', count: 1 },
      { name: 'rumble', breakdown: { silence: 0, tone: 0, rumble: 100, hiss: 0 }, tone_hz: null, origin: 'primitive', count: 1 },
    ];
    const spec = buildSpec(ask((x) => (x.sound.presence = 'full')), knowledge, { seed: 'low-tone', width: 32, height: 24, duration_s: 0.5 });
    const made = spec.sound.pool.find((p) => p.breakdown.tone > 0)!;
    expect(made.tone_hz).toBeGreaterThanOrEqual(AUDIBLE_TONE_CYCLES * spec.fps);
    expect(Math.abs(Math.log2(made.tone_hz! / 49.1) - Math.round(Math.log2(made.tone_hz! / 49.1)))).toBeLessThan(0.001);
    // the frames as extraction measures them, against the truth: 1 − mean total-variation (the learning record's agreement)
    const agreement = (sp: Spec) => {
      const plan = planSound(sp);
      const mix = mixReference(plan);
      const truth = soundTruth(plan, sp.frame_count, sp.fps);
      let tv = 0;
      truth.forEach((t, f) => {
        const o = measureFrameSound(mix.subarray(audioFrameStart(f, sp.fps, sp.sample_rate), audioFrameStart(f + 1, sp.fps, sp.sample_rate)), sp.sample_rate).breakdown;
        tv += (Math.abs(o.tone - t.breakdown.tone) + Math.abs(o.rumble - t.breakdown.rumble) + Math.abs(o.hiss - t.breakdown.hiss) + Math.abs(o.silence - t.breakdown.silence)) / 200;
      });
      return 1 - tv / truth.length;
    };
    // made at 49.1 Hz the tone reads as rumble in every frame; a frame of brown noise alone still reads its share
    // ±20 points (its energy is a few slow swings), which the lifted tone's frames show
    const low = structuredClone(spec);
    low.sound.pool.find((p) => p.breakdown.tone > 0)!.tone_hz = 49.1;
    const [lifted, asFound] = [agreement(spec), agreement(low)];
    console.log(`G1 hum in a rumble mix: agreement ${asFound.toFixed(3)} at 49.1 Hz, ${lifted.toFixed(3)} at ${made.tone_hz} Hz`);
    expect(lifted).toBeGreaterThan(0.8);
    expect(lifted - asFound).toBeGreaterThan(0.1);
  });

  it('two pool tones a few cents apart are one peak that beats: the truth counts their sum\'s energy, as a frame measures it', () => {
    const knowledge = primitiveKnowledge();
    knowledge.sounds = [
      { name: 'A♯4 tone', breakdown: { silence: 0, tone: 100, rumble: 0, hiss: 0 }, tone_hz: 466.22, origin: 'discovery', count: 1 },
      { name: 'A♯4 tone 2', breakdown: { silence: 0, tone: 100, rumble: 0, hiss: 0 }, tone_hz: 467.03, origin: 'discovery', count: 1 },
      { name: 'hiss', breakdown: { silence: 0, tone: 0, rumble: 0, hiss: 100 }, tone_hz: null, origin: 'primitive', count: 1 },
    ];
    const spec = buildSpec(ask((x) => (x.sound.presence = 'full')), knowledge, { seed: 'beating', width: 32, height: 24, duration_s: 1 });
    // (the creator now makes such a pair at one pitch, separateTones; the truth must still count a pair that beats)
    spec.sound.pool = knowledge.sounds.map((k) => ({ name: k.name, breakdown: { ...k.breakdown }, tone_hz: k.tone_hz, origin: k.origin }));
    // every frame holds both tones (and the hiss), at equal weights: they beat at 0.8 Hz, so frames near the middle cancel
    spec.sound.mixes = spec.sound.mixes.map((m) => ({ ...m, parts: spec.sound.pool.map((_, k) => ({ sound: k, weight: 1 / 3 })) }));
    const plan = planSound(spec);
    const mix = mixReference(plan);
    const truth = soundTruth(plan, spec.frame_count, spec.fps);
    const tones = truth.map((t) => t.breakdown.tone);
    expect(Math.max(...tones) - Math.min(...tones)).toBeGreaterThan(30);
    // FOUNDATION §3.2: a mix of known energies within ±10 points (the frame's Hann window weighs its middle, where a beat's
    // null can sit: a few points more there); counted tone by tone, a null frame was claimed 60 points above what it holds
    let sum = 0;
    truth.forEach((t, f) => {
      const o = measureFrameSound(mix.subarray(audioFrameStart(f, spec.fps, spec.sample_rate), audioFrameStart(f + 1, spec.fps, spec.sample_rate)), spec.sample_rate).breakdown;
      expect(Math.abs(o.tone - t.breakdown.tone), `frame ${f}`).toBeLessThan(15);
      sum += Math.abs(o.tone - t.breakdown.tone);
    });
    expect(sum / truth.length).toBeLessThan(5);
  });

  it('blended mode: melody per window, clicks at the bpm, truth melody and tempo', () => {
    const spec = buildSpec(ask((x) => (x.sound.bpm = 120)), primitiveKnowledge(), { seed: 8, width: 32, height: 24, duration_s: 2, mode: 'blended' });
    const plan = planSound(spec);
    const click = plan.components.find((c) => c.kind === 'click')!;
    const onsets: number[] = [];
    for (let n = 1; n < plan.length; n++) if (click.signal[n - 1] === 0 && click.signal[n] !== 0) onsets.push(n);
    expect(onsets.slice(0, 3)).toEqual([24000, 48000, 72000]);
    const r = createFieldRenderer(spec);
    const counts = Array.from({ length: spec.frame_count }, (_, i) => r.render(i, new Uint8ClampedArray(32 * 24 * 4)));
    const truth = buildTruth(spec, r.bins, counts, soundTruth(plan, spec.frame_count, spec.fps));
    expect(truth.tempo).toEqual({ bpm: 120, label: 'medium' });
    expect(truth.melody.length).toBeGreaterThan(0);
    expect(truth.melody[0]!.start).toBe(0);
    expect(truth.windows.length).toBe(4);
  });
});

describe('a long fast blended roll with a pan and zoom (a discovered camera entry)', () => {
  it('is the same step every frame: the speed read per window stays constant and the move is the one claimed', () => {
    const base = buildSpec(ask((x) => ((x.camera.move = 'roll_cw'), (x.motion.level = 'fast'), (x.gradient.type = 'linear_diagonal'))), primitiveKnowledge(), { seed: 'long-roll', width: 160, height: 120, duration_s: 4, mode: 'blended' });
    expect(base.mode).toBe('blended');
    // the camera of a seed-2 loop miss (job mxd7f8zi): roll with a pan and a zoom, 0.8 diag/s made
    const spec: Spec = { ...base, camera: { ...base.camera, move: 'roll_cw', dx: 0.2315, dy: -0.7245, zoom: 0.0859, roll: -75.47, shake_px: 0, shake_deg: 0 } };
    const { r, frames, counts } = renderAll(spec);
    const tl = createVisionTimeline({ width: spec.width, height: spec.height, fps: spec.fps });
    frames.forEach((f, i) => tl.pushFrame(f, i, i / spec.fps));
    const ws = tl.finish().windows;
    const truth = buildTruth(spec, r.bins, counts, counts.map(() => null));
    const speeds = ws.map((w) => w.motion.speed);
    expect(ws.length).toBeGreaterThanOrEqual(6);
    // before: 0.81, 1.03, 1.44 … 3.82 diag/s, read pan_left from the third window
    expect(Math.max(...speeds) / Math.min(...speeds)).toBeLessThan(1.3);
    for (const w of ws) expect(w.camera.move).toBe(truth.camera.move);
  });
});

describe('a ramp of close colours is made but not claimed', () => {
  // The palette and gradient of a seed-2 loop job (mxd9ggas) whose blended radial read `flat` in every window: its
  // levels mix four colours of near luma, so over the analysis grid they spread less than extraction's FLAT_STD.
  const close: Spec['palette'] = [
    { name: 'Bluebell', rgb: [61, 46, 155], primitive: 'blue', origin: 'discovery', luma: 0.2238, L: 0.3924 },
    { name: 'Drip Coffee', rgb: [122, 36, 28], primitive: 'red', origin: 'discovery', luma: 0.2106, L: 0.394 },
    { name: 'blue', rgb: [0, 0, 255], primitive: 'blue', origin: 'primitive', luma: 0.0722, L: 0.452 },
    { name: 'Plastic Lips', rgb: [163, 30, 108], primitive: 'purple', origin: 'discovery', luma: 0.2506, L: 0.485 },
  ] as Spec['palette'];
  const base = buildSpec(ask((x) => ((x.gradient.type = 'radial'), (x.camera.move = 'static'))), primitiveKnowledge(), { seed: 'close-ramp', width: 160, height: 120, duration_s: 0.5, mode: 'blended' });
  const read = (spec: Spec) => {
    const tl = createVisionTimeline({ width: spec.width, height: spec.height, fps: spec.fps });
    renderAll(spec).frames.forEach((f, i) => tl.pushFrame(f, i, i / spec.fps));
    return tl.finish().windows[0]!.gradient.type;
  };

  it('rampSpread predicts the flat read: under FLAT_STD × RAMP_SPREAD_MARGIN it reads flat, a far palette reads its type', () => {
    const spec: Spec = { ...base, palette: close, palette_weights: [0.25, 0.25, 0.25, 0.25], gradient: { ...base.gradient, type: 'radial', direction_deg: null, center: [0.604, 1] } };
    expect(rampSpread(spec, spec)).toBeLessThan(FLAT_STD * RAMP_SPREAD_MARGIN);
    expect(read(spec)).toBe('flat');
    const far: Spec = { ...spec, palette: [close[2]!, { ...close[0]!, rgb: [250, 240, 200] }], palette_weights: [0.5, 0.5], gradient: { ...spec.gradient, center: [0.5, 0.5] } };
    expect(rampSpread(far, far)).toBeGreaterThan(FLAT_STD * RAMP_SPREAD_MARGIN);
    expect(read(far)).toBe('radial');
  });

  it('buildSpec never claims a ramp (or complex field) whose predicted spread is under the margin (200 seeds, both modes)', () => {
    for (let i = 0; i < 200; i++) {
      const spec = buildSpec(ask(() => {}), primitiveKnowledge(), { seed: `spread:${i}`, width: 160, height: 120, duration_s: 0.5, mode: i % 2 ? 'pure' : 'blended' });
      if (spec.gradient.type === 'flat') continue;
      if (rampSpread(spec, spec) < FLAT_STD * RAMP_SPREAD_MARGIN) expect(spec.unobservable ?? [], `seed ${i}`).toContain('gradient');
    }
  });
});

describe('a palette claimed only where a palette reading names it', () => {
  /** A still blended ramp over these colours (equal weights), its truth, and the palette extraction's reading names from its rendered frame. */
  function readRamp(colors: { rgb: [number, number, number]; primitive: Spec['palette'][number]['primitive'] }[]) {
    const base = buildSpec(ask((x) => ((x.gradient.type = 'linear_diagonal'), (x.camera.move = 'static'))), primitiveKnowledge(), { seed: 'palette-read', width: 160, height: 120, duration_s: 0.1, mode: 'blended' });
    const palette = colors.map((c) => ({ ...base.palette[0]!, rgb: c.rgb, primitive: c.primitive, luma: luma709(c.rgb) }));
    const spec: Spec = { ...base, palette, palette_weights: colors.map(() => 1 / colors.length), gradient: { ...base.gradient, type: 'linear_diagonal', direction_deg: 328.6, center: null }, unobservable: [] };
    const { r, frames, counts } = renderAll(spec);
    const truth = buildTruth(spec, r.bins, counts, counts.map(() => null));
    const read = framePalette(frames[0]!).filter((c) => c.share >= PALETTE_MIN_SHARE).map((c) => c.primitive);
    return { truth, read: [...new Set(read)].sort() };
  }
  it('a ramp of close grays, greens and teals (seed 1, job mxda005r: gray on 37 % of the pixels, read as one teal cluster) is made but its palette not claimed', () => {
    const { truth, read } = readRamp([
      { rgb: [119, 105, 88], primitive: 'gray' },
      { rgb: [132, 110, 93], primitive: 'gray' },
      { rgb: [131, 89, 201], primitive: 'magenta' },
      { rgb: [0, 143, 59], primitive: 'green' },
      { rgb: [40, 139, 149], primitive: 'teal' },
      { rgb: [143, 134, 120], primitive: 'gray' },
      { rgb: [126, 146, 143], primitive: 'gray' },
    ]);
    // the per-colour naming and a reading of the same exact frame disagree: the claim would be the truth's miss
    expect([...truth.palette].sort()).not.toEqual(read);
    expect(truth.unclaimed).toContain('palette');
  });
  it('a ramp between far colours keeps its palette claimed, and a reading of its frame names that palette', () => {
    const { truth, read } = readRamp([
      { rgb: [20, 40, 160], primitive: 'blue' },
      { rgb: [230, 200, 30], primitive: 'yellow' },
    ]);
    expect(truth.unclaimed ?? []).not.toContain('palette');
    expect([...truth.palette].sort()).toEqual(read);
  });
});

describe('a pure palette drawn per pixel is not claimed', () => {
  it('a slow roll (cells per pixel: a 4:2:0 block mixes two colours) leaves the palette unclaimed; a slow pan and a medium roll (chroma blocks) claim it', () => {
    const make = (move: 'roll_cw' | 'pan_right', level: 'slow' | 'medium') => buildSpec(ask((x) => ((x.camera.move = move), (x.motion.level = level))), primitiveKnowledge(), { seed: `blocks-${move}-${level}`, width: 320, height: 240, duration_s: 0.1, mode: 'pure' });
    const slowRoll = make('roll_cw', 'slow');
    expect(slowRoll.cell_size % 2).toBe(0);
    expect(drawsChromaBlocks(slowRoll)).toBe(false);
    expect(slowRoll.unobservable).toContain('palette');
    for (const spec of [make('pan_right', 'slow'), make('roll_cw', 'medium')]) {
      expect(drawsChromaBlocks(spec)).toBe(true);
      expect(spec.unobservable ?? []).not.toContain('palette');
    }
  });
});
