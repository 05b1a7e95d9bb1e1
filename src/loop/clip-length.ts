// How long a job's clip is. The spec builder makes a clip as long as the prompt says, else 1 s; but a beat
// cannot be heard in 1 s (the tempo detector needs several onsets and scores 1–4 beat periods), so a
// blended clip with a beat (asked by the prompt, or chosen by the spec builder from what the registries
// know) whose prompt names no length is made one tempo segment long.
import type { Instruction } from '../core/language/instruction.ts';
import type { Spec, SpecMode } from '../core/plan/spec.ts';
import { TEMPO_SEGMENT_S } from '../core/audio/tempo.ts';

/** Seconds of a blended clip that asks for a beat without a length: one whole tempo segment (4 s). */
export const TEMPO_CLIP_S = TEMPO_SEGMENT_S;

/** Whether the instruction asks for a beat (a tempo label other than none, or a bpm). */
export function asksForTempo(instruction: Instruction): boolean {
  return instruction.sound.bpm !== null || (instruction.sound.tempo !== null && instruction.sound.tempo !== 'none');
}

/** Whether a built spec has a beat (spec/1 `tempo.bpm`). */
export function specHasBeat(spec: Spec): boolean {
  return spec.tempo.bpm !== null && spec.tempo.bpm > 0;
}

/** Whether a spec built at the default length must be built again TEMPO_CLIP_S long: blended, no length asked, a beat. */
export function needsTempoLength(instruction: Instruction, mode: SpecMode, spec: Spec, fixed?: number): boolean {
  return fixed === undefined && mode === 'blended' && instruction.duration_s === null && specHasBeat(spec);
}

/**
 * The clip length to ask the spec builder for (s), or undefined to let it follow the prompt:
 * `fixed` (the benchmark's default clip) wins; else TEMPO_CLIP_S for a blended clip that asks for a beat and
 * names no length. Pure clips keep the default: they grow per-frame values only in the frame workflows,
 * and cost ≈ 1.7 MB per second of per-cell colour.
 */
export function clipSeconds(instruction: Instruction, mode: SpecMode, fixed?: number): number | undefined {
  if (fixed !== undefined) return fixed;
  if (mode === 'blended' && instruction.duration_s === null && asksForTempo(instruction)) return TEMPO_CLIP_S;
  return undefined;
}
