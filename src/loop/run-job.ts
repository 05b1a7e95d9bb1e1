// One job of the loop (FOUNDATION §1, §10): prompt → instruction → spec → MP4 → analysis → growth → record.
// Nothing is written until the end, and then the job, its learning and its discovery record go in ONE transaction.
import { seededRandom } from '../core/seeded-random.ts';
import type { DiscoveryRecord, LoopJobRecord } from '../core/registry/export-records.ts';
import { assertNever } from '../core/assert.ts';
import type { Spec, SpecMode } from '../core/plan/spec.ts';
import type { Instruction } from '../core/language/instruction.ts';
import type { Interpretation } from '../core/language/interpret.ts';
import { growthCandidates, type GrowthCandidate, type GrowthMode } from '../core/registry/growth.ts';
import { intendedNarrative, observedNarrative } from '../core/registry/growth-narrative.ts';
import { learningRecord, observedFromReport, type Learning } from '../core/registry/learning.ts';
import { isAnalysisError, type AnalysisReport, type AnalysisResult } from '../core/report/analysis.ts';
import type { Candidate } from '../core/registry/identity.ts';
import type { MetaRecord, RegistriesDb } from '../storage/db.ts';
import { getKnowledge } from '../storage/repo-entries.ts';
import { listInterpretations, listLearnedLexicon } from '../storage/repo-language.ts';
import { promptHistory, recordJob } from '../storage/repo-runs.ts';
import { choosePrompt, MAX_PROMPT_RUN } from './choose-prompt.ts';
import { clipSeconds, needsTempoLength, TEMPO_CLIP_S } from './clip-length.ts';
import { intendedFromTruth } from './intended-from-truth.ts';
import { spanMappings, type JobPipeline, type MadeClip, type SpanMapping } from './pipeline.ts';
import { WORKFLOW_SETTINGS, type Workflow } from './workflows.ts';

/** The steps of a job, in order (the UI draws one progress bar each). */
export const JOB_STEPS = ['prompt', 'interpret', 'spec', 'create', 'analyze', 'grow', 'record'] as const;
/** One step of a job (JOB_STEPS). */
export type JobStep = (typeof JOB_STEPS)[number];

/** A job's analysis failed (the MP4 it made could not be read): nothing is recorded. */
export class JobAnalysisError extends Error {
  override name = 'JobAnalysisError';
}

/** What one job needs: the store, the pipeline, the workflow, seed and index, and optional prompt, length, signal and progress. */
export interface RunJobOptions {
  db: RegistriesDb;
  pipeline: JobPipeline;
  workflow: Workflow;
  /** Probability 0–1 of exploiting a known prompt (overridden by the explorer/exploiter workflows). */
  exploitRatio?: number;
  /** Seed of the loop; with `index` it fixes the prompt choice and the spec's seed. */
  seed: string;
  index: number;
  /** Use this prompt instead of choosing one (source `user`). */
  prompt?: string;
  /** Every clip this many seconds long, whatever the prompt asks (the benchmark's fixed clip). */
  durationS?: number;
  /** Analyse in one worker, without the colour worker (the benchmark's previous sequential loop). */
  singleAnalysisWorker?: boolean;
  /** Measure each clip's sound in a worker of its own while its picture is measured (the same report; the pipelined loop's). */
  soundWorker?: boolean;
  signal?: AbortSignal;
  onProgress?: (step: JobStep, fraction: number) => void;
  /** Clock, for tests. */
  now?: () => Date;
  /** Prompts of jobs still in flight, oldest first (not yet recorded): a new prompt avoids them, and they count as the latest jobs' prompts. */
  inFlightPrompts?: readonly string[];
  /** Called with the job's prompt once its prompt, instruction and spec are chosen: every store read it makes is done (the pipelined loop records the job before only then, and plans the next one from then on). */
  onPlanned?: (prompt: string) => void;
  /** Awaited after the analysis, just before the record transaction (the pipelined loop: until the next job is planned). */
  recordAfter?: Promise<unknown>;
  /** Meta rows written in the job's own transaction (the loop's state), computed when it commits. */
  recordWith?: () => readonly MetaRecord[];
}

/** What a recorded job gives back: its records, and the clip and report for the UI. */
export interface JobResult {
  job: LoopJobRecord;
  learning: Learning;
  discovery: DiscoveryRecord;
  /** The clip, for the UI to play (not stored: the job keeps its hash). */
  mp4: Uint8Array;
  report: AnalysisReport;
}

/** Throw the signal's reason (or an AbortError saying `message`) when it has been aborted. */
export function throwIfAborted(signal: AbortSignal | undefined, message = 'the job was cancelled'): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new DOMException(message, 'AbortError');
}

/** SHA-256 of a made clip, as lowercase hex (the job keeps the hash, not the bytes). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A unique job id: time-ordered, with randomness so two loops (or tabs) never collide. */
export function newJobId(at: Date): string {
  const [a = 0, b = 0] = crypto.getRandomValues(new Uint32Array(2));
  return `job-${at.getTime().toString(36)}-${a.toString(36)}${b.toString(36)}`;
}

function stripSupport(c: GrowthCandidate): Candidate {
  const { support: _support, ...candidate } = c;
  return candidate;
}

/** Frame workflows want pure clips (a value per frame), window ones blended clips; `all` alternates by job index. */
export function clipMode(growth: GrowthMode, index: number): SpecMode {
  switch (growth) {
    case 'frame':
      return 'pure';
    case 'window':
      return 'blended';
    case 'all':
      return index % 2 === 0 ? 'pure' : 'blended';
    default:
      return assertNever(growth, 'growth mode');
  }
}

/** A job made but not yet measured: what was chosen and made, with the time each step took (ms). */
export interface PreparedJob {
  /** The job's id (its clip is analysed under `${id}.mp4`). */
  id: string;
  jobSeed: string;
  started: Date;
  choice: { prompt: string; mode: 'explore' | 'exploit' | 'user' };
  instruction: Instruction;
  linguistic: SpanMapping[];
  spec: Spec;
  clip: MadeClip;
  times: Partial<Record<JobStep, number>>;
  /** Its analysis, when the pipelined loop queued it as soon as the clip was made (startAnalysis); else finishJob starts it. */
  analysis?: Promise<AnalysisResult>;
}

function stepReporter(o: RunJobOptions, times: Partial<Record<JobStep, number>>) {
  const report = (step: JobStep, f: number) => o.onProgress?.(step, Math.max(0, Math.min(1, f)));
  let t = performance.now();
  const lap = (step: JobStep) => {
    const now = performance.now();
    times[step] = Math.round(now - t);
    t = now;
    report(step, 1);
  };
  return { report, lap };
}

/** The first half of a job: prompt, interpretation, spec (every store read of the job), then the clip made. Writes nothing. */
export async function prepareJob(o: RunJobOptions): Promise<PreparedJob> {
  const { db, pipeline, signal } = o;
  const clock = o.now ?? (() => new Date());
  const settings = WORKFLOW_SETTINGS[o.workflow];
  const started = clock();
  const times: Partial<Record<JobStep, number>> = {};
  const { report, lap } = stepReporter(o, times);

  throwIfAborted(signal);
  report('prompt', 0);
  const knowledge = await getKnowledge(db);
  const jobSeed = `${o.seed}:${o.index}`;
  let choice: PreparedJob['choice'];
  // Read once: nothing writes the store between the prompt's choice and its interpretation (the job before records
  // only after this one is planned). Interpretations are kept by prompt: the chosen candidate is not interpreted twice.
  const learned = await listLearnedLexicon(db);
  const interpreted = new Map<string, Interpretation>();
  const interpretOnce = (prompt: string) => {
    let r = interpreted.get(prompt);
    if (!r) interpreted.set(prompt, (r = pipeline.interpret(prompt, learned)));
    return r;
  };
  if (o.prompt !== undefined) choice = { prompt: o.prompt, mode: 'user' };
  else {
    const interpretations = await listInterpretations(db);
    const history = await promptHistory(db, MAX_PROMPT_RUN);
    choice = choosePrompt({
      random: seededRandom(`${jobSeed}:choose`),
      exploitRatio: settings.exploit ?? o.exploitRatio ?? 0.5,
      interpretations,
      stats: history.byPrompt,
      // The job still in flight ran just before this one (the pipelined loop): it counts in the run of a prompt.
      recent: o.inFlightPrompts?.length ? [...history.recent, ...o.inFlightPrompts] : history.recent,
      generate: (avoid, variant) => pipeline.generatePrompt(variant === 0 ? `${jobSeed}:prompt` : `${jobSeed}:prompt:${variant}`, knowledge, o.inFlightPrompts?.length ? new Set([...avoid, ...o.inFlightPrompts]) : avoid, learned),
      interpret: (prompt) => interpretOnce(prompt).instruction,
    });
  }
  lap('prompt');

  throwIfAborted(signal);
  const interpretation = interpretOnce(choice.prompt);
  const instruction = interpretation.instruction;
  const linguistic = spanMappings(interpretation);
  lap('interpret');

  throwIfAborted(signal);
  const mode = clipMode(settings.growth, o.index);
  const seconds = clipSeconds(instruction, mode, o.durationS);
  let spec = pipeline.buildSpec(instruction, knowledge, `${jobSeed}:spec`, { mode, ...(seconds !== undefined ? { duration_s: seconds } : {}) });
  // The spec builder may choose a beat the prompt did not ask for: then the default 1 s is too short to hear it.
  if (seconds === undefined && needsTempoLength(instruction, mode, spec, o.durationS)) spec = pipeline.buildSpec(instruction, knowledge, `${jobSeed}:spec`, { mode, duration_s: TEMPO_CLIP_S });
  lap('spec');
  o.onPlanned?.(choice.prompt);

  throwIfAborted(signal);
  const clip = await pipeline.createClip(spec, { signal: signal ?? new AbortController().signal, onProgress: (f) => report('create', f) });
  lap('create');
  return { id: newJobId(started), jobSeed, started, choice, instruction, linguistic, spec, clip, times };
}

/**
 * Start analysing a made clip (the analysis worker takes files one at a time, in call order): the pipelined loop
 * queues job N+1's clip as soon as it is made, so the worker goes on to it while job N is grown and recorded.
 */
export function startAnalysis(p: PreparedJob, o: RunJobOptions): Promise<AnalysisResult> {
  const { pipeline, signal } = o;
  const { report } = stepReporter(o, {});
  const analysis = pipeline.analyze(p.clip.mp4, { name: `${p.id}.mp4`, signal: signal ?? new AbortController().signal, onProgress: (f) => report('analyze', f), ...(o.singleAnalysisWorker ? { singleWorker: true } : {}), ...(o.soundWorker ? { soundWorker: true } : {}) });
  // Observed by finishJob when the job's turn comes (or never, if the loop ends first): not an unhandled rejection meanwhile.
  analysis.catch(() => {});
  return analysis;
}

/** The second half of a job: analyse its clip (or wait for the analysis started early), plan the growth, and record everything in one transaction. */
export async function finishJob(p: PreparedJob, o: RunJobOptions): Promise<JobResult> {
  const { db, signal } = o;
  const clock = o.now ?? (() => new Date());
  const settings = WORKFLOW_SETTINGS[o.workflow];
  const { choice, instruction, clip, spec } = p;
  const times = { ...p.times };
  const { lap } = stepReporter(o, times);

  throwIfAborted(signal);
  const { id } = p;
  const result = await (p.analysis ?? startAnalysis(p, o));
  if (isAnalysisError(result)) throw new JobAnalysisError(`the clip of "${choice.prompt}" could not be analysed: ${result.error.code}: ${result.error.message}`);
  lap('analyze');

  throwIfAborted(signal);
  const candidates = growthCandidates(result, settings.growth);
  const intended = intendedFromTruth(instruction, clip.truth);
  const learning = learningRecord(id, intended, observedFromReport(result));
  const growsWindows = settings.growth !== 'frame';
  lap('grow');

  const sha256 = await sha256Hex(clip.mp4);
  await o.recordAfter;
  throwIfAborted(signal);
  const created_at = clock().toISOString();
  const job: LoopJobRecord = {
    id,
    created_at,
    started_at: p.started.toISOString(),
    workflow: o.workflow,
    growth: settings.growth,
    prompt: choice.prompt,
    prompt_mode: choice.mode,
    seed: p.jobSeed,
    instruction,
    spec,
    truth: clip.truth,
    mp4: { sha256, bytes: clip.mp4.byteLength },
    analysis: result,
    step_ms: times,
  };
  const discovery = await recordJob(db, {
    job,
    learning: { ...learning },
    discovery: { workflow: o.workflow, prompt: choice.prompt, candidates: candidates.length },
    sightings: candidates.map(stripSupport),
    narrative: growsWindows ? { intended: intendedNarrative(instruction, intended), observed: observedNarrative(result) } : { intended: intendedNarrative(instruction, intended) },
    interpretation: { prompt: choice.prompt, instruction, status: 'done', source: choice.mode === 'user' ? 'user' : 'procedural' },
    linguistic: p.linguistic,
    now: created_at,
  }, o.recordWith ? { meta: o.recordWith } : {});
  lap('record');
  return { job, learning, discovery, mp4: clip.mp4, report: result };
}

/** Run one job and record it whole; an abort or a failure before the end records nothing. */
export async function runJob(o: RunJobOptions): Promise<JobResult> {
  return finishJob(await prepareJob(o), o);
}
