// A job whose prompt a person typed (the Create view), in three steps a person takes one at a time: make the clip,
// analyse it, record it. The same pieces as the loop's job (src/loop/run-job.ts): the pipeline's interpreter, spec
// builder, creation and analysis; what the registries know as the pool; the learning rule (intendedFromTruth +
// learningRecord) and one recordJob transaction for the job, its learning and its discovery. Source `user`.
import type { Instruction } from '../core/language/instruction.ts';
import type { Spec, SpecMode } from '../core/plan/spec.ts';
import type { IntendedTruth } from '../core/render/intended-truth.ts';
import type { DiscoveryRecord, LoopJobRecord } from '../core/registry/export-records.ts';
import { asksForNothing } from '../core/create/asks-for-nothing.ts';
import { growthCandidates } from '../core/registry/growth.ts';
import { intendedNarrative, observedNarrative } from '../core/registry/growth-narrative.ts';
import { learningRecord, observedFromReport, type Learning } from '../core/registry/learning.ts';
import { isAnalysisError, type AnalysisReport } from '../core/report/analysis.ts';
import type { RegistriesDb } from '../storage/db.ts';
import { getKnowledge } from '../storage/repo-entries.ts';
import { listLearnedLexicon } from '../storage/repo-language.ts';
import { recordJob } from '../storage/repo-runs.ts';
import { clipSeconds, needsTempoLength, TEMPO_CLIP_S } from './clip-length.ts';
import { intendedFromTruth } from './intended-from-truth.ts';
import { spanMappings, type JobPipeline, type SpanMapping } from './pipeline.ts';
import { JobAnalysisError, newJobId, sha256Hex, throwIfAborted, type JobStep } from './run-job.ts';

/** The steps of a user clip, in order (the Create view draws one progress bar each). */
export const USER_CLIP_STEPS = ['interpret', 'spec', 'create', 'analyze', 'grow', 'record'] as const satisfies readonly JobStep[];
/** One of USER_CLIP_STEPS. */
export type UserClipStep = (typeof USER_CLIP_STEPS)[number];

/** The workflow name user jobs are recorded under (they are not one of the loop's workflows). */
export const USER_WORKFLOW = 'create';

/** The prompt is empty: there is nothing to make. */
export class EmptyPromptError extends Error {
  override name = 'EmptyPromptError';
  constructor() {
    super('Type a prompt first: there is nothing to make from an empty prompt.');
  }
}

/** No word of the prompt was understood and no chip was set: the clip would be the registries' choice, not the person's. */
export class NothingUnderstoodError extends Error {
  override name = 'NothingUnderstoodError';
  constructor(readonly prompt: string, readonly unknown: string[]) {
    super(`Nothing in “${prompt}” was understood${unknown.length ? ` (not understood: ${unknown.join(', ')})` : ''}. Name a colour, a camera move, a sound or a pace, or set one with the chips below.`);
  }
}

/** What to make: the prompt as typed, optionally its instruction as edited, the seed, look, size and signal. */
export interface MakeUserClipRequest {
  prompt: string;
  /** The instruction after chip edits (default: the prompt's interpretation). */
  instruction?: Instruction;
  seed: string;
  mode?: SpecMode;
  width?: number;
  height?: number;
  signal?: AbortSignal;
  onProgress?: (step: UserClipStep, fraction: number) => void;
}

/** A made clip, not yet recorded: everything its job record will need. */
export interface UserClip {
  /** The job id it will be recorded under. */
  id: string;
  started_at: string;
  prompt: string;
  seed: string;
  /** The prompt's interpretation as read (what the interpretation registry keeps). */
  interpreted: Instruction;
  /** What was made from (the interpretation with the person's chip edits). */
  instruction: Instruction;
  linguistic: SpanMapping[];
  spec: Spec;
  truth: IntendedTruth;
  mp4: Uint8Array;
  sha256: string;
  step_ms: Partial<Record<UserClipStep, number>>;
}

/** A made clip's analysis and its learning record (intended vs observed per field, the loop's rule). */
export interface UserClipAnalysis {
  report: AnalysisReport;
  learning: Learning;
  analyze_ms: number;
}

/** What recording a user clip wrote. */
export interface RecordedUserClip {
  job: LoopJobRecord;
  learning: Learning;
  discovery: DiscoveryRecord;
}


/**
 * Interpret the prompt (with what the store has learned), build the spec from what the registries know and make
 * the clip, as the loop does. The same prompt, edits, seed, look, size and registries make the same clip.
 * Nothing is stored.
 */
export async function makeUserClip(db: RegistriesDb, pipeline: JobPipeline, req: MakeUserClipRequest): Promise<UserClip> {
  const { signal } = req;
  const prompt = typeof req.prompt === 'string' ? req.prompt.trim() : '';
  if (prompt === '') throw new EmptyPromptError();
  if (typeof req.seed !== 'string' || req.seed.trim() === '') throw new TypeError('seed must be a non-empty string');
  const progress = (step: UserClipStep, f: number) => req.onProgress?.(step, Math.max(0, Math.min(1, f)));
  const started = new Date();
  const times: Partial<Record<UserClipStep, number>> = {};
  let t = performance.now();
  const lap = (step: UserClipStep) => {
    const now = performance.now();
    times[step] = Math.round(now - t);
    t = now;
    progress(step, 1);
  };

  throwIfAborted(signal, 'cancelled');
  progress('interpret', 0);
  const interpreted = pipeline.interpret(prompt, await listLearnedLexicon(db));
  const instruction = req.instruction ?? interpreted.instruction;
  if (asksForNothing(instruction)) throw new NothingUnderstoodError(prompt, interpreted.instruction.unknown.map((u) => u.text));
  lap('interpret');

  throwIfAborted(signal, 'cancelled');
  const knowledge = await getKnowledge(db);
  const mode = req.mode ?? 'blended';
  const seconds = clipSeconds(instruction, mode);
  const size = { ...(req.width !== undefined ? { width: req.width } : {}), ...(req.height !== undefined ? { height: req.height } : {}) };
  const build = (duration_s?: number) => pipeline.buildSpec(instruction, knowledge, req.seed, { mode, ...size, ...(duration_s !== undefined ? { duration_s } : {}) });
  let spec = build(seconds);
  // As in the loop: a beat the spec builder chose cannot be heard in the default 1 s.
  if (seconds === undefined && needsTempoLength(instruction, mode, spec)) spec = build(TEMPO_CLIP_S);
  lap('spec');

  throwIfAborted(signal, 'cancelled');
  const clip = await pipeline.createClip(spec, { signal: signal ?? new AbortController().signal, onProgress: (f) => progress('create', f) });
  throwIfAborted(signal, 'cancelled');
  lap('create');
  return {
    id: newJobId(started), started_at: started.toISOString(), prompt, seed: req.seed, interpreted: interpreted.instruction, instruction,
    linguistic: spanMappings(interpreted), spec, truth: clip.truth, mp4: clip.mp4, sha256: await sha256Hex(clip.mp4), step_ms: times,
  };
}

/** Analyse a made clip and compare it with what it was made to be (the loop's learning rule). Nothing is stored. */
export async function analyseUserClip(
  pipeline: JobPipeline, clip: UserClip, opts: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {},
): Promise<UserClipAnalysis> {
  throwIfAborted(opts.signal, 'cancelled');
  const t0 = performance.now();
  const result = await pipeline.analyze(clip.mp4, { name: `${clip.id}.mp4`, signal: opts.signal ?? new AbortController().signal, onProgress: (f) => opts.onProgress?.(f) });
  throwIfAborted(opts.signal, 'cancelled');
  if (isAnalysisError(result)) throw new JobAnalysisError(`the clip of "${clip.prompt}" could not be analysed: ${result.error.code}: ${result.error.message}`);
  const learning = learningRecord(clip.id, intendedFromTruth(clip.instruction, clip.truth), observedFromReport(result));
  opts.onProgress?.(1);
  return { report: result, learning, analyze_ms: Math.round(performance.now() - t0) };
}

/**
 * Record a made and analysed clip as a job (prompt mode and interpretation source `user`), with its learning and
 * discovery records, narrative, interpretation, language and registry growth, in one transaction (recordJob:
 * the growth planner and the mutation apply path the loop uses). Every value grows (per frame and per window).
 */
export async function recordUserClip(
  db: RegistriesDb, clip: UserClip, analysis: UserClipAnalysis, opts: { onProgress?: (step: UserClipStep, fraction: number) => void; now?: () => Date } = {},
): Promise<RecordedUserClip> {
  if (analysis.learning.job_id !== clip.id) throw new TypeError(`the analysis is of job ${analysis.learning.job_id}, not ${clip.id}`);
  const progress = (step: UserClipStep, f: number) => opts.onProgress?.(step, f);
  const t = performance.now();
  progress('grow', 0);
  const report = analysis.report;
  const candidates = growthCandidates(report, 'all');
  const intended = intendedFromTruth(clip.instruction, clip.truth);
  const grow_ms = Math.round(performance.now() - t);
  progress('grow', 1);
  const created_at = (opts.now?.() ?? new Date()).toISOString();
  const job: LoopJobRecord = {
    id: clip.id,
    created_at,
    started_at: clip.started_at,
    workflow: USER_WORKFLOW,
    growth: 'all',
    prompt: clip.prompt,
    prompt_mode: 'user',
    seed: clip.seed,
    instruction: clip.instruction,
    spec: clip.spec,
    truth: clip.truth,
    mp4: { sha256: clip.sha256, bytes: clip.mp4.byteLength },
    analysis: report,
    step_ms: { ...clip.step_ms, analyze: analysis.analyze_ms, grow: grow_ms },
  };
  const discovery = await recordJob(db, {
    job,
    learning: { ...analysis.learning },
    discovery: { workflow: USER_WORKFLOW, prompt: clip.prompt, candidates: candidates.length },
    sightings: candidates.map(({ support: _support, ...c }) => c),
    narrative: { intended: intendedNarrative(clip.instruction, intended), observed: observedNarrative(report) },
    // The interpretation as read, not as edited: chip edits are this job's, not what the prompt means.
    interpretation: { prompt: clip.prompt, instruction: clip.interpreted, status: 'done', source: 'user' },
    linguistic: clip.linguistic,
    now: created_at,
  });
  progress('record', 1);
  return { job, learning: analysis.learning, discovery };
}
