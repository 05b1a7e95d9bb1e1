// The streaming video timeline: windows (lighting, colour, camera), hard cuts with F1 on synthetic edits with pans,
// zooms and flashes (FOUNDATION §3.6, §3.8), shots, and the observed narrative per shot (§3.9).
import { describe, expect, it } from 'vitest';
import { colorDepth } from '../../src/core/color/depth.ts';
import { windowBounds } from '../../src/core/report/analysis.ts';
import { observeNarrative } from '../../src/core/vision/narrative-observed.ts';
import { cutF1 } from '../../src/core/vision/shots.ts';
import { createVisionTimeline } from '../../src/core/vision/vision-timeline.ts';
import { addNoise, makeTexture, renderMoved, scene, shakeOffsets, solid, type Motion } from './helpers/frames.ts';

const W = 192;
const H = 144;
const FPS = 30;

function run(frames: Uint8ClampedArray[], w = W, h = H, fps = FPS) {
  const tl = createVisionTimeline({ width: w, height: h, fps });
  const perFrame = frames.map((f, i) => ({ index: i, t: i / fps, ...tl.pushFrame(f, i, i / fps), sound: null }));
  return { ...tl.finish(), frames: perFrame };
}

describe('vision timeline: contract', () => {
  it('refuses frames out of order, of the wrong size, and bad options', () => {
    const tl = createVisionTimeline({ width: 32, height: 24, fps: 30 });
    tl.pushFrame(solid(32, 24, [10, 20, 30]), 0, 0);
    expect(() => tl.pushFrame(solid(32, 24, [10, 20, 30]), 2, 2 / 30)).toThrow(TypeError);
    expect(() => tl.pushFrame(solid(16, 24, [10, 20, 30]), 1, 1 / 30)).toThrow(TypeError);
    expect(tl.pushFrame(solid(32, 24, [10, 20, 30]), 1, 1 / 30).colors[0]!.rgb).toEqual([10, 20, 30]); // a refused frame changes nothing
    expect(() => createVisionTimeline({ width: 0, height: 24, fps: 30 })).toThrow(TypeError);
  });

  it('the same result whatever room is made ahead for the frames (a hint: exact, too small, too large, absurd)', () => {
    // cuts between flat colours and a moving texture: windows, cuts and shots that read every column
    const [w, h] = [96, 72];
    const tex = makeTexture('hint', 128);
    const frames = Array.from({ length: 40 }, (_, i) => (i < 15 ? solid(w, h, [200, 40, 40]) : i < 28 ? renderMoved(tex, w, h, { dx: 0.05 }, i, FPS) : solid(w, h, [30, 30, 160])));
    const once = (hint?: number) => {
      const tl = createVisionTimeline({ width: w, height: h, fps: FPS, ...(hint !== undefined ? { frames: hint } : {}) });
      frames.forEach((f, i) => tl.pushFrame(f, i, i / FPS));
      return tl.finish();
    };
    const plain = once();
    expect(plain.cuts.length).toBeGreaterThan(0);
    for (const hint of [40, 10, 5000, Number.NaN, -3, Number.POSITIVE_INFINITY]) expect(once(hint), `hint ${hint}`).toEqual(plain);
  });

  it("a hostile header's frame count at an absurd rate makes no huge room up front (bounded by bytes, not frames)", () => {
    // 2^18 frames claimed at 1e6 f/s: the change column is 2·changeLags + 3 ≈ 200,000 doubles a frame, so room for
    // every claimed frame would be ≈ 400 GB (a RangeError before the first frame); bounded by bytes it is ≤ 32 MB.
    const tl = createVisionTimeline({ width: 16, height: 12, fps: 1e6, frames: 1 << 18 });
    expect(tl.pushFrame(solid(16, 12, [10, 20, 30]), 0, 0).colors[0]!.rgb).toEqual([10, 20, 30]);
    expect(tl.finish().windows.length).toBeLessThanOrEqual(1);
  });

  it('a last partial window is kept only with at least W/2 frames', () => {
    for (const [n, windows] of [[22, 1], [23, 2], [30, 2]] as const) {
      const r = run(Array.from({ length: n }, () => solid(32, 24, [90, 90, 90])), 32, 24, 30);
      expect(r.windows.length).toBe(windows);
      expect(r.shots.length).toBe(1);
      expect(r.shots[0]).toMatchObject({ start_frame: 0, end_frame: n - 1, t0: 0 });
      expect(r.shots[0]!.t1).toBeCloseTo(n / 30, 9);
    }
  });
});

describe('vision timeline: windows', () => {
  it('windows follow windowBounds; lighting of dark, bright, flat and balanced scenes', () => {
    const tex = makeTexture('light');
    const scenes: [string, number, number][] = [['low_key', 0, 60], ['high_key', 200, 255], ['flat', 100, 150], ['balanced', -300, 555]];
    for (const [want, lo, hi] of scenes) {
      const frames = Array.from({ length: 23 }, (_, k) => addNoise(scene(tex, W, H, lo, hi), 3, `${want}${k}`));
      const r = run(frames);
      expect(r.windows.map((w) => [w.start_frame, w.end_frame])).toEqual(windowBounds(23, FPS));
      const m = r.frames.reduce((s, f) => s + f.luma.mean, 0) / r.frames.length;
      console.log(`scene ${lo}–${hi}: lighting ${r.windows.map((w) => w.lighting).join(',')} (luma mean ${m.toFixed(3)}, frame std ${r.frames[0]!.luma.std.toFixed(3)})`);
      for (const w of r.windows) expect(w.lighting).toBe(want);
    }
  });

  it('window colour: mean rgb and mean depth of a solid clip', () => {
    const rgb = [200, 120, 40] as const;
    const r = run(Array.from({ length: 15 }, (_, k) => addNoise(solid(W, H, rgb), 3, `c${k}`)));
    const w = r.windows[0]!;
    for (let c = 0; c < 3; c++) expect(Math.abs(w.color.rgb[c]! - rgb[c]!)).toBeLessThanOrEqual(1);
    const want = colorDepth(rgb);
    for (const [k, v] of Object.entries(want) as [string, number][]) expect(Math.abs((w.color.depth as Record<string, number>)[k]! - v)).toBeLessThan(3);
    expect(w.gradient.type).toBe('flat');
    expect(w.camera.move).toBe('static');
    expect(w.motion.level).toBe('still');
  });

  it('a pan through the timeline: camera and motion per window', () => {
    const tex = makeTexture('pan-tl');
    const r = run(Array.from({ length: 30 }, (_, k) => addNoise(renderMoved(tex, W, H, { dy: -0.15 }, k, FPS), 3, `p${k}`)));
    for (const w of r.windows) {
      expect(w.camera.move).toBe('tilt_down');
      expect(Math.abs(w.camera.dy + 0.15) / 0.15).toBeLessThan(0.1);
      expect(w.motion.level).toBe('medium');
    }
    expect(r.cuts).toEqual([]);
  });
});

interface ShotSpec {
  seed: string;
  m: Motion;
  len: number;
  flashes?: [number, number][];
  lo?: number;
  hi?: number;
  /** Exposure ramp over the shot (a fade), multiplying the picture from `fade[0]` to `fade[1]`. */
  fade?: [number, number];
}

/** An edit of shots with known cut frames: textures, moves, flashes. */
function makeEdit(shots: ShotSpec[] = EDIT_A, w = W, h = H, fps = FPS) {
  const frames: Uint8ClampedArray[] = [];
  const cuts: number[] = [];
  const flashFrames: number[] = [];
  shots.forEach((s, k) => {
    if (k > 0) cuts.push(frames.length);
    const tex = makeTexture(s.seed, 512, 4);
    const startK = k * 37; // each shot starts at a different place in its texture's motion
    for (let j = 0; j < s.len; j++) {
      const fl = s.flashes?.find(([at, n]) => j >= at && j < at + n);
      if (fl) flashFrames.push(frames.length);
      const lo = s.lo ?? 0;
      const hi = s.hi ?? 255;
      const fade = s.fade ? s.fade[0] + ((s.fade[1] - s.fade[0]) * j) / (s.len - 1) : 1;
      const gain = ((hi - lo) / 255) * (fl ? 0.3 : 1) * fade;
      frames.push(addNoise(renderMoved(tex, w, h, s.m, startK + j, fps, gain, fl ? 200 : lo * fade), 3, `e${frames.length}`));
    }
  });
  return { frames, cuts, flashFrames };
}

const EDIT_A: ShotSpec[] = [
    { seed: 's1', m: { dx: 0.3 }, len: 34, flashes: [[12, 1]] },
    { seed: 's2', m: { zoom: 0.4 }, len: 27 },
    { seed: 's3', m: {}, len: 22, flashes: [[8, 2]] },
    { seed: 's4', m: { roll: -20 }, len: 31 },
    { seed: 's5', m: { dy: 0.45 }, len: 25, flashes: [[5, 1], [15, 2]] },
    { seed: 's6', m: { offset: shakeOffsets('edit', 4) }, len: 28 },
    { seed: 's7', m: { dx: -0.2, zoom: -0.2 }, len: 19, lo: 0, hi: 90 },
    { seed: 's7', m: { dx: 0.1 }, len: 24, lo: 120, hi: 255 }, // same texture, new framing and exposure
    { seed: 's8', m: {}, len: 12 },
    { seed: 's9', m: { dx: 0.5 }, len: 30, flashes: [[20, 1]] },
];

/** 24 fps, wider frames: a very fast pan, fades that are not cuts, near-identical palettes across cuts. */
const EDIT_B: ShotSpec[] = [
  { seed: 'b1', m: { dx: 0.8 }, len: 30 },
  { seed: 'b2', m: { dy: -0.3 }, len: 20, fade: [1, 0.15] },
  { seed: 'b3', m: { zoom: -0.5 }, len: 26, fade: [0.15, 1] },
  { seed: 'b4', m: { roll: 30 }, len: 18, flashes: [[3, 1]] },
  { seed: 'b5', m: { dx: 0.2, dy: 0.2 }, len: 14 },
  { seed: 'b6', m: {}, len: 9 },
  { seed: 'b7', m: { offset: shakeOffsets('b7', 6) }, len: 22, flashes: [[10, 2]] },
  { seed: 'b8', m: { zoom: 0.6 }, len: 16 },
  { seed: 'b9', m: { dx: -0.6 }, len: 24 },
  { seed: 'b10', m: {}, len: 20, lo: 60, hi: 120 },
  { seed: 'b11', m: {}, len: 20, lo: 60, hi: 120 },
];

describe('vision timeline: cuts and shots', () => {
  it('cuts between flat colours (histogram path), a white flash is not a cut', () => {
    const seq: [readonly [number, number, number], number][] = [[[200, 30, 30], 12], [[30, 30, 200], 9], [[255, 255, 255], 1], [[30, 30, 200], 10], [[0, 128, 128], 14]];
    const frames: Uint8ClampedArray[] = [];
    for (const [rgb, len] of seq) for (let j = 0; j < len; j++) frames.push(addNoise(solid(W, H, rgb), 3, `f${frames.length}`));
    const r = run(frames);
    console.log(`flat cuts: ${r.cuts.map((c) => c.frame)} (truth 12, 32), flashes ${r.flashes}`);
    expect(r.cuts.map((c) => c.frame)).toEqual([12, 32]);
    expect(r.shots.map((s) => [s.start_frame, s.end_frame])).toEqual([[0, 11], [12, 31], [32, 45]]);
  });

  it('hard cuts F1 ≥ 0.95 at ±1 frame at 24 fps with a very fast pan, fades, and low-contrast shots', () => {
    const edit = makeEdit(EDIT_B, 256, 144, 24);
    const r = run(edit.frames, 256, 144, 24);
    const found = r.cuts.map((c) => c.frame);
    // b2 fades to 15 % of a low-contrast texture (luma std 0.015: flat, §3.8) and b3 fades in from there: a fade_out
    // and a fade_in that close one shot and open the next at frame 50, not a hard cut
    const cutsTruth = edit.cuts.filter((c) => c !== 50);
    const score = cutF1(found, cutsTruth, 1);
    console.log(`edit B cuts: truth ${cutsTruth.join(',')}\n      found ${found.join(',')}\n      precision ${score.precision.toFixed(3)} recall ${score.recall.toFixed(3)} F1 ${score.f1.toFixed(3)}; flashes found ${r.flashes.join(',')} (truth ${edit.flashFrames.join(',')}); transitions ${r.transitions.map((t) => `${t.kind} ${t.start_frame}–${t.end_frame}`).join(', ')}`);
    expect(score.f1).toBeGreaterThanOrEqual(0.95);
    expect(r.transitions.map((t) => t.kind)).toEqual(['fade_out', 'fade_in']);
    expect(Math.abs(r.transitions[0]!.end_frame - 50)).toBeLessThanOrEqual(1);
    expect(Math.abs(r.transitions[1]!.start_frame - 50)).toBeLessThanOrEqual(1);
    expect(r.shots.some((s) => Math.abs(s.start_frame - 50) <= 1)).toBe(true);
    for (const f of edit.flashFrames) expect(found.includes(f)).toBe(false);
  });

  it(`hard cuts F1 ≥ 0.95 at ±1 frame on an edit with pans, zooms, rolls, shake and flashes`, () => {
    const edit = makeEdit();
    const r = run(edit.frames);
    const found = r.cuts.map((c) => c.frame);
    const score = cutF1(found, edit.cuts, 1);
    console.log(`cuts: truth ${edit.cuts.join(',')}\n      found ${found.join(',')}\n      precision ${score.precision.toFixed(3)} recall ${score.recall.toFixed(3)} F1 ${score.f1.toFixed(3)}; flashes found ${r.flashes.join(',')} (truth ${edit.flashFrames.join(',')})`);
    expect(score.f1).toBeGreaterThanOrEqual(0.95);
    // shots tile the clip
    expect(r.shots[0]!.start_frame).toBe(0);
    expect(r.shots[r.shots.length - 1]!.end_frame).toBe(edit.frames.length - 1);
    for (let i = 1; i < r.shots.length; i++) expect(r.shots[i]!.start_frame).toBe(r.shots[i - 1]!.end_frame + 1);
    for (const c of r.cuts) expect(c.t).toBeCloseTo(c.frame / FPS, 9);
    // flash frames are not cuts
    for (const f of edit.flashFrames) expect(found.includes(f)).toBe(false);

    // observed narrative per shot
    const narrative = observeNarrative(r.shots, r.frames, r.windows);
    expect(narrative.label).toBe('observed');
    expect(narrative.shots.length).toBe(r.shots.length);
    for (const s of narrative.shots) {
      expect(s.label).toBe('observed');
      expect(s.loudness_arc).toBeNull();
      expect(s.palette.length).toBeGreaterThan(0);
    }
    console.log(narrative.shots.map((s) => `shot ${s.shot}: ${s.pace} ${s.motion} ${s.lighting} ${s.brightness_arc} [${s.palette}]`).join('\n'));
  });
});
