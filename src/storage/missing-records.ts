// Fill in jobs that lack their learning or discovery record (FOUNDATION §10: both counts must be 0).
// Such jobs can only come from older versions or outside writes: recordJob writes all three together.
import type { DiscoveryRecord, JobRecord, LearningRecord } from '../core/registry/export-records.ts';
import type { RegistriesDb } from './db.ts';
import { guardQuota } from './errors.ts';

/** How many learning and discovery records a backfill added. */
export interface BackfillSummary {
  learning: number;
  discovery: number;
}

/**
 * Add every missing learning record (made by `rebuildLearning` from what the job stored) and discovery record
 * (from the entries whose sources name the job), one transaction per job; returns how many of each.
 */
export async function fillMissingRecords(db: RegistriesDb, rebuildLearning: (job: JobRecord) => LearningRecord): Promise<BackfillSummary> {
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
