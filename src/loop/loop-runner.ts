// The loop: jobs one after another, with pause, resume and stop; its settings and state persist in the
// meta table so a reopened tab can offer to resume. A job is recorded whole at its end or not at all.
import { assert } from '../core/assert.ts';
import type { RegistriesDb } from '../storage/db.ts';
import { readMeta, writeMeta } from '../storage/repo-meta.ts';
import type { JobPipeline } from './pipeline.ts';
import { finishJob, prepareJob, startAnalysis, type JobResult, type JobStep, type PreparedJob, type RunJobOptions } from './run-job.ts';
import type { Workflow } from './workflows.ts';

/** How a loop runs: its workflow, exploit ratio, seed, number of jobs and optional fixed clip length. */
export interface LoopSettings {
  workflow: Workflow;
  /** 0–1: how often a known prompt is exploited (the explorer/exploiter workflows fix it). */
  exploitRatio: number;
  seed: string;
  /** Jobs to run (a failed job counts: it is reported and skipped); null runs until stopped. */
  runs: number | null;
  /** Every clip this many seconds long, whatever its prompt asks (the benchmark's fixed clip); absent: the prompt's or the default. */
  durationS?: number;
  /**
   * One job at a time, as before the pipelined loop (the benchmark's reference). Default: pipelined — the next job is
   * planned and made while this one is analysed and recorded, so it is planned from the registries without this job.
   */
  sequential?: boolean;
  /**
   * Analyse each clip in one worker, without the colour worker of issue 18 (with `sequential`: the loop as issue 16
   * measured it). Default: one worker when pipelined (the render worker, making the next clip, is the other core's
   * work: a third busy thread only adds CPU per job), the colour worker too when sequential (nothing else runs then).
   */
  singleAnalysisWorker?: boolean;
  /**
   * Measure each clip's sound in a sound worker while the analysis worker measures its picture (the same report:
   * src/media/analyze-sound-alongside.ts). Default: when pipelined (the analysis worker is the loop's busiest thread,
   * and the other core has room beside the render worker); not when sequential (the benchmark's reference).
   */
  soundWorker?: boolean;
}

/** Where a loop is: idle, running, paused, stopped, done, or stopped by an error. */
export type LoopStatus = 'idle' | 'running' | 'paused' | 'stopped' | 'done' | 'error';

/** The loop's persisted state (the meta table): settings, status, next index and counts. */
export interface LoopState {
  settings: LoopSettings | null;
  status: LoopStatus;
  /** Index of the next job to run (a paused or interrupted job runs again under its index). */
  nextIndex: number;
  completed: number;
  failed: number;
  /** Why the loop stopped with `error` (e.g. storage full), or the last job failure. */
  message: string | null;
  updated_at: string;
}

/** The meta-table key of the persisted loop state. */
export const LOOP_STATE_KEY = 'loop_state';
/** After this many failed jobs in a row the loop stops: something is wrong beyond one prompt. */
export const MAX_CONSECUTIVE_FAILURES = 3;

/** The Loop view's first settings: every registry grows, a third of prompts exploited. */
export const DEFAULT_LOOP_SETTINGS: LoopSettings = { workflow: 'all', exploitRatio: 0.3, seed: 'motion', runs: null };

function idleState(): LoopState {
  return { settings: null, status: 'idle', nextIndex: 0, completed: 0, failed: 0, message: null, updated_at: new Date().toISOString() };
}

/** The persisted loop state (idle when none). */
export async function loadLoopState(db: RegistriesDb): Promise<LoopState> {
  const value = await readMeta(db, LOOP_STATE_KEY);
  return value ? (value as LoopState) : idleState();
}

/** A loop that was running or paused when its page went away can be resumed. */
export function canResume(state: LoopState): boolean {
  return state.settings !== null && (state.status === 'running' || state.status === 'paused');
}

function isAbort(err: unknown): boolean {
  return (err as { name?: string } | null)?.name === 'AbortError';
}

/** What the runner tells its listeners, by event type (each a CustomEvent with this detail). */
export interface LoopEvents {
  progress: { step: JobStep; fraction: number; index: number };
  /** A recorded job, with its index in the loop. */
  job: JobResult & { index: number };
  /** A job that failed (reported and skipped; nothing of it was recorded). */
  failure: { index: number; error: string };
  state: LoopState;
}

/** A job started ahead: its made clip, its planning (settling with its prompt) and how to abandon it alone. */
interface Ahead {
  index: number;
  prepared: Promise<PreparedJob>;
  planned: Promise<string | null>;
  cancel(why: string): void;
  signal: AbortSignal;
  /** The job is over (recorded, failed or abandoned): its signal stops following the loop's. */
  release(): void;
}

/** Runs jobs and tells listeners (`progress`, `job`, `failure`, `state` CustomEvents) what happens. */
export class LoopRunner extends EventTarget {
  private current: LoopState = idleState();
  private controller: AbortController | null = null;
  /** Loop-state writes so far: a job's own transaction writes the state too, and must know if another came in between. */
  private writes = 0;
  private running: Promise<void> | null = null;

  /** `pipeline`: the steps, or a loader called when the loop starts (so a page opens even when a step is missing). */
  constructor(private readonly db: RegistriesDb, private readonly pipeline: JobPipeline | (() => Promise<JobPipeline>)) {
    super();
  }

  get state(): LoopState {
    return this.current;
  }

  /** Read the persisted state (call once after construction). A `running` state means the page died mid-job: it becomes `paused`. */
  async restore(): Promise<LoopState> {
    const s = await loadLoopState(this.db);
    this.current = s.status === 'running' ? { ...s, status: 'paused' } : s;
    this.emit('state', this.current);
    return this.current;
  }

  /** Listen to one event type with its typed detail; returns the function that stops listening. */
  on<K extends keyof LoopEvents>(type: K, listener: (detail: LoopEvents[K]) => void): () => void {
    const l = (e: Event) => listener((e as CustomEvent<LoopEvents[K]>).detail);
    this.addEventListener(type, l);
    return () => this.removeEventListener(type, l);
  }

  private emit<K extends keyof LoopEvents>(type: K, detail: LoopEvents[K]): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  private async setState(patch: Partial<LoopState>): Promise<void> {
    this.current = { ...this.current, ...patch, updated_at: new Date().toISOString() };
    this.emit('state', this.current);
    await this.persist();
  }

  private async persist(): Promise<void> {
    this.writes++;
    const value = this.current;
    await writeMeta(this.db, LOOP_STATE_KEY, value).catch((err: unknown) => {
      // Saving the state is best effort: a full disk is reported by the next job's own write.
      console.warn('could not save the loop state', err);
    });
  }

  /** Start a new loop (job indices from 0). */
  async start(settings: LoopSettings): Promise<void> {
    if (this.running) throw new Error('the loop is already running');
    await this.setState({ settings, status: 'running', nextIndex: 0, completed: 0, failed: 0, message: null });
    this.running = this.drive().finally(() => (this.running = null));
  }

  /** Continue a paused (or interrupted) loop from its next index. */
  async resume(): Promise<void> {
    if (this.running) return;
    if (!this.current.settings) throw new Error('there is no loop to resume');
    await this.setState({ status: 'running', message: null });
    this.running = this.drive().finally(() => (this.running = null));
  }

  /** Pause: the job in progress is abandoned (nothing of it is recorded) and runs again on resume. */
  async pause(): Promise<void> {
    if (this.current.status !== 'running') return;
    await this.setState({ status: 'paused' });
    this.controller?.abort(new DOMException('paused', 'AbortError'));
    await this.running;
  }

  /** Stop for good: the job in progress is abandoned. */
  async stop(): Promise<void> {
    const wasRunning = this.running;
    await this.setState({ status: 'stopped' });
    this.controller?.abort(new DOMException('stopped', 'AbortError'));
    await wasRunning;
  }

  /** Resolves when the loop has nothing more to do (done, paused, stopped or error). */
  async settled(): Promise<void> {
    await this.running;
  }

  /**
   * Start the first half of job `index` (plan and make its clip). `planned` settles once its store reads are done,
   * with its prompt (null when it failed before choosing one). `analyseEarly`: queue the clip's analysis as soon as it
   * is made (the job made ahead: the analysis worker goes on to it straight from the job before, instead of idling
   * while that one is grown and recorded). `cancel` stops this job alone (the job before it failed to be made).
   */
  private prepare(index: number, base: Omit<RunJobOptions, 'index'>, analyseEarly = false): Ahead {
    let planned: (prompt: string | null) => void = () => {};
    const gate = new Promise<string | null>((resolve) => (planned = resolve));
    // Its own signal, aborted with the loop's or alone.
    const own = new AbortController();
    const loopSignal = base.signal;
    const follow = () => own.abort(loopSignal?.reason);
    if (loopSignal?.aborted) follow();
    else loopSignal?.addEventListener('abort', follow, { once: true });
    const o: RunJobOptions = { ...base, index, signal: own.signal, onPlanned: (prompt) => planned(prompt) };
    const made = prepareJob(o);
    const prepared = analyseEarly ? made.then((p): PreparedJob => ({ ...p, analysis: startAnalysis(p, o) })) : made;
    prepared.then(() => planned(null), () => planned(null));
    // Observed when its turn comes (or never, if the loop ends first): not an unhandled rejection meanwhile.
    prepared.catch(() => {});
    return {
      index, prepared, planned: gate, signal: own.signal,
      cancel: (why) => own.abort(new DOMException(why, 'AbortError')),
      release: () => loopSignal?.removeEventListener('abort', follow),
    };
  }

  /**
   * Jobs in index order. Pipelined (the default): while job N is made, analysed and recorded, job N+1 is planned and
   * made (its clip rendered and encoded in the render worker as the analysis runs in the analysis worker). N+1 is
   * planned as soon as N is (its prompt is then known, the one thing N+1's planning takes from it), not after N's
   * clip is made: its planning and sound mix run while N's frames are rendered. N+1 is planned from the store before
   * N is recorded, and N is recorded only after that, so every run of one seed plans each job from the same
   * registries (those of jobs 0…N−1). One job ahead at most. A pause or stop abandons both; when N's make fails,
   * N+1 is abandoned and planned again, as if it had never started (it would otherwise avoid N's unrecorded prompt).
   */
  private async drive(): Promise<void> {
    let consecutive = 0;
    let pipeline: JobPipeline;
    try {
      pipeline = typeof this.pipeline === 'function' ? await this.pipeline() : this.pipeline;
    } catch (err) {
      await this.setState({ status: 'error', message: `The loop cannot run: ${(err as Error)?.message ?? String(err)}` });
      return;
    }
    const settings = this.current.settings;
    assert(settings !== null, 'a running loop has settings (start and resume set them)');
    // The analysis worker starts and loads its speech model while the first job is planned and made (on a cold page
    // that load took ≈ 2 CPU s and sat inside the first job's analysis).
    const soundWorker = settings.soundWorker ?? !settings.sequential;
    pipeline.warm?.({ soundWorker });
    const controller = new AbortController();
    this.controller = controller;
    const base: Omit<RunJobOptions, 'index'> = {
      db: this.db, pipeline, workflow: settings.workflow, exploitRatio: settings.exploitRatio, seed: settings.seed, signal: controller.signal,
      ...(settings.durationS !== undefined ? { durationS: settings.durationS } : {}),
      ...((settings.singleAnalysisWorker ?? !settings.sequential) ? { singleAnalysisWorker: true } : {}),
      ...(soundWorker ? { soundWorker: true } : {}),
    };
    const withProgress = (index: number) => ({ ...base, onProgress: (step: JobStep, fraction: number) => this.emit('progress', { step, fraction, index }) });
    const within = (index: number) => settings.runs === null || index < settings.runs;
    let ahead: Ahead | null = null;
    try {
      while (this.current.status === 'running') {
        const index = this.current.nextIndex;
        if (!within(index)) {
          await this.setState({ status: 'done' });
          return;
        }
        const mine = ahead?.index === index ? ahead : this.prepare(index, withProgress(index));
        ahead = null;
        const writesBefore = this.writes;
        try {
          // Job N's prompt is not in the registry while N+1 is planned: a new prompt for N+1 avoids it all the same.
          const prompt = settings.sequential || !within(index + 1) ? null : await mine.planned;
          if (prompt !== null) ahead = this.prepare(index + 1, { ...withProgress(index + 1), inFlightPrompts: [prompt] }, true);
          let prepared: PreparedJob;
          try {
            prepared = await mine.prepared;
          } catch (err) {
            // N was not made: N+1, planned with N's prompt in flight, is planned again once N's failure is counted.
            ahead?.cancel('the job before was not made');
            ahead?.release();
            ahead = null;
            throw err;
          }
          const result = await finishJob(prepared, {
            ...withProgress(index), index, signal: mine.signal, ...(ahead ? { recordAfter: ahead.planned } : {}),
            // The loop's next index commits with the job: a page killed after it never runs the job again.
            recordWith: () => [{ key: LOOP_STATE_KEY, value: this.advanced() }],
          });
          consecutive = 0;
          this.current = { ...this.advanced(), status: this.current.status };
          this.emit('state', this.current);
          // A pause or stop wrote the state while the job was recording (its row may have landed after the job's): write it again.
          if (this.writes !== writesBefore) await this.persist();
          this.emit('job', { ...result, index });
        } catch (err) {
          if (isAbort(err) && this.current.status !== 'running') return;
          const e = err as Error;
          if (e?.name === 'StorageQuotaError') {
            await this.setState({ status: 'error', message: `Storage is full: the loop stopped after ${this.current.completed} jobs and nothing of the last job was written. Export the registries, free space, then resume. (${e.message})` });
            return;
          }
          consecutive++;
          const message = `job ${index} failed: ${e?.name ?? 'Error'}: ${e?.message ?? String(err)}`;
          console.warn(message, err);
          this.emit('failure', { index, error: `${e?.name ?? 'Error'}: ${e?.message ?? String(err)}` });
          await this.setState({ nextIndex: index + 1, failed: this.current.failed + 1, message });
          if (consecutive >= MAX_CONSECUTIVE_FAILURES) {
            await this.setState({ status: 'error', message: `${MAX_CONSECUTIVE_FAILURES} jobs failed in a row; the last: ${message}` });
            return;
          }
        } finally {
          mine.release();
        }
      }
    } finally {
      // A job made ahead that will not run now (done, error, pause, stop): stop its work; it recorded nothing.
      if (!controller.signal.aborted) controller.abort(new DOMException('the loop ended', 'AbortError'));
      this.controller = null;
    }
  }

  /** The state once the job at nextIndex is recorded. */
  private advanced(): LoopState {
    return { ...this.current, nextIndex: this.current.nextIndex + 1, completed: this.current.completed + 1, updated_at: new Date().toISOString() };
  }
}
