// The loop verbs the CLI (and the app) call in the page: run N jobs of a workflow, backfill, agreement.
import { agreementByField, agreementSeries } from '../../core/registry/learning.ts';
import type { Diagnostics } from '../../core/registry/export-records.ts';
import { backfillRecords, type BackfillSummary } from '../../loop/backfill.ts';
import { loadPipeline } from '../../loop/default-pipeline.ts';
import { runJob, type JobStep } from '../../loop/run-job.ts';
import { MAX_CONSECUTIVE_FAILURES } from '../../loop/loop-runner.ts';
import { isWorkflow, type Workflow } from '../../loop/workflows.ts';
import { diagnostics } from '../../storage/repo-runs.ts';
import { registries } from './registry-api.ts';

declare global {
  interface Window {
    /** Set by the CLI (playwright exposeFunction) to receive progress lines. */
    mrLoopProgress?: (line: string) => void;
  }
}

export interface LoopRunRequest {
  runs: number;
  workflow: Workflow;
  exploit?: number;
  seed?: string;
  /** Every clip this many seconds long, whatever its prompt asks (the benchmark uses the default clip, 1 s). */
  duration_s?: number;
}

export interface LoopRunSummary {
  workflow: Workflow;
  completed: number;
  failed: { index: number; error: string }[];
  /** Why the run stopped early (MAX_CONSECUTIVE_FAILURES failed jobs in a row), if it did. */
  stopped?: string;
  seconds: number;
  jobs_per_minute: number;
  new_entries: number;
  diagnostics: Diagnostics;
  agreement: ReturnType<typeof agreementByField>;
}

/** Learning records in job order (by the job's creation time). */
async function learningInOrder() {
  const db = await registries();
  const jobs = await db.jobs.orderBy('created_at').primaryKeys();
  const learning = new Map((await db.learning.toArray()).map((l) => [l.job_id, l]));
  return jobs.map((id) => learning.get(id)).filter((l) => l !== undefined);
}

export const loopApi = {
  /** Run `runs` jobs one after another; each is recorded whole or not at all. A failed job is reported and skipped. */
  async loopRun(req: LoopRunRequest): Promise<LoopRunSummary> {
    if (!isWorkflow(req.workflow)) throw new TypeError(`unknown workflow ${JSON.stringify(req.workflow)}`);
    if (!(Number.isInteger(req.runs) && req.runs > 0)) throw new TypeError('runs must be a positive integer');
    if (req.duration_s !== undefined && !(req.duration_s > 0 && req.duration_s <= 60)) throw new TypeError('duration_s must be a number of seconds, 0–60');
    const db = await registries();
    const pipeline = await loadPipeline();
    const seed = req.seed ?? `cli-${Date.now().toString(36)}`;
    const t0 = performance.now();
    const failed: LoopRunSummary['failed'] = [];
    let completed = 0;
    let fresh = 0;
    let inARow = 0;
    let stopped: string | undefined;
    const say = (line: string) => window.mrLoopProgress?.(line);
    for (let index = 0; index < req.runs; index++) {
      let last: JobStep | null = null;
      try {
        const r = await runJob({
          db, pipeline, workflow: req.workflow, exploitRatio: req.exploit ?? 0.3, seed, index,
          ...(req.duration_s !== undefined ? { durationS: req.duration_s } : {}),
          onProgress: (step) => {
            if (step !== last) say(`job ${index + 1}/${req.runs}: ${step}`);
            last = step;
          },
        });
        completed++;
        inARow = 0;
        fresh += r.discovery.new.length;
        say(`job ${index + 1}/${req.runs} done: "${r.job.prompt as string}" (${r.job.prompt_mode as string}) agreement ${r.learning.agreement.toFixed(2)}, ${r.discovery.new.length} new, ${r.discovery.seen_again.length} seen again`);
      } catch (err) {
        const e = err as Error;
        if (e?.name === 'StorageQuotaError') throw err;
        failed.push({ index, error: `${e?.name ?? 'Error'}: ${e?.message ?? String(err)}` });
        say(`job ${index + 1}/${req.runs} FAILED: ${e?.name}: ${e?.message}`);
        // As in the app's loop: several failures in a row mean something is wrong beyond one prompt.
        if (++inARow >= MAX_CONSECUTIVE_FAILURES) {
          stopped = `${MAX_CONSECUTIVE_FAILURES} jobs failed in a row; stopped after job ${index + 1} of ${req.runs}`;
          say(stopped);
          break;
        }
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    return {
      workflow: req.workflow, completed, failed, ...(stopped ? { stopped } : {}), seconds: Math.round(seconds * 100) / 100,
      jobs_per_minute: Math.round((completed / seconds) * 60 * 100) / 100, new_entries: fresh,
      diagnostics: await diagnostics(db), agreement: agreementByField(await learningInOrder()),
    };
  },
  /** Repair jobs missing a learning or discovery record. */
  async loopBackfill(): Promise<BackfillSummary> {
    return backfillRecords(await registries());
  },
  /** Mean agreement per field and its series over jobs. */
  async loopAgreement(): Promise<{ mean: ReturnType<typeof agreementByField>; series: ReturnType<typeof agreementSeries> }> {
    const l = await learningInOrder();
    return { mean: agreementByField(l), series: agreementSeries(l) };
  },
};
