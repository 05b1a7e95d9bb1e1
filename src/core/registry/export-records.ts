// The non-entry records of the registries (FOUNDATION §1, §9, §10), as stored and as exported.
import type { Instruction, SpanVariant } from '../language/instruction.ts';

/** One narrative record, always labelled: `intended` (spec + prompt) or `observed` (measured). */
export interface NarrativeRecord {
  /** `${label}:${job_id}` for a job's record; unique within its layer. */
  id: string;
  label: 'intended' | 'observed';
  job_id: string | null;
  recorded_at: string;
  narrative: Record<string, unknown>;
}

export const INTERPRETATION_STATUSES = ['pending', 'done', 'failed'] as const;
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

export const LINGUISTIC_VARIANTS: readonly SpanVariant[] = ['standard', 'synonym', 'spelling', 'dialect', 'slang'];
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

/** One job (§10). The loop owns the other fields (prompt, instruction, spec with seed, mp4 hash, analysis). */
export interface JobRecord {
  id: string;
  created_at: string;
  [field: string]: unknown;
}

/** Intended vs observed, field by field; `agreement` is 0–1. One per job. */
export interface LearningRecord {
  job_id: string;
  agreement: number;
  [field: string]: unknown;
}

/** What the job added (`new`: entry keys) and what it saw again (`seen_again`). One per job. */
export interface DiscoveryRecord {
  job_id: string;
  new: string[];
  seen_again: string[];
  [field: string]: unknown;
}

/** §10: healthy when both missing counts are 0. `accuracy`: mean learning agreement 0–1, null with no jobs. */
export interface Diagnostics {
  jobs: number;
  missing_learning: number;
  missing_discovery: number;
  accuracy: number | null;
}
