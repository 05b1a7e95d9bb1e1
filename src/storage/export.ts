// FOUNDATION §11: the registries to a `motion-registries/1` object, and back (validated, merged, idempotent).
import type { IndexableType, Table } from 'dexie';
import { VALUE_REGISTRIES, type RegistryEntry } from '../core/registry/entry.ts';
import {
  EXPORT_SCHEMA, ENTRY_LISTS, sectionOf, validateExport, valueFields, type ExportEntry, type RegistriesExport,
} from '../core/registry/export-schema.ts';
import type { RegistriesDb } from './db.ts';
import { guardQuota, ImportValidationError } from './errors.ts';
import { compareLinguistic } from './repo-language.ts';
import { diagnostics } from './repo-runs.ts';
import { RegistryGrowth, type GrowthOutcome } from './registry-growth.ts';
import { sortEntries } from './repo-entries.ts';

function toExportEntry(e: RegistryEntry): ExportEntry {
  const value = (e.value ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { registry: e.registry, name: e.name, origin: e.origin, canonical: e.canonical };
  for (const f of valueFields(e.registry)) out[f] = value[f];
  Object.assign(out, { depth: e.depth, count: e.count, first_seen: e.first_seen, last_seen: e.last_seen, sources: e.sources });
  return out as unknown as ExportEntry;
}

function fromExportEntry(x: ExportEntry): RegistryEntry {
  const raw = x as unknown as Record<string, unknown>;
  const value: Record<string, unknown> = {};
  for (const f of valueFields(x.registry)) value[f] = raw[f];
  return {
    key: `${x.registry}/${x.name}`, registry: x.registry, name: x.name, origin: x.origin, canonical: x.canonical, value,
    depth: x.depth, count: x.count, first_seen: x.first_seen, last_seen: x.last_seen, sources: [...x.sources],
  };
}

const byKeys = <T>(...keys: ((t: T) => string)[]) => (a: T, b: T) => {
  for (const k of keys) {
    const x = k(a);
    const y = k(b);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/** The whole store as a `motion-registries/1` object, in a deterministic order (see docs/storage-and-export.md). */
export async function exportRegistries(db: RegistriesDb, now: string = new Date().toISOString()): Promise<RegistriesExport> {
  const tables = [db.entries, db.narrative_intended, db.narrative_observed, db.interpretation, db.linguistic, db.jobs, db.learning, db.discovery];
  return db.transaction('r', tables, async () => {
    const all = await db.entries.toArray();
    const file: RegistriesExport = {
      schema: EXPORT_SCHEMA,
      exported_at: now,
      static: { colors: { primitives: [], discoveries: [] }, sound: { primitives: [], discoveries: [] } },
      dynamic: {
        colors: { canonical: [], discoveries: [] }, motion: { canonical: [], discoveries: [] }, camera: { canonical: [], discoveries: [] },
        gradient: { canonical: [], discoveries: [] }, lighting: { canonical: [], discoveries: [] },
        sound: { canonical: [], discoveries: [], semantic: [] }, blends: { canonical: [], discoveries: [] },
      },
      narrative: {
        intended: (await db.narrative_intended.toArray()).sort(byKeys((r) => r.recorded_at, (r) => r.id)),
        observed: (await db.narrative_observed.toArray()).sort(byKeys((r) => r.recorded_at, (r) => r.id)),
      },
      interpretation: (await db.interpretation.toArray()).sort(byKeys((r) => r.created_at, (r) => r.prompt)),
      linguistic: (await db.linguistic.toArray()).sort(compareLinguistic),
      runs: {
        jobs: (await db.jobs.toArray()).sort(byKeys((r) => r.created_at, (r) => r.id)),
        learning: (await db.learning.toArray()).sort(byKeys((r) => r.job_id)),
        discovery: (await db.discovery.toArray()).sort(byKeys((r) => r.job_id)),
      },
      diagnostics: await diagnostics(db),
    };
    // Registries in VALUE_REGISTRIES order, each sorted: primitives by vocabulary, discoveries by first sighting.
    for (const registry of VALUE_REGISTRIES) {
      for (const e of sortEntries(all.filter((x) => x.registry === registry))) {
        (listAt(file, sectionOf(registry, e.origin)) as ExportEntry[]).push(toExportEntry(e));
      }
    }
    return file;
  });
}

function listAt(root: unknown, pointer: string): unknown {
  let node = root as Record<string, unknown>;
  for (const part of pointer.split('/').slice(1)) node = node[part] as Record<string, unknown>;
  return node;
}

/** What an import did, counted per record (entries, narrative, interpretation, linguistic, runs). */
export interface ImportSummary {
  added: number;
  merged: number;
  unchanged: number;
}

/**
 * Validate the whole file (schema and semantics), then merge it in one transaction with the §6 rules.
 * A bad file throws ImportValidationError listing every problem by JSON path, and changes nothing.
 * Importing the same file twice changes nothing the second time.
 */
export async function importRegistries(db: RegistriesDb, json: unknown): Promise<ImportSummary> {
  const problems = validateExport(json);
  if (problems.length > 0) throw new ImportValidationError(problems);
  const file = json as RegistriesExport;
  const summary: ImportSummary = { added: 0, merged: 0, unchanged: 0 };
  const count = (o: GrowthOutcome) => summary[o]++;
  const tables = [db.entries, db.narrative_intended, db.narrative_observed, db.interpretation, db.linguistic, db.jobs, db.learning, db.discovery];
  await guardQuota(() => db.transaction('rw', tables, async () => {
    const growth = new RegistryGrowth(db);
    await growth.load(VALUE_REGISTRIES);
    for (const list of ENTRY_LISTS) {
      for (const x of listAt(file, list.path) as ExportEntry[]) count(growth.absorb(fromExportEntry(x)).outcome);
    }
    await growth.flush();
    const addIfAbsent = async <T, K extends IndexableType>(table: Table<T, K>, rows: T[], key: (r: T) => K) => {
      for (const r of rows) {
        if (await table.get(key(r))) count('unchanged');
        else {
          await table.add(r);
          count('added');
        }
      }
    };
    await addIfAbsent(db.narrative_intended, file.narrative.intended, (r) => r.id);
    await addIfAbsent(db.narrative_observed, file.narrative.observed, (r) => r.id);
    await addIfAbsent(db.jobs, file.runs.jobs, (r) => r.id);
    await addIfAbsent(db.learning, file.runs.learning, (r) => r.job_id);
    await addIfAbsent(db.discovery, file.runs.discovery, (r) => r.job_id);
    for (const r of file.interpretation) {
      const ours = await db.interpretation.get(r.prompt);
      if (!ours) {
        await db.interpretation.add(r);
        count('added');
      } else if (ours.status !== 'done' && r.status === 'done') {
        // A finished interpretation replaces a pending or failed one; ours keeps its created_at.
        await db.interpretation.put({ ...r, created_at: ours.created_at });
        count('merged');
      } else count('unchanged');
    }
    for (const r of file.linguistic) {
      const ours = await db.linguistic.get([r.span, r.domain, r.canonical]);
      if (!ours) {
        await db.linguistic.add(r);
        count('added');
      } else if (r.count > ours.count) {
        // Counts cannot be summed idempotently without sources: the larger count wins.
        await db.linguistic.put({ ...ours, count: r.count });
        count('merged');
      } else count('unchanged');
    }
  }));
  return summary;
}
