// What the app's views read and do, in one place: the opened registries, the loop, analysis, interpretation,
// export and import. The Lit elements only display this and dispatch to it.
import type { RegistryEntry, ValueRegistry } from '../core/registry/entry.ts';
import { VALUE_REGISTRIES } from '../core/registry/entry.ts';
import type { Diagnostics, NarrativeRecord } from '../core/registry/export-records.ts';
import { growthCandidates, type GrowthMode } from '../core/registry/growth.ts';
import { agreementByField, agreementSeries } from '../core/registry/learning.ts';
import type { Instruction } from '../core/language/instruction.ts';
import { isAnalysisError, type AnalysisResult } from '../core/report/analysis.ts';
import type { RegistriesDb } from '../storage/db.ts';
import { exportRegistries, importRegistries, parseExportText, type ImportSummary } from '../storage/export.ts';
import { counts, listEntries, openRegistries, recordSighting, type RegistryCounts } from '../storage/repo-entries.ts';
import { diagnostics, listNarrative } from '../storage/repo-runs.ts';
import { listLearnedLexicon, listLinguistic, recordUserInterpretation, teachLinguistic } from '../storage/repo-language.ts';
import type { Taught } from '../core/language/grow-vocabulary.ts';
import { backfillRecords, type BackfillSummary } from './backfill.ts';
import { loadAnalyze, loadInterpret, loadPipeline } from './default-pipeline.ts';
import { canResume, LoopRunner, type LoopSettings } from './loop-runner.ts';

/** Everything the Registries view shows. */
export interface RegistriesSnapshot {
  entries: Record<ValueRegistry, RegistryEntry[]>;
  narrative: { intended: NarrativeRecord[]; observed: NarrativeRecord[] };
}

/** Everything the Diagnostics view shows. */
export interface DiagnosticsSnapshot {
  diagnostics: Diagnostics;
  mean: ReturnType<typeof agreementByField>;
  series: ReturnType<typeof agreementSeries>;
}

/** One analysed file for the Analyze view. */
export interface AnalyzedFile {
  name: string;
  result: AnalysisResult;
  recorded: number | null;
}

const SETTINGS_KEY = 'loop_settings';

export class AppSession {
  readonly loop: LoopRunner;
  private constructor(readonly db: RegistriesDb, loop: LoopRunner) {
    this.loop = loop;
  }

  /** Open the registries and restore the loop (a loop that was running when the page closed comes back paused). */
  static async open(name?: string): Promise<AppSession> {
    const db = await openRegistries(name);
    const loop = new LoopRunner(db, loadPipeline);
    const session = new AppSession(db, loop);
    await loop.restore();
    return session;
  }

  canResume(): boolean {
    return canResume(this.loop.state);
  }

  /** Loop settings last used (localStorage: they are preferences, not registry data). */
  savedSettings(): LoopSettings | null {
    try {
      const raw = localStorage.getItem(SETTINGS_KEY);
      return raw ? (JSON.parse(raw) as LoopSettings) : null;
    } catch {
      return null;
    }
  }

  async startLoop(settings: LoopSettings): Promise<void> {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
    await this.loop.start(settings);
  }

  async resumeLoop(): Promise<void> {
    await this.loop.resume();
  }

  counts(): Promise<RegistryCounts> {
    return counts(this.db);
  }

  async registries(): Promise<RegistriesSnapshot> {
    const entries = {} as Record<ValueRegistry, RegistryEntry[]>;
    for (const r of VALUE_REGISTRIES) entries[r] = await listEntries(this.db, r);
    return { entries, narrative: { intended: await listNarrative(this.db, 'intended'), observed: await listNarrative(this.db, 'observed') } };
  }

  async diagnostics(): Promise<DiagnosticsSnapshot> {
    const jobs = await this.db.jobs.orderBy('created_at').primaryKeys();
    const byJob = new Map((await this.db.learning.toArray()).map((l) => [l.job_id, l]));
    const learning = jobs.map((id) => byJob.get(id)).filter((l) => l !== undefined);
    return { diagnostics: await diagnostics(this.db), mean: agreementByField(learning), series: agreementSeries(learning) };
  }

  backfill(): Promise<BackfillSummary> {
    return backfillRecords(this.db);
  }

  async interpret(prompt: string): Promise<Instruction> {
    const learned = (await listLinguistic(this.db)).filter((m) => m.source === 'learned').map(({ count: _c, ...m }) => m);
    return (await loadInterpret())(prompt, learned).instruction;
  }

  /** Interpret a prompt a person typed and record it: interpretation registry (source user), its mappings counted. */
  async interpretAndRecord(prompt: string): Promise<Instruction> {
    const result = (await loadInterpret())(prompt, await listLearnedLexicon(this.db));
    await recordUserInterpretation(this.db, { prompt, instruction: result.instruction, mappings: result.linguistic });
    return result.instruction;
  }

  /** Teach what a word means (a domain and a value of its vocabulary): stored as learned; conflicts with the lexicon returned. */
  async teach(span: string, domain: string, canonical: string): Promise<Taught> {
    const { teachMapping } = await import('../core/language/grow-vocabulary.ts');
    const taught = teachMapping(span, domain, canonical);
    await teachLinguistic(this.db, taught.entry);
    return taught;
  }

  /** Analyse one MP4; with `record`, its values are recorded as sightings from `analyze:<sha256>`. */
  async analyzeFile(file: File, opts: { record: GrowthMode | null; signal: AbortSignal; onProgress: (f: number) => void }): Promise<AnalyzedFile> {
    const analyze = await loadAnalyze();
    const result = await analyze(new Uint8Array(await file.arrayBuffer()), { name: file.name, signal: opts.signal, onProgress: opts.onProgress });
    let recorded: number | null = null;
    if (opts.record && !isAnalysisError(result)) {
      recorded = 0;
      const now = new Date().toISOString();
      for (const { support: _s, ...c } of growthCandidates(result, opts.record)) {
        const r = await recordSighting(this.db, c, `analyze:${result.file.sha256}`, now);
        if (r.outcome === 'added') recorded++;
      }
    }
    return { name: file.name, result, recorded };
  }

  async exportText(): Promise<string> {
    return JSON.stringify(await exportRegistries(this.db), null, 2);
  }

  /** Validate and merge an export; throws ImportValidationError (with `problems`) or SyntaxError, changing nothing. */
  async importText(text: string): Promise<ImportSummary> {
    return importRegistries(this.db, parseExportText(text));
  }
}
