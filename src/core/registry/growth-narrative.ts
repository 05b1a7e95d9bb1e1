// The two narrative layers of a job (FOUNDATION §1, §3.9): intended (spec + prompt) and observed (video), kept apart and labelled.
import type { Instruction } from '../language/instruction.ts';
import { hasPicture, type AnalysisReport } from '../report/analysis.ts';
import { mode, observedPalette, type IntendedValues } from './learning.ts';

/** The intended narrative: what the prompt asked for and what the spec decided to make. */
export function intendedNarrative(instruction: Instruction, intended: IntendedValues): Record<string, unknown> {
  return {
    label: 'intended',
    prompt: instruction.prompt,
    ...instruction.narrative,
    palette: intended.palette,
    motion: intended.motion,
    camera: intended.camera,
    lighting: intended.lighting,
    tempo: intended.tempo,
  };
}

/** The observed narrative: the report's per-shot reading plus the clip's palette, motion, lighting and tempo. */
export function observedNarrative(report: AnalysisReport): Record<string, unknown> {
  return {
    label: 'observed',
    shots: report.narrative_observed?.shots ?? [],
    palette: observedPalette(report),
    motion: mode(report.windows.filter(hasPicture).map((w) => w.motion.level)),
    lighting: mode(report.windows.filter(hasPicture).map((w) => w.lighting)),
    camera: mode(report.windows.filter(hasPicture).map((w) => w.camera.move)),
    tempo: report.tempo?.label ?? null,
    cuts: report.cuts.length,
  };
}
