// The steps a job calls, as one object: the loop depends on this shape, not on where each step lives.
import type { Interpretation } from '../core/language/interpret.ts';
import type { Instruction } from '../core/language/instruction.ts';
import type { Spec, SpecMode } from '../core/plan/spec.ts';
import type { IntendedTruth } from '../core/render/intended-truth.ts';
import type { AnalysisResult } from '../core/report/analysis.ts';
import type { LinguisticRecord } from '../core/registry/export-records.ts';
import type { Knowledge } from '../core/vocab/knowledge.ts';

/** A span → canonical mapping without its count (the linguistic registry counts). */
export type SpanMapping = Omit<LinguisticRecord, 'count'>;

/** Progress of a long step, 0–1. */
export type FractionCallback = (fraction: number) => void;

/** A made clip: the MP4 bytes and the truth the spec rendered (what the pixels and samples are meant to be). */
export interface MadeClip {
  mp4: Uint8Array;
  truth: IntendedTruth;
}

/** What a caller may set of a spec besides the instruction: the look, the length and the frame size. */
export interface SpecHints {
  mode?: SpecMode;
  duration_s?: number;
  width?: number;
  height?: number;
}

/** The product's steps, in order: prompt generation, interpretation, spec, creation (render, mix, encode), analysis. */
export interface JobPipeline {
  /** A new procedural prompt, deterministic from `seed`, not one of `avoid`; `grown`: learned mappings it may ask for (#14.5). */
  generatePrompt(seed: string, knowledge: Knowledge, avoid: ReadonlySet<string>, grown?: readonly SpanMapping[]): string;
  /** Prompt → instruction/1 with the lexicon entries used and learned; `learned`: mappings learned from earlier prompts. */
  interpret(prompt: string, learned: readonly SpanMapping[]): Interpretation;
  /** Instruction + what the registries know → a spec carrying its seed; `mode`: pure (per-frame values) or blended (per-window); `duration_s`: the clip's length whatever the prompt asks; `width`/`height`: the frame size (default 320 × 240). */
  buildSpec(instruction: Instruction, knowledge: Knowledge, seed: string, hints: SpecHints): Spec;
  /** Render frames, mix sound, encode the MP4. */
  createClip(spec: Spec, opts: { signal: AbortSignal; onProgress: FractionCallback }): Promise<MadeClip>;
  /** Analyse MP4 bytes into an mp4-analysis/1 report; `soundWorker`: its sound measured in a worker of its own meanwhile (the same report). */
  analyze(mp4: Uint8Array, opts: { name: string; signal: AbortSignal; onProgress: FractionCallback; singleWorker?: boolean; soundWorker?: boolean }): Promise<AnalysisResult>;
  /** Get the analysis ready before the first clip (start its worker, load its model) without waiting; optional (test pipelines have none). */
  warm?(opts?: { soundWorker?: boolean }): void;
}

/** The lexicon entries an interpretation used or learned, each once: what the job records in the linguistic registry. */
export function spanMappings(r: Interpretation): SpanMapping[] {
  const seen = new Set<string>();
  const out: SpanMapping[] = [];
  for (const e of [...r.used.map((u) => u.entry), ...r.learned]) {
    const key = `${e.span}\u0000${e.domain}\u0000${e.canonical}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ span: e.span, canonical: e.canonical, domain: e.domain, variant: e.variant, source: e.source, ...(e.dialect ? { dialect: e.dialect } : {}) });
  }
  return out;
}
