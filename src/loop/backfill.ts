// Repair jobs that lack their learning or discovery record (FOUNDATION §10: both counts must be 0).
// Such jobs can only come from older versions or outside writes: runJob writes all three together.
import type { DiscoveryRecord, JobRecord, LearningRecord } from '../core/registry/export-records.ts';
import type { Instruction } from '../core/language/instruction.ts';
import { learningRecord, observedFromReport } from '../core/registry/learning.ts';
import { isAnalysisError, type AnalysisResult } from '../core/report/analysis.ts';
import type { RegistriesDb } from '../storage/db.ts';
import { guardQuota } from '../storage/errors.ts';
import { intendedFromTruth } from './intended-from-truth.ts';

export interface BackfillSummary {
  learning: number;
  discovery: number;
}

/** The learning record recomputed from what the job stored (instruction, truth, analysis); agreement 0 when it cannot be. */
export function rebuildLearning(job: JobRecord): LearningRecord {
  const analysis = job.analysis as AnalysisResult | undefined;
  const instruction = job.instruction as Instruction | undefined;
  if (!analysis || !instruction || isAnalysisError(analysis) || !Array.isArray(analysis.frames)) {
    return { job_id: job.id, agreement: 0, fields: null, backfilled: true, reason: 'the job kept no instruction or analysis to compare' };
  }
  const l = learningRecord(job.id, intendedFromTruth(instruction, job.truth), observedFromReport(analysis));
  return { ...l, backfilled: true };
}

/** Fill in every missing learning and discovery record, one transaction per job; returns how many of each. */
export async function backfillRecords(db: RegistriesDb): Promise<BackfillSummary> {
  const done: BackfillSummary = { learning: 0, discovery: 0 };
  const ids = await db.jobs.toCollection().primaryKeys();
  for (const id of ids) {
    await guardQuota(() => db.transaction('rw', db.jobs, db.learning, db.discovery, db.entries, async () => {
      const job = await db.jobs.get(id);
      if (!job) return;
      if (!(await db.learning.get(id))) {
        await db.learning.add(rebuildLearning(job));
        done.learning++;
      }
      if (!(await db.discovery.get(id))) {
        // The entries this job saw: new if the job was their first source, else seen again.
        const seen = await db.entries.where('sources').equals(id).toArray();
        seen.sort((a, b) => (a.key < b.key ? -1 : 1));
        const record: DiscoveryRecord = {
          job_id: id,
          new: seen.filter((e) => e.sources[0] === id).map((e) => e.key),
          seen_again: seen.filter((e) => e.sources[0] !== id).map((e) => e.key),
          backfilled: true,
        };
        await db.discovery.add(record);
        done.discovery++;
      }
    }));
  }
  return done;
}
