// Repair jobs that lack their learning or discovery record: the learning is recomputed here from what the job
// stored, the writing is storage's (src/storage/missing-records.ts).
import type { JobRecord, LearningRecord } from '../core/registry/export-records.ts';
import { learningRecord, observedFromReport } from '../core/registry/learning.ts';
import { isAnalysisError } from '../core/report/analysis.ts';
import type { RegistriesDb } from '../storage/db.ts';
import { fillMissingRecords, type BackfillSummary } from '../storage/missing-records.ts';
import { intendedFromTruth } from './intended-from-truth.ts';

export type { BackfillSummary };

/** The learning record recomputed from what the job stored (instruction, truth, analysis); agreement 0 when it cannot be. */
export function rebuildLearning(job: JobRecord): LearningRecord {
  const { analysis, instruction, truth } = job;
  // Jobs of older versions or other stores may lack these (an import requires only id and created_at).
  if (!analysis || !instruction || !truth || isAnalysisError(analysis) || !Array.isArray(analysis.frames)) {
    return { job_id: job.id, agreement: 0, fields: null, backfilled: true, reason: 'the job kept no instruction, truth or analysis to compare' };
  }
  const l = learningRecord(job.id, intendedFromTruth(instruction, truth), observedFromReport(analysis));
  return { ...l, backfilled: true };
}

/** Fill in every missing learning and discovery record, one transaction per job; returns how many of each. */
export function backfillRecords(db: RegistriesDb): Promise<BackfillSummary> {
  return fillMissingRecords(db, rebuildLearning);
}
