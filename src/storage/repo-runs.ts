// Repository functions for runs (§10): a job with its learning and discovery records and the registry
// growth it caused, all in one transaction; and the diagnostics that check it.
import type {
  Diagnostics, DiscoveryRecord, InterpretationRecord, JobRecord, LearningRecord, NarrativeRecord,
} from '../core/registry/export-records.ts';
import type { Candidate } from '../core/registry/identity.ts';
import { VALUE_REGISTRIES } from '../core/registry/entry.ts';
import type { RegistriesDb } from './db.ts';
import { guardQuota } from './errors.ts';
import { addLinguistic, type LinguisticMapping } from './repo-language.ts';
import { RegistryGrowth } from './registry-growth.ts';

/** Everything one completed job writes. */
export interface JobWrite {
  job: JobRecord;
  /** Intended vs observed, with `agreement` 0–1; its job_id must be the job's id. */
  learning: LearningRecord;
  /** Extra fields for the discovery record; `new` and `seen_again` are filled from the growth. */
  discovery?: Record<string, unknown>;
  /** The values the job produced and measured, each one sighting with the job id as source. */
  sightings?: readonly Candidate[];
  narrative?: { intended?: Record<string, unknown>; observed?: Record<string, unknown> };
  interpretation?: Omit<InterpretationRecord, 'created_at' | 'updated_at'>;
  linguistic?: readonly LinguisticMapping[];
  /** ISO time of the sightings; default job.created_at. */
  now?: string;
}

/** Write a job, its learning and discovery records, narrative, language and registry growth: all or nothing. */
export async function recordJob(db: RegistriesDb, write: JobWrite): Promise<DiscoveryRecord> {
  const { job, learning } = write;
  if (!job || typeof job.id !== 'string' || job.id.length === 0) throw new TypeError('recordJob: job.id must be a non-empty string');
  const now = write.now ?? job.created_at;
  const tables = [db.jobs, db.learning, db.discovery, db.entries, db.narrative_intended, db.narrative_observed, db.interpretation, db.linguistic];
  return guardQuota(() => db.transaction('rw', tables, async () => {
    if (await db.jobs.get(job.id)) throw new Error(`job ${job.id} is already recorded`);
    await db.jobs.add(job);
    if (!learning || learning.job_id !== job.id) throw new TypeError(`recordJob: learning.job_id must be ${JSON.stringify(job.id)}`);
    if (!(learning.agreement >= 0 && learning.agreement <= 1)) throw new RangeError(`recordJob: learning.agreement must be 0–1, got ${learning.agreement}`);
    await db.learning.add(learning);
    const growth = new RegistryGrowth(db);
    const sightings = write.sightings ?? [];
    for (const c of sightings) {
      if (!(VALUE_REGISTRIES as readonly string[]).includes(c?.registry)) throw new TypeError(`recordJob: unknown registry ${JSON.stringify(c?.registry)}`);
    }
    await growth.load(sightings.map((c) => c.registry));
    const fresh: string[] = [];
    const again: string[] = [];
    const touched = new Set<string>();
    for (const candidate of sightings) {
      const { entry, outcome } = growth.sight(candidate, job.id, now);
      const bucket = outcome === 'added' ? fresh : again;
      if (!touched.has(entry.key)) bucket.push(entry.key);
      touched.add(entry.key);
    }
    await growth.flush();
    if (write.narrative?.intended) await db.narrative_intended.add({ id: `intended:${job.id}`, label: 'intended', job_id: job.id, recorded_at: now, narrative: write.narrative.intended });
    if (write.narrative?.observed) await db.narrative_observed.add({ id: `observed:${job.id}`, label: 'observed', job_id: job.id, recorded_at: now, narrative: write.narrative.observed });
    if (write.interpretation) {
      const existing = await db.interpretation.get(write.interpretation.prompt);
      await db.interpretation.put({ ...write.interpretation, created_at: existing?.created_at ?? now, updated_at: now });
    }
    if (write.linguistic) await addLinguistic(db, write.linguistic);
    const discovery: DiscoveryRecord = { ...write.discovery, job_id: job.id, new: fresh, seen_again: again };
    await db.discovery.add(discovery);
    return discovery;
  }));
}

/** The narrative records of one layer, oldest first. */
export async function listNarrative(db: RegistriesDb, label: 'intended' | 'observed'): Promise<NarrativeRecord[]> {
  const rows = await (label === 'intended' ? db.narrative_intended : db.narrative_observed).toArray();
  return rows.sort((a, b) => (a.recorded_at < b.recorded_at ? -1 : a.recorded_at > b.recorded_at ? 1 : a.id < b.id ? -1 : 1));
}

/** §10: jobs, how many lack a learning or discovery record (0 when healthy), mean agreement 0–1. */
export async function diagnostics(db: RegistriesDb): Promise<Diagnostics> {
  return db.transaction('r', db.jobs, db.learning, db.discovery, async () => {
    const jobIds = await db.jobs.toCollection().primaryKeys();
    const learned = new Set(await db.learning.toCollection().primaryKeys());
    const discovered = new Set(await db.discovery.toCollection().primaryKeys());
    let sum = 0;
    let n = 0;
    await db.learning.each((l) => {
      if (Number.isFinite(l.agreement)) {
        sum += l.agreement;
        n++;
      }
    });
    return {
      jobs: jobIds.length,
      missing_learning: jobIds.filter((id) => !learned.has(id)).length,
      missing_discovery: jobIds.filter((id) => !discovered.has(id)).length,
      accuracy: n > 0 ? sum / n : null,
    };
  });
}
