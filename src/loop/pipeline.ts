// The steps a job calls, as one object: the loop depends on this shape, not on where each step lives.
import type { Instruction } from '../core/language/instruction.ts';
import type { AnalysisResult } from '../core/report/analysis.ts';
import type { Knowledge } from '../core/vocab/knowledge.ts';
import type { LinguisticRecord } from '../core/registry/export-records.ts';

/** A span → canonical mapping without its count (the linguistic registry counts). */
export type SpanMapping = Omit<LinguisticRecord, 'count'>;

/** An interpretation with the lexicon entries it used or learned (recorded in the linguistic registry). */
export interface InterpretResult {
  instruction: Instruction;
  linguistic: SpanMapping[];
}

/** Progress of a long step, 0–1. */
export type FractionCallback = (fraction: number) => void;

/** A made clip: the MP4 bytes and the truth the spec rendered (what the pixels and samples are meant to be). */
export interface MadeClip {
  mp4: Uint8Array;
  truth: unknown;
}

/** The product's steps, in order: prompt generation, interpretation, spec, creation (render, mix, encode), analysis. */
export interface JobPipeline {
  /** A new procedural prompt, deterministic from `seed`, not one of `avoid`. */
  generatePrompt(seed: string, knowledge: Knowledge, avoid: ReadonlySet<string>): string;
  /** Prompt → instruction/1 (or with the lexicon entries used and learned); `learned`: mappings learned from earlier prompts. */
  interpret(prompt: string, learned: readonly SpanMapping[]): Instruction | InterpretResult;
  /** Instruction + what the registries know → a spec carrying its seed; `mode`: pure (per-frame values) or blended (per-window); `duration_s`: the clip's length whatever the prompt asks. */
  buildSpec(instruction: Instruction, knowledge: Knowledge, seed: string, hints: { mode?: 'pure' | 'blended'; duration_s?: number }): unknown;
  /** Render frames, mix sound, encode the MP4. */
  createClip(spec: unknown, opts: { signal: AbortSignal; onProgress: FractionCallback }): Promise<MadeClip>;
  /** Analyse MP4 bytes into an mp4-analysis/1 report. */
  analyze(mp4: Uint8Array, opts: { name: string; signal: AbortSignal; onProgress: FractionCallback }): Promise<AnalysisResult>;
}
