// FOUNDATION §11: the registries to a `motion-registries/1` object, and back (validated, merged, idempotent).
import type { IndexableType, Table } from 'dexie';
import { VALUE_REGISTRIES, type RegistryEntry } from '../core/registry/entry.ts';
import {
  EXPORT_SCHEMA, sectionOf, validateExport, valueFields, type ExportEntry, type RegistriesExport,
} from '../core/registry/export-schema.ts';
import type { RegistriesDb } from './db.ts';
import { guardQuota, ImportValidationError } from './errors.ts';
import { compareLinguistic } from './repo-language.ts';
import { diagnostics } from './repo-runs.ts';
import { planImport, type ImportKnown, type ImportSummary } from '../core/registry/plan-import.ts';
import type { InterpretationRecord } from '../core/registry/export-records.ts';
import { applyRegistryMutations, growthTables, loadKnown, type StoredKnown } from './apply-mutations.ts';
import { sortEntries } from './repo-entries.ts';

function toExportEntry(e: RegistryEntry): ExportEntry {
  const value = (e.value ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { registry: e.registry, name: e.name, origin: e.origin, canonical: e.canonical };
  for (const f of valueFields(e.registry)) out[f] = value[f];
  Object.assign(out, { depth: e.depth, count: e.count, first_seen: e.first_seen, last_seen: e.last_seen, sources: e.sources });
  return out as unknown as ExportEntry;
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
      linguistic: (await db.linguistic.toArray()).map(({ counts: _counts, ...r }) => r).sort(compareLinguistic),
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
export type { ImportSummary } from '../core/registry/plan-import.ts';

/** What an import plan needs to know: every entry (indexed), the keyed records that exist, the file's interpretations and mappings. */
async function loadImportKnown(db: RegistriesDb, file: RegistriesExport): Promise<ImportKnown & StoredKnown> {
  const known = await loadKnown(db, VALUE_REGISTRIES, file.linguistic);
  const keys = async (table: Table<unknown, IndexableType>) => new Set((await table.toCollection().primaryKeys()).map(String));
  const prompts = file.interpretation.map((r) => r.prompt);
  const interpretation = new Map<string, InterpretationRecord>();
  (prompts.length > 0 ? await db.interpretation.bulkGet(prompts) : []).forEach((r) => r && interpretation.set(r.prompt, r));
  return {
    ...known,
    has: {
      jobs: await keys(db.jobs as Table<unknown, IndexableType>),
      learning: await keys(db.learning as Table<unknown, IndexableType>),
      discovery: await keys(db.discovery as Table<unknown, IndexableType>),
      intended: await keys(db.narrative_intended as Table<unknown, IndexableType>),
      observed: await keys(db.narrative_observed as Table<unknown, IndexableType>),
    },
    interpretation,
  };
}

/** An export file's text as JSON: a leading byte-order mark (editors on Windows add one) is not part of it. */
export function parseExportText(text: string): unknown {
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/**
 * Validate the whole file (schema and semantics), then merge it in one transaction with the §6 rules,
 * through the growth planner and the merge rule. A bad file throws ImportValidationError listing
 * every problem by JSON path, and changes nothing. Importing the same file twice changes nothing the
 * second time.
 */
export async function importRegistries(db: RegistriesDb, json: unknown): Promise<ImportSummary> {
  const problems = validateExport(json);
  if (problems.length > 0) throw new ImportValidationError(problems);
  const file = json as RegistriesExport;
  return guardQuota(() => db.transaction('rw', growthTables(db), async () => {
    const known = await loadImportKnown(db, file);
    const plan = planImport(known, file);
    await applyRegistryMutations(db, plan.mutations, { known });
    return plan.summary;
  }));
}
