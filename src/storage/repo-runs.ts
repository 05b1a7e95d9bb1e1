// Repository functions for runs (§10): a job with its learning and discovery records and the registry
// growth it caused, all in one transaction; and the diagnostics that check it.
import type {
  Diagnostics, DiscoveryRecord, LearningRecord, NarrativeRecord,
} from '../core/registry/export-records.ts';
import { diagnosticsOf } from '../core/registry/assemble-export.ts';
import { VALUE_REGISTRIES } from '../core/registry/entry.ts';
import { planJob, type JobWrite } from '../core/registry/plan-growth.ts';
import type { VarietyJob } from '../core/registry/variety-report.ts';
import type { MetaRecord, RegistriesDb } from './db.ts';
import { guardQuota } from './errors.ts';
import { applyRegistryMutations, growthTables, loadKnown } from './apply-mutations.ts';

/** Everything one completed job writes (the planner's input). */
export type { JobWrite } from '../core/registry/plan-growth.ts';

/** What else commits with a job: meta rows (the loop's state, so a job and the loop's next index are one write). */
export interface RecordJobExtras {
  /** Called inside the transaction, after the growth is applied: the meta rows to put with the job. */
  meta?: () => readonly MetaRecord[];
}

/**
 * Write a job, its learning and discovery records, narrative, language and registry growth (and `extras`): all
 * or nothing, in one transaction. Storage → core → storage once: load what is known, plan (core), apply the plan.
 */
export async function recordJob(db: RegistriesDb, write: JobWrite, extras: RecordJobExtras = {}): Promise<DiscoveryRecord> {
  const { job } = write;
  if (!job || typeof job.id !== 'string' || job.id.length === 0) throw new TypeError('recordJob: job.id must be a non-empty string');
  const sightings = write.sightings ?? [];
  for (const c of sightings) {
    if (!(VALUE_REGISTRIES as readonly string[]).includes(c?.registry)) throw new TypeError(`recordJob: unknown registry ${JSON.stringify(c?.registry)}`);
  }
  return guardQuota(() => db.transaction('rw', growthTables(db), async () => {
    if (await db.jobs.get(job.id)) throw new Error(`job ${job.id} is already recorded`);
    // A new job's records cannot exist yet: one that does is another job's or a broken store's, never merged into.
    const stray = [
      (await db.learning.get(job.id)) && 'learning', (await db.discovery.get(job.id)) && 'discovery',
      write.narrative?.intended && (await db.narrative_intended.get(`intended:${job.id}`)) && 'intended narrative',
      write.narrative?.observed && (await db.narrative_observed.get(`observed:${job.id}`)) && 'observed narrative',
    ].filter(Boolean);
    if (stray.length > 0) throw new Error(`job ${job.id} is not recorded but its ${stray.join(', ')} record already exists`);
    const known = await loadKnown(db, sightings.map((c) => c.registry), write.linguistic ?? []);
    const plan = planJob(known, write);
    await applyRegistryMutations(db, plan.mutations, { now: write.now ?? job.created_at, known });
    const meta = extras.meta?.() ?? [];
    if (meta.length > 0) await db.meta.bulkPut([...meta]);
    return plan.discovery;
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
    const learning: Pick<LearningRecord, 'job_id' | 'agreement'>[] = [];
    await db.learning.each((l) => learning.push({ job_id: l.job_id, agreement: l.agreement }));
    return diagnosticsOf((await db.jobs.toCollection().primaryKeys()).map(String), learning, (await db.discovery.toCollection().primaryKeys()).map(String));
  });
}

/** Learning records in job order (by the job's creation time), skipping jobs without one. */
export async function learningInJobOrder(db: RegistriesDb): Promise<LearningRecord[]> {
  return db.transaction('r', db.jobs, db.learning, async () => {
    const jobs = await db.jobs.orderBy('created_at').primaryKeys();
    const byJob = new Map((await db.learning.toArray()).map((l) => [l.job_id, l]));
    return jobs.map((id) => byJob.get(id)).filter((l) => l !== undefined);
  });
}

/** What prompt choice knows of past jobs: per prompt its discoveries and agreement, and the latest prompts in job order. */
export interface PromptHistory {
  /** Per prompt: new entries its jobs discovered, the sum of their agreements and how many jobs ran it. */
  byPrompt: Map<string, { discoveries: number; agreementSum: number; jobs: number }>;
  /** The prompts of the last `recent` jobs, oldest first. */
  recent: string[];
}

/** Per prompt, discoveries and agreement over its jobs, and the last `recent` jobs' prompts (one read transaction). */
export async function promptHistory(db: RegistriesDb, recent: number): Promise<PromptHistory> {
  return db.transaction('r', db.jobs, db.discovery, db.learning, async () => {
    const ordered: { id: string; prompt: string }[] = [];
    await db.jobs.orderBy('created_at').each((j) => {
      if (typeof j.prompt === 'string') ordered.push({ id: j.id, prompt: j.prompt });
    });
    const promptOf = new Map(ordered.map((j) => [j.id, j.prompt]));
    const byPrompt: PromptHistory['byPrompt'] = new Map();
    const of = (p: string) => {
      let s = byPrompt.get(p);
      if (!s) byPrompt.set(p, (s = { discoveries: 0, agreementSum: 0, jobs: 0 }));
      return s;
    };
    await db.discovery.each((d) => {
      const p = promptOf.get(d.job_id);
      if (p !== undefined) of(p).discoveries += d.new.length;
    });
    await db.learning.each((l) => {
      const p = promptOf.get(l.job_id);
      if (p !== undefined && typeof l.agreement === 'number') {
        const s = of(p);
        s.agreementSum += l.agreement;
        s.jobs++;
      }
    });
    return { byPrompt, recent: ordered.slice(Math.max(0, ordered.length - recent)).map((j) => j.prompt) };
  });
}

/** The jobs in order as the variety report reads them, and the colour and sound pool before the first of them. */
export async function varietyJobs(db: RegistriesDb): Promise<{ jobs: VarietyJob[]; poolAtStart: { colors: number; sounds: number } }> {
  return db.transaction('r', db.jobs, db.discovery, db.entries, async () => {
    const byJob = new Map((await db.discovery.toArray()).map((d) => [d.job_id, d]));
    const jobs: VarietyJob[] = [];
    let grewColors = 0;
    let grewSounds = 0;
    await db.jobs.orderBy('created_at').each((j) => {
      const d = byJob.get(j.id);
      const spec = j.spec && typeof j.spec === 'object' ? (j.spec as VarietyJob['spec']) : null;
      jobs.push({ prompt: typeof j.prompt === 'string' ? j.prompt : '', spec, discovery: d ? { new: d.new, seen_again: d.seen_again } : null });
      for (const k of d?.new ?? []) {
        if (k.startsWith('static.colors/') || k.startsWith('dynamic.colors/')) grewColors++;
        else if (k.startsWith('static.sound/')) grewSounds++;
      }
    });
    // Entries known now, less what the jobs added: the pool the first job drew from (imports and analyses aside).
    const colors = (await db.entries.where('registry').anyOf('static.colors', 'dynamic.colors').count()) - grewColors;
    const sounds = (await db.entries.where('registry').equals('static.sound').count()) - grewSounds;
    return { jobs, poolAtStart: { colors: Math.max(0, colors), sounds: Math.max(0, sounds) } };
  });
}
