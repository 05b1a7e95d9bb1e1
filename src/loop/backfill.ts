// Repair jobs that lack their learning or discovery record: the learning is recomputed here from what the job
// stored, the writing is storage's (src/storage/missing-records.ts).
import type { JobRecord, LearningRecord } from '../core/registry/export-records.ts';
import type { Instruction } from '../core/language/instruction.ts';
import { learningRecord, observedFromReport } from '../core/registry/learning.ts';
import { isAnalysisError, type AnalysisResult } from '../core/report/analysis.ts';
import type { RegistriesDb } from '../storage/db.ts';
import { fillMissingRecords, type BackfillSummary } from '../storage/missing-records.ts';
import { intendedFromTruth } from './intended-from-truth.ts';

export type { BackfillSummary };

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
export function backfillRecords(db: RegistriesDb): Promise<BackfillSummary> {
  return fillMissingRecords(db, rebuildLearning);
}
