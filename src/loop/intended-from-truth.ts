// What a job meant to make: the instruction's asks, overridden by what the spec actually rendered (its truth).
import type { Instruction } from '../core/language/instruction.ts';
import { intendedFromInstruction, type IntendedValues } from '../core/registry/learning.ts';
import { CAMERA_MOVES, COLOR_PRIMITIVE_NAMES, GRADIENT_TYPES, LIGHTING_TYPES, MOTION_LEVELS, SOUND_PRIMITIVES, classifyTempo, type SoundBreakdown } from '../core/vocab/index.ts';

type Loose = Record<string, unknown> | null | undefined;

function pick<T extends string>(vocab: readonly T[], ...values: unknown[]): T | null {
  for (const v of values) if (typeof v === 'string' && (vocab as readonly string[]).includes(v)) return v as T;
  return null;
}

function obj(x: unknown): Loose {
  return x && typeof x === 'object' ? (x as Record<string, unknown>) : null;
}

function breakdown(x: unknown): SoundBreakdown | null {
  const o = obj(x);
  if (!o) return null;
  const b = obj(o.breakdown) ?? o;
  if (!SOUND_PRIMITIVES.every((p) => typeof b[p] === 'number')) return null;
  return Object.fromEntries(SOUND_PRIMITIVES.map((p) => [p, b[p] as number])) as SoundBreakdown;
}

/**
 * The truth's camera, motion, gradient, lighting, palette, per-frame sound and tempo where present
 * (the creation step decides values the prompt left open), else the instruction's.
 */
export function intendedFromTruth(instruction: Instruction, truth: unknown): IntendedValues {
  const base = intendedFromInstruction(instruction);
  const t = obj(truth);
  if (!t) return base;
  const cam = obj(t.camera);
  const mot = obj(t.motion);
  const grad = obj(t.gradient);
  const snd = obj(t.sound) ?? obj(t.audio);
  const tempo = obj(t.tempo);
  const palette = Array.isArray(t.palette) ? t.palette.map((p) => pick(COLOR_PRIMITIVE_NAMES, p, obj(p)?.primitive, obj(p)?.name)).filter((p) => p !== null) : [];
  const frames = Array.isArray(snd?.frames) ? snd.frames.map(breakdown) : [];
  const soundFrames = frames.length > 0 && frames.every((b) => b !== null) ? (frames as SoundBreakdown[]) : breakdown(snd) ? [breakdown(snd)!] : base.sound_frames;
  const bpmRaw = tempo?.bpm ?? snd?.bpm ?? t.bpm;
  const bpm = typeof bpmRaw === 'number' && bpmRaw > 0 ? bpmRaw : base.tempo_bpm;
  return {
    palette: palette.length > 0 ? [...new Set(palette)] : base.palette,
    motion: pick(MOTION_LEVELS, mot?.level, t.motion, t.motion_level) ?? base.motion,
    camera: pick(CAMERA_MOVES, cam?.move, t.camera, t.camera_move) ?? base.camera,
    gradient: pick(GRADIENT_TYPES, grad?.type, t.gradient) ?? base.gradient,
    lighting: pick(LIGHTING_TYPES, obj(t.lighting)?.type, t.lighting) ?? base.lighting,
    sound_frames: soundFrames,
    tempo_bpm: bpm,
    tempo: bpm !== null ? classifyTempo(bpm) : base.tempo,
  };
}
