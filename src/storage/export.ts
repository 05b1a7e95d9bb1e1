// FOUNDATION §11: the registries to a `motion-registries/1` object, and back (validated, merged, idempotent).
import type { IndexableType, Table } from 'dexie';
import { assembleExport } from '../core/registry/assemble-export.ts';
import { VALUE_REGISTRIES } from '../core/registry/entry.ts';
import { validateExport, type RegistriesExport } from '../core/registry/export-schema.ts';
import type { RegistriesDb } from './db.ts';
import { guardQuota, ImportValidationError } from './errors.ts';
import { describeJsonFailure } from './import-failure.ts';
import { planImport, type ImportKnown, type ImportSummary } from '../core/registry/plan-import.ts';
import type { InterpretationRecord } from '../core/registry/export-records.ts';
import { applyRegistryMutations, growthTables, loadKnown, type StoredKnown } from './apply-mutations.ts';

/** The whole store as a `motion-registries/1` object, in a deterministic order (see docs/storage-and-export.md). */
export async function exportRegistries(db: RegistriesDb, now: string = new Date().toISOString()): Promise<RegistriesExport> {
  const tables = [db.entries, db.narrative_intended, db.narrative_observed, db.interpretation, db.linguistic, db.jobs, db.learning, db.discovery];
  return db.transaction('r', tables, async () => assembleExport({
    entries: await db.entries.toArray(),
    narrativeIntended: await db.narrative_intended.toArray(),
    narrativeObserved: await db.narrative_observed.toArray(),
    interpretation: await db.interpretation.toArray(),
    linguistic: await db.linguistic.toArray(),
    jobs: await db.jobs.toArray(),
    learning: await db.learning.toArray(),
    discovery: await db.discovery.toArray(),
  }, now));
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

/**
 * An export file's text as JSON: a leading byte-order mark (editors on Windows add one) is not part of it.
 * Text that is not JSON throws ImportParseError saying where it breaks.
 */
export function parseExportText(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (err) {
    throw describeJsonFailure(body, err);
  }
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
