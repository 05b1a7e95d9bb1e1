// The non-entry records of the registries (FOUNDATION §1, §9, §10), as stored and as exported.
import type { Instruction, SpanVariant } from '../language/instruction.ts';
import type { Spec } from '../plan/spec.ts';
import type { IntendedTruth } from '../render/intended-truth.ts';
import type { AnalysisResult } from '../report/analysis.ts';
import type { GrowthMode } from './growth.ts';
import type { LearningField, LearningFieldName } from './learning.ts';

/** One narrative record, always labelled: `intended` (spec + prompt) or `observed` (measured). */
export interface NarrativeRecord {
  /** `${label}:${job_id}` for a job's record; unique within its layer. */
  id: string;
  label: 'intended' | 'observed';
  job_id: string | null;
  recorded_at: string;
  narrative: Record<string, unknown>;
}

/** Where an interpretation stands: waiting, read into an instruction, or failed (with its error). */
export const INTERPRETATION_STATUSES = ['pending', 'done', 'failed'] as const;
/** Who wrote the prompt: the app's own prompt generator, the user, or an imported file. */
export const INTERPRETATION_SOURCES = ['procedural', 'user', 'import'] as const;

/** Prompt → instruction (§8). Keyed by the prompt as written. */
export interface InterpretationRecord {
  prompt: string;
  instruction: Instruction | null;
  status: (typeof INTERPRETATION_STATUSES)[number];
  source: (typeof INTERPRETATION_SOURCES)[number];
  created_at: string;
  updated_at: string;
  /** Why a failed interpretation failed. */
  error?: string | null;
}

/** The span variants of FOUNDATION §9, in the export schema's order. */
export const LINGUISTIC_VARIANTS: readonly SpanVariant[] = ['standard', 'synonym', 'spelling', 'dialect', 'slang'];
/** Where a linguistic record came from: origin vocabularies, built-in spelling/dialect/slang data, or learned. */
export const LINGUISTIC_SOURCES = ['origin', 'built-in', 'learned'] as const;

/** Span → canonical (§9). Identity is span + domain + canonical. */
export interface LinguisticRecord {
  span: string;
  canonical: string;
  domain: string;
  variant: SpanVariant;
  count: number;
  source: (typeof LINGUISTIC_SOURCES)[number];
  /** Region of a dialect or slang span, when known. */
  dialect?: string;
}

/** What the loop writes on each job besides its id and time (src/loop/run-job.ts). */
export interface JobFields {
  started_at: string;
  /** The loop workflow that ran it (src/loop/workflows.ts). */
  workflow: string;
  growth: GrowthMode;
  prompt: string;
  prompt_mode: 'explore' | 'exploit' | 'user';
  /** `${loop seed}:${index}`: with the stored spec it makes the same clip again. */
  seed: string;
  instruction: Instruction;
  spec: Spec;
  truth: IntendedTruth;
  mp4: { sha256: string; bytes: number };
  analysis: AnalysisResult;
  /** Milliseconds per job step. */
  step_ms: Partial<Record<string, number>>;
}

/**
 * One job (§10). Only `id` and `created_at` are required of a stored or imported job (an export validates no
 * more); a job the loop made has every field of JobFields (LoopJobRecord), so readers of other jobs check first.
 */
export interface JobRecord extends Partial<JobFields> {
  id: string;
  created_at: string;
}

/** A job as the loop records it: every field present. */
export type LoopJobRecord = JobRecord & JobFields;

/** Intended vs observed, field by field; `agreement` is 0–1. One per job. */
export interface LearningRecord {
  job_id: string;
  agreement: number;
  /** Each learning field's intended and observed value and agreement; null when a backfill could not compare. */
  fields?: Partial<Record<LearningFieldName, LearningField>> | null;
  /** Written by a backfill, not by the job itself. */
  backfilled?: boolean;
  /** Why a backfilled record could not compare (agreement 0). */
  reason?: string;
}

/** What the job added (`new`: entry keys) and what it saw again (`seen_again`). One per job. */
export interface DiscoveryRecord {
  job_id: string;
  new: string[];
  seen_again: string[];
  /** The workflow and prompt of the job, and how many growth candidates its analysis gave. */
  workflow?: string;
  prompt?: string;
  candidates?: number;
  /** Written by a backfill, not by the job itself. */
  backfilled?: boolean;
}

/** §10: healthy when both missing counts are 0. `accuracy`: mean learning agreement 0–1, null with no jobs. */
export interface Diagnostics {
  jobs: number;
  missing_learning: number;
  missing_discovery: number;
  accuracy: number | null;
}
