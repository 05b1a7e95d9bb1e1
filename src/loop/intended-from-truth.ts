// What a job meant to make: what the spec actually rendered (its truth) where the truth says it (the creation step
// decides values the prompt left open), else the instruction's asks.
import type { Instruction } from '../core/language/instruction.ts';
import { intendedFromInstruction, type IntendedValues } from '../core/registry/learning.ts';
import type { IntendedTruth } from '../core/render/intended-truth.ts';
import type { ClaimField } from '../core/plan/spec.ts';
import { classifyTempo } from '../core/vocab/index.ts';

/** The truth's palette, camera, motion, gradient, lighting, per-frame sound and tempo; the instruction's where the truth has none; none for what the clip cannot show (`unclaimed`). */
export function intendedFromTruth(instruction: Instruction, truth: IntendedTruth): IntendedValues {
  const base = intendedFromInstruction(instruction);
  const unclaimed = new Set(truth.unclaimed ?? []);
  const claim = <T>(field: ClaimField, v: T): T | null => (unclaimed.has(field) ? null : v);
  const bpm = truth.tempo.bpm !== null && truth.tempo.bpm > 0 ? truth.tempo.bpm : base.tempo_bpm;
  return {
    palette: unclaimed.has('palette') ? [] : truth.palette.length > 0 ? [...new Set(truth.palette)] : base.palette,
    motion: claim('motion', truth.motion.level),
    camera: claim('camera', truth.camera.move),
    gradient: claim('gradient', truth.gradient.type),
    lighting: claim('lighting', truth.lighting),
    // a clip without audio has no sound frames: then the instruction's asks stand; a frame holding a click is not claimed
    sound_frames: truth.sound.frames.length > 0 ? truth.sound.frames.map((f) => (f.transient ? null : f.breakdown)) : base.sound_frames,
    tempo_bpm: claim('tempo', bpm),
    tempo: unclaimed.has('tempo') ? null : bpm !== null ? classifyTempo(bpm) : base.tempo,
  };
}
