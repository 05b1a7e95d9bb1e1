// Entry bundled by scripts/replay-specs.mjs: render a spec's frames in Node (no encoder) and read them with the
// same vision timeline extraction uses, next to the intended truth; tells the creator's misses from the codec's.
import { createFieldRenderer } from '../src/core/render/frame-field.ts';
import { buildTruth } from '../src/core/render/intended-truth.ts';
import { createVisionTimeline } from '../src/core/vision/vision-timeline.ts';
import { mode, PALETTE_MIN_SHARE } from '../src/core/registry/learning.ts';
import type { Spec } from '../src/core/plan/spec.ts';
import { audioFrameStart, mixReference, planSound, soundTruth } from '../src/core/render/sound-plan.ts';
import { measureFrameSound } from '../src/core/audio/frame-sound.ts';
import { audibleMidi, audibleToneHz, liftFaintTones, separateTones } from '../src/core/plan/build-spec.ts';
import type { SoundBreakdown } from '../src/core/vocab/index.ts';

export { buildSpec } from '../src/core/plan/build-spec.ts';

/**
 * The truth's and the frames' camera, motion, gradient and lighting (modal over windows), per window too. `codec`,
 * when given, takes the rendered RGBA frames and returns what a decoder reads back (an encode/decode round trip).
 */
export function replay(spec: Spec, codec?: (frames: Uint8ClampedArray, spec: Spec) => Uint8ClampedArray) {
  const r = createFieldRenderer(spec);
  const size = spec.width * spec.height * 4;
  const all = new Uint8ClampedArray(size * spec.frame_count);
  const counts: Uint32Array[] = [];
  for (let f = 0; f < spec.frame_count; f++) counts.push(r.render(f, all.subarray(f * size, (f + 1) * size)));
  const frames = codec ? codec(all, spec) : all;
  const tl = createVisionTimeline({ width: spec.width, height: spec.height, fps: spec.fps });
  const share = new Map<string, number>();
  for (let f = 0; f < spec.frame_count; f++) {
    const { colors } = tl.pushFrame(frames.subarray(f * size, (f + 1) * size), f, f / spec.fps);
    for (const c of colors) share.set(c.primitive, (share.get(c.primitive) ?? 0) + c.share);
  }
  const palette = [...share].filter(([, v]) => v / spec.frame_count >= PALETTE_MIN_SHARE).map(([p]) => p).sort();
  const truth = buildTruth(spec, r.bins, counts, counts.map(() => null));
  const truthShare = new Map<string, number>();
  for (const f of truth.frames) for (const c of f.colors) truthShare.set(c.primitive, (truthShare.get(c.primitive) ?? 0) + c.share);
  const shares = (m: Map<string, number>) => Object.fromEntries([...m].map(([p, v]) => [p, Math.round((v / spec.frame_count) * 10) / 10] as const).filter(([, v]) => v >= 1).sort((a, b) => b[1] - a[1]));
  const v = tl.finish();
  const ws = v.windows;
  return {
    intended: { camera: truth.camera.move, motion: truth.motion.level, gradient: truth.gradient.type, lighting: truth.lighting, palette: [...truth.palette].sort().join(','), unclaimed: truth.unclaimed ?? [] },
    observed: { camera: mode(ws.map((w) => w.camera.move)), motion: mode(ws.map((w) => w.motion.level)), gradient: mode(ws.map((w) => w.gradient.type)), lighting: mode(ws.map((w) => w.lighting)), palette: palette.join(',') },
    /** Mean share (%) per primitive over the clip, ≥ 1 %: the truth's exact counts and what the frames read. */
    shares: { intended: shares(truthShare), observed: shares(share) },
    windows: ws.map((w, i) => ({ intended: truth.windows[i]?.gradient.type, gradient: w.gradient, camera: w.camera.move, conf: w.camera.confidence, motion: w.motion.level, speed: w.motion.speed })),
  };
}
export { emptyInstruction } from '../src/core/language/instruction.ts';
export { primitiveKnowledge } from '../src/core/plan/primitive-knowledge.ts';
export { nearestPrimitive } from '../src/core/color/nearest-primitive.ts';
export { rgbToOklab, oklabToRgb } from '../src/core/color/oklab.ts';

/**
 * The spec's sound mixed in Node (the reference mix, no AAC) and measured frame by frame as extraction does, next to
 * the truth's breakdowns: per frame the total-variation distance the learning record's sound agreement averages.
 */
export function replaySound(spec: Spec): { intended: SoundBreakdown; observed: SoundBreakdown; tv: number }[] {
  return replaySoundFrames(spec).map(({ intended, observed, tv }) => ({ intended, observed, tv }));
}

/**
 * A stored spec's sound re-made by the current creator's sound rules (replay-sound.mjs): pool tones raised to
 * audibleToneHz, and in pure mode pool tones a frame tells apart (separateTones) and every frame's tones lifted to
 * MIN_TONE_SHARE (liftFaintTones). Same pool, same draws.
 */
export function remakeSound(spec: Spec): Spec {
  const out = structuredClone(spec);
  for (const s of out.sound.pool) if (s.tone_hz !== null && s.breakdown.tone > 0) s.tone_hz = audibleToneHz(s.tone_hz, out.fps);
  if (out.melody) out.melody.notes = out.melody.notes.map((m) => audibleMidi(m, out.fps));
  if (out.mode === 'pure') out.sound.pool = separateTones(out.sound.pool, out.fps);
  if (out.mode === 'pure') out.sound.mixes = out.sound.mixes.map((m) => (m.parts.length > 0 ? { ...m, parts: liftFaintTones(out.sound.pool, m.parts) } : m));
  return out;
}

/**
 * Like replaySound, with each frame's claim: whether the truth claims its breakdown (a frame holding a click does not,
 * sound-plan CLICK_FRAME_SHARE) and the strongest tone's Hz.
 */
export function replaySoundFrames(spec: Spec): { intended: SoundBreakdown; observed: SoundBreakdown; tv: number; claimed: boolean; tone_hz: number | null }[] {
  const plan = planSound(spec);
  const mix = mixReference(plan);
  const truth = soundTruth(plan, spec.frame_count, spec.fps);
  return truth.map((t, f) => {
    const a = audioFrameStart(f, spec.fps, spec.sample_rate);
    const b = Math.min(plan.length, audioFrameStart(f + 1, spec.fps, spec.sample_rate));
    const observed = measureFrameSound(mix.subarray(a, b), spec.sample_rate).breakdown;
    let d = 0;
    for (const k of ['silence', 'tone', 'rumble', 'hiss'] as const) d += Math.abs(observed[k] - t.breakdown[k]);
    return { intended: t.breakdown, observed, tv: d / 200, claimed: !t.transient, tone_hz: t.tone_hz };
  });
}
