// The application session: the one front door. The Lit views and the headless page API (src/app/headless-api.ts,
// which the CLI drives) call these same functions for export, import, counts, diagnostics, backfill, analysis,
// creation, interpretation and the loop. It also holds the app state views read, as an observable store.
import { EMPTY_PROMPT_MESSAGE, plainError } from './plain-error.ts';
import type { Instruction } from '../core/language/instruction.ts';
import type { BuildSpecOptions } from '../core/plan/build-spec.ts';
import type { Spec } from '../core/plan/spec.ts';
import type { Diagnostics, NarrativeRecord } from '../core/registry/export-records.ts';
import { VALUE_REGISTRIES, type RegistryEntry, type ValueRegistry } from '../core/registry/entry.ts';
import { growthCandidates, type GrowthMode } from '../core/registry/growth.ts';
import { agreementByField, agreementSeries } from '../core/registry/learning.ts';
import type { IntendedTruth } from '../core/render/intended-truth.ts';
import { isAnalysisError, type AnalysisReport, type AnalysisResult, type FrameReport } from '../core/report/analysis.ts';
import type { CreatedClip } from '../media/create-clip.ts';
import type { Thumbnail } from '../media/frame-thumbnails.ts';
import type { Spectrogram } from '../core/audio/spectrogram.ts';
import { thumbnailTimes } from '../core/report/thumbnail-times.ts';
import { FramePlot, keepForView } from './frame-plot.ts';
import type { RegistriesDb } from '../storage/db.ts';
import { exportRegistries, importRegistries, parseExportText, type ImportSummary } from '../storage/export.ts';
import { counts, getKnowledge, listEntries, openRegistries, recordSighting, type RegistryCounts } from '../storage/repo-entries.ts';
import { listLearnedLexicon, recordUserInterpretation, teachLinguistic, type LinguisticMapping } from '../storage/repo-language.ts';
import { interpretationPage, linguisticPage, removeLearnedLinguistic, type InterpretationPage, type InterpretationPageQuery, type LinguisticPage, type LinguisticPageQuery } from '../storage/language-page.ts';
import type { LinguisticRecord } from '../core/registry/export-records.ts';
import type { LexiconConflict, Taught } from '../core/language/grow-vocabulary.ts';
import type { Interpretation } from '../core/language/interpret.ts';
import { diagnostics, learningInJobOrder, listNarrative, varietyJobs } from '../storage/repo-runs.ts';
import { varietyReport, type VarietyReport } from '../core/registry/variety-report.ts';
import { queryRegistryPage, registryTotals, type RegistryPage, type RegistryPageQuery } from '../storage/registry-page.ts';
import { latestNarrative, type NarrativePage } from '../storage/narrative-page.ts';
import { backfillRecords, type BackfillSummary } from '../loop/backfill.ts';
import { loadInterpret, loadPipeline } from '../loop/default-pipeline.ts';
import { canResume, loadLoopState, LoopRunner, type LoopSettings, type LoopState } from '../loop/loop-runner.ts';
import type { JobResult, JobStep } from '../loop/run-job.ts';
import type { Workflow } from '../loop/workflows.ts';
import { repairStore, type RepairSummary } from '../storage/repair-store.ts';
import { clearRecentReports, listRecentReports, saveRecentReport } from '../storage/repo-recent-reports.ts';
import { SyncController, readSyncSettings, type SyncControllerOptions, type SyncSettings } from '../sync/sync-controller.ts';
import { spanMappings } from '../loop/pipeline.ts';
import { sliceOf, Store } from './session-store.ts';
import { RunningAnalyses, type InterruptedAnalysis } from './running-analyses.ts';
import { CreateSession, initialCreateState, type CreateState } from './create-session.ts';

/** Everything the Registries view shows. */
export interface RegistriesSnapshot {
  entries: Record<ValueRegistry, RegistryEntry[]>;
  narrative: { intended: NarrativeRecord[]; observed: NarrativeRecord[] };
}

/** Agreement per field (mean over jobs) and its series in job order. */
export interface AgreementSnapshot {
  mean: ReturnType<typeof agreementByField>;
  series: ReturnType<typeof agreementSeries>;
}

/** Everything the Diagnostics view shows. */
export interface DiagnosticsSnapshot extends AgreementSnapshot {
  diagnostics: Diagnostics;
}

/** One analysed file: its report (or error report) and how many new entries recording it added (null: not recorded). */
export interface AnalyzedFile {
  name: string;
  result: AnalysisResult;
  recorded: number | null;
}

/** Options of one analysis. */
export interface AnalyzeRequest {
  /** Shown name (default the File's name). */
  name?: string;
  /** Record the report's values as sightings from `analyze:<sha256>`, per frame, per window or both; null: do not record. */
  record?: GrowthMode | null;
  signal?: AbortSignal;
  /** Fraction done, 0–1. */
  onProgress?: (fraction: number) => void;
  /** Keep the file and its report in the session state for the views (default true; the CLI analyses many files and keeps none). */
  track?: boolean;
  /**
   * Stream the report's frames here as they are measured (the CLI writes them out; nothing of them is kept): the
   * result then has `frames` empty. Only with `track: false` and no `record` (those need the frames).
   */
  onFrames?: (frames: FrameReport[]) => Promise<void> | void;
  /** false: one worker, without the second (colour) worker; default: by core count (the speed benchmark's one-worker reference). */
  parallel?: boolean;
  /** With a second worker: two frame ranges, one per worker, instead of the colour worker (default: the analysis's own, docs/extraction.md). */
  ranges?: boolean;
  /** Measure the sound in the sound worker while the picture is measured (the loop's way; the same report). */
  soundAlongside?: boolean;
}

/** One analysis the views show: in progress (`done` null), done, or failed before a report. */
export interface AnalysisItem {
  id: number;
  name: string;
  /** The file analysed; null for a report kept from an earlier visit without its (large) file. */
  file: Blob | null;
  progress: number;
  done: AnalyzedFile | null;
  error: string | null;
  /** Its row among the kept recent reports (IndexedDB), once saved. */
  savedId?: number;
  /** Stopped by the person (cancelAnalysis or the caller's signal) before it finished. */
  cancelled?: boolean;
  /** Pictures decoded after the report, for the view (absent until the report is done). */
  pictures?: AnalysisPictures;
  /**
   * The plotted per-frame values of a finished report, in typed arrays (issue 18): the item's report is kept without
   * its frames (`frames` empty); its words are `summary`, made while the frames were there.
   */
  plot?: FramePlot;
  /** The finished report in words (summarizeReport of the whole report). */
  summary?: string;
}

/** What the Analyze view draws besides the report: frames (thumbnailTimes) and the sound's spectrogram; 'pending' while decoding. */
export interface AnalysisPictures {
  thumbnails: Thumbnail[] | 'pending';
  /** Null when the file has no audio this browser decodes. */
  spectrogram: Spectrogram | null | 'pending';
}

/** A clip to make: a prompt or an instruction, and the spec builder's options. */
export interface CreateRequest extends Omit<BuildSpecOptions, 'seed'> {
  prompt?: string;
  instruction?: Instruction;
  seed: string;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** A made clip with what it was made from. */
export interface MadeClipResult {
  mp4: Uint8Array;
  instruction: Instruction;
  spec: Spec;
  truth: IntendedTruth;
  stats: CreatedClip['stats'];
}

/** A run of N loop jobs (the CLI's `loop` command and the benchmark). */
export interface LoopRunRequest {
  runs: number;
  workflow: Workflow;
  exploit?: number;
  seed?: string;
  /** Every clip this many seconds long, whatever its prompt asks. */
  duration_s?: number;
  /** One job at a time (the benchmark's reference); default: the pipelined loop. */
  sequential?: boolean;
  /** Analyse in one worker, without the colour worker (with `sequential`: the loop as issue 16 measured it); default: one when pipelined, two when sequential. */
  single_analysis_worker?: boolean;
  /** Measure each clip's sound in a worker of its own meanwhile (the same report); default: when pipelined. */
  sound_worker?: boolean;
}

function withoutPoints(r: VarietyReport): Omit<VarietyReport, 'points'> {
  const { points: _points, ...rest } = r;
  return rest;
}

/** What a run of N loop jobs did. */
export interface LoopRunSummary {
  workflow: Workflow;
  completed: number;
  failed: { index: number; error: string }[];
  /** Why the run stopped early (failures in a row, a full disk), if it did. */
  stopped?: string;
  seconds: number;
  jobs_per_minute: number;
  /** Mean milliseconds per step over the recorded jobs (the pipelined loop's steps of two jobs overlap). */
  step_ms: Partial<Record<string, number>>;
  new_entries: number;
  diagnostics: Diagnostics;
  agreement: ReturnType<typeof agreementByField>;
  /** How varied the store's jobs are (issue 16.3): the report's summary, without its per-job points. */
  variety: Omit<VarietyReport, 'points'>;
}

/** How a session runs: `jobPictures` false makes no picture of the loop's clips (a page without views, the CLI's). */
export interface SessionOptions {
  jobPictures?: boolean;
}

/** One job of the loop in this session, as the Loop view lists it. */
export interface LoopJobItem {
  /** The job's index in its loop (0-based). */
  index: number;
  prompt: string | null;
  mode: string | null;
  /** Mean agreement 0–1 of intended vs observed (null for a failed job). */
  agreement: number | null;
  fresh: number;
  seenAgain: number;
  /** Object URL of a small picture of the clip (its middle frame), once made. */
  thumbnail: string | null;
  /** Why the job failed (nothing of it was recorded), or null. */
  error: string | null;
}

/** The Loop view's form, kept as typed (before Start). */
export interface LoopForm {
  workflow: Workflow;
  exploit: number;
  seed: string;
  /** As typed: empty runs until stopped. */
  runs: string;
}

/** The inputs views keep as a person left them (also kept in localStorage across reloads). */
export interface SessionDrafts {
  /** The Interpret view's prompt as typed (null: the view's example). */
  interpretPrompt: string | null;
  /** The Analyze view's "record into the registries" choice (null: do not record). */
  analyzeRecord: GrowthMode | null;
  /** The Loop view's form (null: the last settings used, or the defaults). */
  loopForm: LoopForm | null;
  /** Any other view's simple inputs by view name (a registry chosen, a search typed, a sort): see setViewDraft. */
  viewDrafts: Record<string, ViewDraft>;
}

/** A view's simple inputs, by field name. */
export type ViewDraft = Record<string, string | number | boolean | null>;

/**
 * The app state views read (subscribe through `session.store`, or a SessionController in a Lit view). A view's
 * inputs and results live here, not in the element, so switching tabs (which destroys the element) loses nothing.
 */
export interface SessionState extends SessionDrafts {
  /** Files analysed (this session's, and the recent ones kept from earlier visits), oldest first. */
  analyses: AnalysisItem[];
  /** Analyses cut short by a reload or a closed tab (which file, how far), until dismissed or the file is analysed again. */
  interruptedAnalyses: InterruptedAnalysis[];
  /** The last prompt interpreted, and its instruction (null while it runs or when it failed). */
  /** The current interpretation; `conflicts`: taught meanings met in it that the app's own words overrule. */
  interpretation: { prompt: string; instruction: Instruction | null; error: string | null; conflicts?: LexiconConflict[] } | null;
  /** The loop's persisted state. */
  loop: LoopState;
  /** The step of the job to be recorded next and its fraction 0–1 (null between jobs, and once the loop is not running). */
  step: { step: JobStep; fraction: number; index: number } | null;
  /** The step of the job made ahead of it (the pipelined loop), or null. */
  ahead: { step: JobStep; fraction: number; index: number } | null;
  /** The latest job the loop finished in this session (its clip included), or null. */
  latestJob: JobResult | null;
  /** Object URL of the latest job's clip (revoked when the next replaces it). */
  latestClipUrl: string | null;
  /** Jobs of this session's loops, oldest first (at most LOOP_JOBS_KEPT). */
  loopJobs: LoopJobItem[];
  /** The loop was running when the page went away (it came back paused): offer to resume. A deliberate pause is not this. */
  loopInterrupted: boolean;
  /** The Create view: prompt, reading, chips, the made clip, its analysis and record (AppSession.creation acts on it). */
  create: CreateState;
}

/** How many jobs the Loop view lists (older ones drop off, their thumbnails freed). */
export const LOOP_JOBS_KEPT = 60;

const SETTINGS_KEY = 'loop_settings';
const DRAFTS_KEY = 'view_drafts';

function readDrafts(): SessionDrafts {
  const none: SessionDrafts = { interpretPrompt: null, analyzeRecord: null, loopForm: null, viewDrafts: {} };
  try {
    const raw = globalThis.localStorage?.getItem(DRAFTS_KEY);
    return raw ? { ...none, ...(JSON.parse(raw) as Partial<SessionDrafts>) } : none;
  } catch {
    return none;
  }
}

/** The one application session over one store of registries. */
export class AppSession {
  /** The state views read: subscribe() to repaint on change. */
  readonly store: Store<SessionState>;
  /** The Create view's prompt → clip → analysis → record (src/app/create-session.ts); its state is `store.state.create`. */
  readonly creation: CreateSession;
  private nextAnalysis = 1;
  /** The running analyses' own abort controllers, by item id (cancelAnalysis, clearAnalysis). */
  private readonly analysisControllers = new Map<number, AbortController>();
  /** The latest progress of each job in flight (the pipelined loop makes the next job while this one is analysed). */
  private readonly inFlight = new Map<number, { step: JobStep; fraction: number; index: number }>();
  /** Notes of the tracked analyses in progress, so a reload that cuts one short is told next time. */
  private readonly running: RunningAnalyses;

  private constructor(private readonly db: RegistriesDb, readonly loop: LoopRunner, private readonly options: SessionOptions = {}) {
    this.running = new RunningAnalyses(db.name);
    this.store = new Store<SessionState>({
      analyses: [], interruptedAnalyses: [], interpretation: null, loop: loop.state, step: null, ahead: null, latestJob: null, latestClipUrl: null, loopJobs: [],
      loopInterrupted: false, create: initialCreateState(), ...readDrafts(),
    });
    loop.on('state', (state) => {
      // Bars show the job in flight: once the loop is not running there is none (a paused job runs again from its start).
      const idle = state.status !== 'running';
      if (idle) this.inFlight.clear();
      this.store.update({ loop: state, ...(idle ? { step: null, ahead: null } : {}), ...(state.status === 'running' || state.status === 'stopped' ? { loopInterrupted: false } : {}) });
    });
    loop.on('progress', (p) => {
      if (this.loop.state.status !== 'running') return;
      this.inFlight.set(p.index, p);
      this.showInFlight();
    });
    loop.on('job', (r) => {
      this.settle(r.index);
      this.onJob(r);
    });
    loop.on('failure', ({ index, error }) => {
      this.settle(index);
      this.pushJob({ index, prompt: null, mode: null, agreement: null, fresh: 0, seenAgain: 0, thumbnail: null, error });
    });
    this.creation = new CreateSession(db, loadPipeline, sliceOf(this.store, 'create'));
  }

  /** Open the registries (`name`: the IndexedDB database) and restore the loop (a loop that was running when the page closed comes back paused). */
  static async open(name?: string, options: SessionOptions = {}): Promise<AppSession> {
    const db = await openRegistries(name);
    const session = new AppSession(db, new LoopRunner(db, loadPipeline), options);
    const before = await loadLoopState(db);
    await session.loop.restore();
    session.store.update({ loopInterrupted: before.status === 'running' && session.canResume() });
    await session.restoreRecentReports();
    session.store.update({ interruptedAnalyses: await session.running.claimInterrupted() });
    return session;
  }

  /** Whether an interrupted loop can be resumed. */
  canResume(): boolean {
    return canResume(this.loop.state);
  }

  // ---- App state: what views keep across tabs and reloads (drafts, the loop's jobs, recent reports) ----

  /** Keep some of a view's inputs (in the state, and in localStorage for the next visit). */
  setDrafts(patch: Partial<SessionDrafts>): void {
    this.store.update(patch);
    const { interpretPrompt, analyzeRecord, loopForm, viewDrafts } = this.store.state;
    try {
      globalThis.localStorage?.setItem(DRAFTS_KEY, JSON.stringify({ interpretPrompt, analyzeRecord, loopForm, viewDrafts }));
    } catch {
      // Private mode or a full quota: the drafts still live for this session.
    }
  }

  /** A view's kept inputs (empty until it keeps some). */
  viewDraft(view: string): ViewDraft {
    return this.store.state.viewDrafts[view] ?? {};
  }

  /** Keep some of a view's simple inputs (merged into what it kept before), for the tab's next visit and the next page load. */
  setViewDraft(view: string, patch: ViewDraft): void {
    const all = this.store.state.viewDrafts;
    this.setDrafts({ viewDrafts: { ...all, [view]: { ...all[view], ...patch } } });
  }

  /** Forget the note of an interrupted analysis (of file `name`; every one without a name). */
  dismissInterrupted(name?: string): void {
    this.store.update({ interruptedAnalyses: this.running.dismiss(name) });
  }

  /** Stop an analysis in progress (its item is removed) or forget a finished one (and its kept copy); no id: forget all finished. */
  async clearAnalysis(id?: number): Promise<void> {
    const all = this.store.state.analyses;
    const gone = id === undefined ? all.filter((a) => a.done || a.error) : all.filter((a) => a.id === id);
    for (const a of gone) this.analysisControllers.get(a.id)?.abort(new DOMException('cancelled', 'AbortError'));
    this.store.update({ analyses: this.store.state.analyses.filter((a) => !gone.includes(a)) });
    for (const a of gone) if (a.savedId !== undefined) await clearRecentReports(this.db, a.savedId);
  }

  private async restoreRecentReports(): Promise<void> {
    const rows = await listRecentReports(this.db).catch((err: unknown) => {
      console.warn('could not read the recent reports', err);
      return [];
    });
    const kept: AnalysisItem[] = rows.map((r) => {
      const view = isAnalysisError(r.result) ? null : keepForView(r.result);
      return {
        id: this.nextAnalysis++, name: r.name, file: r.file, progress: 1, done: { name: r.name, result: view ? view.report : r.result, recorded: r.recorded }, error: null,
        ...(view ? { plot: view.plot, summary: view.summary } : {}),
        ...(r.id !== undefined ? { savedId: r.id } : {}),
      };
    });
    if (kept.length) this.store.update({ analyses: [...kept, ...this.store.state.analyses] });
  }

  /** `step`: the job to be recorded next (the lowest index in flight); `ahead`: the one made ahead of it. */
  private showInFlight(): void {
    const [first, second] = [...this.inFlight.values()].sort((a, b) => a.index - b.index);
    this.store.update({ step: first ?? null, ahead: second ?? null });
  }

  /** Job `index` ended (recorded or failed): it and any before it are no longer in flight. */
  private settle(index: number): void {
    for (const i of [...this.inFlight.keys()]) if (i <= index) this.inFlight.delete(i);
    this.showInFlight();
  }

  private pushJob(item: LoopJobItem): void {
    const jobs = [...this.store.state.loopJobs, item];
    for (const old of jobs.splice(0, Math.max(0, jobs.length - LOOP_JOBS_KEPT))) if (old.thumbnail) URL.revokeObjectURL(old.thumbnail);
    this.store.update({ loopJobs: jobs });
  }

  private onJob(r: JobResult & { index: number }): void {
    const prev = this.store.state.latestClipUrl;
    if (prev) URL.revokeObjectURL(prev);
    const clip = new Blob([r.mp4 as Uint8Array<ArrayBuffer>], { type: 'video/mp4' });
    const index = r.index;
    this.store.update({ latestJob: r, latestClipUrl: URL.createObjectURL(clip) });
    this.pushJob({
      index, prompt: r.job.prompt, mode: r.job.prompt_mode, agreement: r.learning.agreement, fresh: r.discovery.new.length,
      seenAgain: r.discovery.seen_again.length, thumbnail: null, error: null,
    });
    // The picture comes a moment later; the list shows the job at once. A page without views (the CLI's) draws none:
    // a picture costs a decoder, a decoded frame or up to a second of them, and a JPEG, in the page, every job.
    if (this.options.jobPictures === false) return;
    void import('../media/clip-thumbnail.ts').then(({ clipThumbnail }) => clipThumbnail(clip)).then((jpeg) => {
      if (!jpeg) return;
      const url = URL.createObjectURL(jpeg);
      const jobs = this.store.state.loopJobs;
      const at = jobs.findIndex((j) => j.index === index && j.prompt === r.job.prompt && j.thumbnail === null);
      if (at < 0) return URL.revokeObjectURL(url);
      this.store.update({ loopJobs: jobs.map((j, i) => (i === at ? { ...j, thumbnail: url } : j)) });
    }, (err: unknown) => console.warn('no thumbnail for the clip', err));
  }

  /** Loop settings last used (localStorage: they are preferences, not registry data). */
  savedSettings(): LoopSettings | null {
    try {
      const raw = globalThis.localStorage?.getItem(SETTINGS_KEY);
      return raw ? (JSON.parse(raw) as LoopSettings) : null;
    } catch {
      return null;
    }
  }

  /** Start a new loop with these settings (remembered for next time); refused while one is paused (resume or stop it first). */
  async startLoop(settings: LoopSettings): Promise<void> {
    const status = this.loop.state.status;
    // Starting over a paused loop would silently discard it: the person must choose Resume or Stop.
    if (status === 'paused' || status === 'running') throw new Error(`a loop is ${status}: ${status === 'paused' ? 'resume or stop it' : 'stop it'} before starting another`);
    globalThis.localStorage?.setItem(SETTINGS_KEY, JSON.stringify(settings));
    for (const j of this.store.state.loopJobs) if (j.thumbnail) URL.revokeObjectURL(j.thumbnail);
    this.store.update({ loopJobs: [] });
    await this.loop.start(settings);
  }

  /** Continue a paused or interrupted loop. */
  async resumeLoop(): Promise<void> {
    await this.loop.resume();
  }

  /**
   * Run `runs` jobs through the loop runner and wait for the end; `onLine` gets one progress line per step,
   * job and failure. The runner's rules apply (a failed job is skipped; failures in a row stop the run).
   */
  async runLoop(req: LoopRunRequest, onLine: (line: string) => void = () => {}): Promise<LoopRunSummary> {
    const failed: LoopRunSummary['failed'] = [];
    let completed = 0;
    let fresh = 0;
    const stepTotals: Record<string, number> = {};
    let last: string | null = null;
    const tag = (index: number) => `job ${index + 1}/${req.runs}`;
    const off = [
      this.loop.on('progress', ({ step, index }) => {
        const line = `${tag(index)}: ${step}`;
        if (line !== last) onLine(line);
        last = line;
      }),
      this.loop.on('job', (r) => {
        completed++;
        fresh += r.discovery.new.length;
        for (const [step, ms] of Object.entries(r.job.step_ms)) stepTotals[step] = (stepTotals[step] ?? 0) + (ms ?? 0);
        onLine(`${tag(r.index)} done: "${r.job.prompt}" (${r.job.prompt_mode}) agreement ${r.learning.agreement.toFixed(2)}, ${r.discovery.new.length} new, ${r.discovery.seen_again.length} seen again`);
      }),
      this.loop.on('failure', (f) => {
        failed.push(f);
        onLine(`${tag(f.index)} FAILED: ${f.error}`);
      }),
    ];
    const t0 = performance.now();
    try {
      await this.loop.start({
        workflow: req.workflow, exploitRatio: req.exploit ?? 0.3, seed: req.seed ?? `cli-${Date.now().toString(36)}`, runs: req.runs,
        ...(req.duration_s !== undefined ? { durationS: req.duration_s } : {}), ...(req.sequential ? { sequential: true } : {}), ...(req.single_analysis_worker !== undefined ? { singleAnalysisWorker: req.single_analysis_worker } : {}), ...(req.sound_worker !== undefined ? { soundWorker: req.sound_worker } : {}),
      });
      await this.loop.settled();
    } finally {
      for (const stop of off) stop();
    }
    const seconds = (performance.now() - t0) / 1000;
    const end = this.loop.state;
    const stopped = end.status === 'done' ? undefined : (end.message ?? `the loop ended ${end.status}`);
    if (stopped) onLine(stopped);
    return {
      workflow: req.workflow, completed, failed, ...(stopped ? { stopped } : {}), seconds: Math.round(seconds * 100) / 100,
      jobs_per_minute: Math.round((completed / seconds) * 60 * 100) / 100,
      step_ms: Object.fromEntries(Object.entries(stepTotals).map(([step, ms]) => [step, Math.round(ms / Math.max(1, completed))])), new_entries: fresh,
      diagnostics: await diagnostics(this.db), agreement: agreementByField(await learningInJobOrder(this.db)),
      variety: withoutPoints(await this.variety()),
    };
  }

  /** The variety report over every job of the store, in job order (Diagnostics' chart, the CLI's loop summary). */
  async variety(): Promise<VarietyReport> {
    const { jobs, poolAtStart } = await varietyJobs(this.db);
    return varietyReport(jobs, poolAtStart);
  }

  /** Records per registry. */
  counts(): Promise<RegistryCounts> {
    return counts(this.db);
  }

  /** Every registry's entries and both narrative layers. */
  async registries(): Promise<RegistriesSnapshot> {
    const entries = {} as Record<ValueRegistry, RegistryEntry[]>;
    for (const r of VALUE_REGISTRIES) entries[r] = await listEntries(this.db, r);
    return { entries, narrative: { intended: await listNarrative(this.db, 'intended'), observed: await listNarrative(this.db, 'observed') } };
  }

  /** One page of one registry, searched, filtered and sorted in the store (never the whole registry). */
  registryPage(query: RegistryPageQuery): Promise<RegistryPage> {
    return queryRegistryPage(this.db, query);
  }

  /** Primitives and discoveries per registry, from index counts. */
  registryTotals(): Promise<RegistryCounts['entries']> {
    return registryTotals(this.db);
  }

  /** The newest `limit` narrative records of one layer (intended or observed) and how many there are. */
  narrativePage(label: 'intended' | 'observed', limit = 100): Promise<NarrativePage> {
    return latestNarrative(this.db, label, limit);
  }

  /**
   * One page of the linguistic registry (span → meaning), filtered by source and searched by span; `notApplied` holds
   * the learned rows (as `span\u0000domain\u0000canonical`) an origin word overrules: stored, never applied.
   */
  async linguisticPage(query: LinguisticPageQuery = {}): Promise<LinguisticPage & { notApplied: string[] }> {
    const page = await linguisticPage(this.db, query);
    const learned = page.rows.filter((r) => r.source === 'learned');
    if (learned.length === 0) return { ...page, notApplied: [] };
    const { conflictsOf } = await import('../core/language/grow-vocabulary.ts');
    const notApplied = learned.filter((r) => conflictsOf([r]).some((c) => c.kept === 'lexicon')).map((r) => `${r.span}\u0000${r.domain}\u0000${r.canonical}`);
    return { ...page, notApplied };
  }

  /** One page of the interpretation registry (the prompts read), newest first, filtered by source and searched. */
  interpretationPage(query: InterpretationPageQuery = {}): Promise<InterpretationPage> {
    return interpretationPage(this.db, query);
  }

  /**
   * Remove a learned mapping (taught or learned from use); origin and built-in words are refused. The next
   * interpretation (app, CLI page API, loop) reads the learned mappings from the store, so it no longer knows it;
   * the current interpretation is read again at once, so what is on screen is never older than the registry.
   */
  async removeLearned(key: { span: string; domain: string; canonical: string }): Promise<LinguisticRecord> {
    const removed = await removeLearnedLinguistic(this.db, key);
    const current = this.store.state.interpretation;
    if (current?.instruction) await this.interpret(current.prompt).catch(() => undefined);
    return removed;
  }

  /** Agreement per field, mean and series, in job order. */
  async agreement(): Promise<AgreementSnapshot> {
    const learning = await learningInJobOrder(this.db);
    return { mean: agreementByField(learning), series: agreementSeries(learning) };
  }

  /** §10 diagnostics (jobs, missing records, accuracy) with the agreement per field. */
  async diagnostics(): Promise<DiagnosticsSnapshot> {
    return { diagnostics: await diagnostics(this.db), ...(await this.agreement()) };
  }

  /** Repair jobs missing a learning or discovery record. */
  backfill(): Promise<BackfillSummary> {
    return backfillRecords(this.db);
  }

  /** Repair records older versions could leave (orphans, unrunnable interpretations, colours without depth). */
  repair(): Promise<RepairSummary> {
    return repairStore(this.db);
  }

  /** A sync controller over this store (`options.fetch`: how it reaches the API; the CLI passes one that runs in Node). */
  syncController(options: SyncControllerOptions = {}): SyncController {
    return new SyncController(this.db, options);
  }

  /** The stored sync settings (token included: they never leave the page). */
  syncSettings(): Promise<SyncSettings> {
    return readSyncSettings(this.db);
  }

  /** Prompt → instruction with what the store has learned; the result is also the session's current interpretation. */
  async interpret(prompt: string): Promise<Instruction> {
    // Read as Create reads it (the ends trimmed: one text, one count); an empty prompt is refused in words.
    prompt = prompt.trim();
    if (prompt === '') {
      this.store.update({ interpretation: { prompt, instruction: null, error: EMPTY_PROMPT_MESSAGE } });
      throw new TypeError(EMPTY_PROMPT_MESSAGE);
    }
    this.store.update({ interpretation: { prompt, instruction: null, error: null } });
    try {
      const learned = await listLearnedLexicon(this.db);
      const { instruction, conflicts } = (await loadInterpret())(prompt, learned);
      this.store.update({ interpretation: { prompt, instruction, error: null, conflicts } });
      return instruction;
    } catch (err) {
      this.store.update({ interpretation: { prompt, instruction: null, error: plainError(err) } });
      throw err;
    }
  }

  /**
   * Interpret a prompt a person typed and record it: interpretation registry (source user), its mappings counted
   * (the linguistic registry grows by what it met). The result is also the session's current interpretation.
   */
  async interpretAndRecord(prompt: string): Promise<Interpretation> {
    // Read as Create reads it (the ends trimmed: one text, one count); an empty prompt is refused in words.
    prompt = prompt.trim();
    if (prompt === '') {
      this.store.update({ interpretation: { prompt, instruction: null, error: EMPTY_PROMPT_MESSAGE } });
      throw new TypeError(EMPTY_PROMPT_MESSAGE);
    }
    this.store.update({ interpretation: { prompt, instruction: null, error: null } });
    try {
      const result = (await loadInterpret())(prompt, await listLearnedLexicon(this.db));
      await recordUserInterpretation(this.db, { prompt, instruction: result.instruction, mappings: spanMappings(result) });
      this.store.update({ interpretation: { prompt, instruction: result.instruction, error: null, conflicts: result.conflicts } });
      return result;
    } catch (err) {
      this.store.update({ interpretation: { prompt, instruction: null, error: plainError(err) } });
      throw err;
    }
  }

  /** The mappings learned or taught so far (what the next interpretation knows beyond the lexicon). */
  learnedMappings(): Promise<LinguisticMapping[]> {
    return listLearnedLexicon(this.db);
  }

  /** Teach what a word means (a domain and a value of its vocabulary): stored as learned; conflicts with the lexicon returned. */
  async teach(span: string, domain: string, canonical: string): Promise<Taught> {
    const { teachMapping } = await import('../core/language/grow-vocabulary.ts');
    const taught = teachMapping(span, domain, canonical);
    await teachLinguistic(this.db, taught.entry);
    return taught;
  }

  /**
   * Analyse one media file, streamed from the Blob (never read whole into memory); with `record`, its values are
   * recorded as sightings from `analyze:<sha256>`. Resolves with the report or its error report; rejects on abort
   * (the caller's signal or cancelAnalysis). A tracked analysis then decodes its pictures (thumbnails of its shots and
   * the spectrogram) into the item, in the analysis worker.
   */
  async analyze(file: Blob, req: AnalyzeRequest = {}): Promise<AnalyzedFile> {
    const name = req.name ?? (file instanceof File ? file.name : 'input.mp4');
    const track = req.track ?? true;
    if (req.onFrames && (track || req.record)) throw new TypeError('onFrames: a streamed analysis is neither tracked nor recorded (track: false, no record)');
    const id = this.nextAnalysis++;
    const patch = (p: Partial<AnalysisItem>) => {
      if (track) this.store.update({ analyses: this.store.state.analyses.map((a) => (a.id === id ? { ...a, ...p } : a)) });
    };
    // A tracked analysis can be cancelled from the state (clearAnalysis) as well as by the caller's signal.
    const own = new AbortController();
    const signal = req.signal ? AbortSignal.any([req.signal, own.signal]) : own.signal;
    if (track) {
      this.analysisControllers.set(id, own);
      this.store.update({ analyses: [...this.store.state.analyses, { id, name, file, progress: 0, done: null, error: null }], interruptedAnalyses: this.running.start(id, name, file.size) });
    }
    try {
      const { analyzeFile } = await import('../media/analyze-client.ts');
      const result = await analyzeFile(file, {
        name,
        signal,
        onProgress: (f) => {
          req.onProgress?.(f);
          patch({ progress: f });
          if (track) this.running.progress(id, f);
        },
        ...(req.onFrames ? { onFrames: req.onFrames } : {}),
        ...(req.parallel !== undefined ? { parallel: req.parallel } : {}),
        ...(req.ranges !== undefined ? { ranges: req.ranges } : {}),
        ...(req.soundAlongside ? { soundAlongside: true } : {}),
      });
      // a cancel that lands after the worker answered still means "stop": nothing is recorded
      if (signal.aborted) throw new DOMException('analysis aborted', 'AbortError');
      const recorded = req.record && !isAnalysisError(result) ? await this.recordReport(result, req.record) : null;
      const done: AnalyzedFile = { name, result, recorded };
      // the view keeps the report without its frames' objects, their plot in typed arrays (issue 18); the caller gets it whole
      const kept = track && !isAnalysisError(result) ? keepForView(result) : null;
      patch({ progress: 1, done: kept ? { ...done, result: kept.report } : done, ...(kept ? { plot: kept.plot, summary: kept.summary, pictures: { thumbnails: 'pending', spectrogram: kept.report.audio ? 'pending' : null } } : {}) });
      if (track && !isAnalysisError(result)) void this.decodePictures(id, file, result);
      if (track && this.store.state.analyses.some((a) => a.id === id)) {
        // Kept across reloads, bounded (repo-recent-reports.ts); failing to keep it does not fail the analysis.
        const savedId = await saveRecentReport(this.db, { name, result, recorded, file }).catch((err: unknown) => {
          console.warn('could not keep the report', err);
          return undefined;
        });
        if (savedId !== undefined) patch({ savedId });
      }
      return done;
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') patch({ cancelled: true });
      else patch({ error: `${(err as Error).name}: ${(err as Error).message}` });
      throw err;
    } finally {
      this.analysisControllers.delete(id);
      if (track) this.running.end(id);
    }
  }

  /** Stop the analysis of item `id` (its promise rejects with AbortError; nothing of it is recorded). False if it is not running. */
  cancelAnalysis(id: number): boolean {
    const stop = this.analysisControllers.get(id);
    if (!stop) return false;
    stop.abort(new DOMException('analysis cancelled', 'AbortError'));
    return true;
  }

  /** Decode the pictures of a finished analysis that has none yet (a report kept from an earlier visit, with its file). */
  ensurePictures(id: number): void {
    const it = this.store.state.analyses.find((a) => a.id === id);
    const result = it?.done?.result;
    if (!it || it.pictures || !it.file || !result || isAnalysisError(result)) return;
    this.store.update({ analyses: this.store.state.analyses.map((a) => (a.id === id ? { ...a, pictures: { thumbnails: 'pending', spectrogram: result.audio ? 'pending' : null } } : a)) });
    void this.decodePictures(id, it.file, result);
  }

  /** Thumbnails of the report's shots, then the spectrogram, decoded in the analysis worker and patched into item `id`. */
  private async decodePictures(id: number, file: Blob, report: AnalysisReport): Promise<void> {
    const set = (p: Partial<AnalysisPictures>) =>
      this.store.update({ analyses: this.store.state.analyses.map((a) => (a.id === id && a.pictures ? { ...a, pictures: { ...a.pictures, ...p } } : a)) });
    const { thumbnailsOf, spectrogramOf } = await import('../media/analyze-client.ts');
    try {
      set({ thumbnails: await thumbnailsOf(file, thumbnailTimes(report).map((x) => x.t)) });
    } catch {
      set({ thumbnails: [] }); // the report stands without pictures
    }
    if (!report.audio) return;
    try {
      set({ spectrogram: await spectrogramOf(file) });
    } catch {
      set({ spectrogram: null });
    }
  }

  /** A report's values as sightings from `analyze:<sha256>`; returns how many entries were new. */
  private async recordReport(report: AnalysisReport, mode: GrowthMode): Promise<number> {
    let added = 0;
    const now = new Date().toISOString();
    for (const { support: _s, ...c } of growthCandidates(report, mode)) {
      const r = await recordSighting(this.db, c, `analyze:${report.file.sha256}`, now);
      if (r.outcome === 'added') added++;
    }
    return added;
  }

  /** Make a clip: interpret the prompt (or take the instruction), build the spec from what the registries know, render and encode. */
  async create(req: CreateRequest): Promise<MadeClipResult> {
    let instruction: Instruction;
    if (req.instruction) instruction = req.instruction;
    else if (typeof req.prompt === 'string') {
      // The interpreter is loaded only for a prompt (an instruction never needs it), with what the store has learned.
      instruction = (await loadInterpret())(req.prompt, await listLearnedLexicon(this.db)).instruction;
    } else throw new TypeError('create needs a prompt or an instruction');
    const knowledge = await getKnowledge(this.db);
    const [{ buildSpec }, { createClip }] = await Promise.all([import('../core/plan/build-spec.ts'), import('../media/create-clip.ts')]);
    const spec = buildSpec(instruction, knowledge, {
      seed: req.seed,
      ...(req.width !== undefined ? { width: req.width } : {}),
      ...(req.height !== undefined ? { height: req.height } : {}),
      ...(req.fps !== undefined ? { fps: req.fps } : {}),
      ...(req.duration_s !== undefined ? { duration_s: req.duration_s } : {}),
      ...(req.mode !== undefined ? { mode: req.mode } : {}),
      ...(req.cellSize !== undefined ? { cellSize: req.cellSize } : {}),
    });
    const clip = await createClip(spec, { ...(req.signal ? { signal: req.signal } : {}), ...(req.onProgress ? { onProgress: req.onProgress } : {}) });
    return { mp4: clip.mp4, instruction, spec, truth: clip.truth, stats: clip.stats };
  }

  /** The whole store as `motion-registries/1` JSON text (2-space indented). */
  async exportText(): Promise<string> {
    return JSON.stringify(await exportRegistries(this.db), null, 2);
  }

  /** Validate and merge an export's text; throws ImportParseError (a SyntaxError) or ImportValidationError (with `problems`), changing nothing. */
  async importText(text: string): Promise<ImportSummary> {
    return importRegistries(this.db, parseExportText(text));
  }

  /** Close the store (tests, the headless page at exit); the analyses still running are then another visit's to call interrupted. */
  close(): void {
    this.running.close();
    this.db.close();
  }
}
