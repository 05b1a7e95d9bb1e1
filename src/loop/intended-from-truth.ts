// What a job meant to make: what the spec actually rendered (its truth) where the truth says it (the creation step
// decides values the prompt left open), else the instruction's asks.
import type { Instruction } from '../core/language/instruction.ts';
import { intendedFromInstruction, type IntendedValues } from '../core/registry/learning.ts';
import type { IntendedTruth } from '../core/render/intended-truth.ts';
import { classifyTempo } from '../core/vocab/index.ts';

/** The truth's palette, camera, motion, gradient, lighting, per-frame sound and tempo; the instruction's where the truth has none. */
export function intendedFromTruth(instruction: Instruction, truth: IntendedTruth): IntendedValues {
  const base = intendedFromInstruction(instruction);
  const bpm = truth.tempo.bpm !== null && truth.tempo.bpm > 0 ? truth.tempo.bpm : base.tempo_bpm;
  return {
    palette: truth.palette.length > 0 ? [...new Set(truth.palette)] : base.palette,
    motion: truth.motion.level,
    camera: truth.camera.move,
    gradient: truth.gradient.type,
    lighting: truth.lighting,
    // a clip without audio has no sound frames: then the instruction's asks stand
    sound_frames: truth.sound.frames.length > 0 ? truth.sound.frames.map((f) => f.breakdown) : base.sound_frames,
    tempo_bpm: bpm,
    tempo: bpm !== null ? classifyTempo(bpm) : base.tempo,
  };
}
