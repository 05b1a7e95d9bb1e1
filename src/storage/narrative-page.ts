// The newest narrative records of one layer, without reading the whole layer: jobs are indexed by
// creation time, and a job's record in a layer is keyed `${label}:${job_id}`.
import type { NarrativeRecord } from '../core/registry/export-records.ts';
import type { RegistriesDb } from './db.ts';

/** The newest records of one narrative layer, oldest first, and how many the layer holds. */
export interface NarrativePage {
  label: 'intended' | 'observed';
  rows: NarrativeRecord[];
  total: number;
}

/** The newest `limit` records of a layer (by their job's creation time), oldest first. */
export async function latestNarrative(db: RegistriesDb, label: 'intended' | 'observed', limit = 100): Promise<NarrativePage> {
  if (label !== 'intended' && label !== 'observed') throw new TypeError(`label must be "intended" or "observed", got ${JSON.stringify(label)}`);
  if (!(Number.isInteger(limit) && limit >= 1)) throw new TypeError(`limit must be a positive integer, got ${limit}`);
  const table = label === 'intended' ? db.narrative_intended : db.narrative_observed;
  return db.transaction('r', table, db.jobs, async () => {
    const total = await table.count();
    const byTime = (a: NarrativeRecord, b: NarrativeRecord) => (a.recorded_at < b.recorded_at ? -1 : a.recorded_at > b.recorded_at ? 1 : a.id < b.id ? -1 : 1);
    // A small layer is read whole (it may hold records of no job); a large one through the jobs' time index.
    if (total <= limit * 2) return { label, rows: (await table.toArray()).sort(byTime).slice(-limit), total };
    const jobs = await db.jobs.orderBy('created_at').reverse().limit(limit).primaryKeys();
    const rows = (await table.bulkGet(jobs.map((id) => `${label}:${id}`))).filter((r): r is NarrativeRecord => r !== undefined);
    return { label, rows: rows.sort(byTime), total };
  });
}
