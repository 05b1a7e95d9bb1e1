// Repository functions for the interpretation (§8) and linguistic (§9) registries.
import type { InterpretationRecord, LinguisticRecord } from '../core/registry/export-records.ts';
import type { RegistriesDb } from './db.ts';
import { guardQuota } from './errors.ts';
import { planLinguistic, type LinguisticMapping } from '../core/registry/plan-growth.ts';
import { applyRegistryMutations, growthTables, loadKnown } from './apply-mutations.ts';

/** Record a prompt's interpretation (insert or update by prompt); created_at of an existing record is kept. */
export async function putInterpretation(db: RegistriesDb, record: Omit<InterpretationRecord, 'created_at' | 'updated_at'> & { created_at?: string; updated_at?: string }, now: string = new Date().toISOString()): Promise<InterpretationRecord> {
  if (typeof record.prompt !== 'string' || record.prompt.length === 0) throw new TypeError('an interpretation needs a prompt');
  return guardQuota(() => db.transaction('rw', db.interpretation, async () => {
    const existing = await db.interpretation.get(record.prompt);
    const full: InterpretationRecord = { ...record, created_at: existing?.created_at ?? record.created_at ?? now, updated_at: record.updated_at ?? now };
    await db.interpretation.put(full);
    return full;
  }));
}

/** Interpretations, oldest first; optionally only those with a status. */
export async function listInterpretations(db: RegistriesDb, filter: { status?: InterpretationRecord['status'] } = {}): Promise<InterpretationRecord[]> {
  const rows = filter.status ? await db.interpretation.where('status').equals(filter.status).toArray() : await db.interpretation.toArray();
  return rows.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.prompt < b.prompt ? -1 : 1));
}

/** A mapping to record: count is added by the registry. */
export type { LinguisticMapping } from '../core/registry/plan-growth.ts';

/** Record span → canonical mappings (§9); the same span+domain+canonical counts up (this client's counter). */
export async function recordLinguistic(db: RegistriesDb, mappings: readonly LinguisticMapping[]): Promise<void> {
  await guardQuota(() => db.transaction('rw', growthTables(db), async () => {
    await applyRegistryMutations(db, planLinguistic(await loadKnown(db, [], mappings), mappings));
  }));
}

/** Linguistic mappings ordered by domain, span, canonical; optionally one domain or one span. */
export async function listLinguistic(db: RegistriesDb, filter: { domain?: string; span?: string } = {}): Promise<LinguisticRecord[]> {
  const rows = filter.domain ? await db.linguistic.where('domain').equals(filter.domain).toArray()
    : filter.span ? await db.linguistic.where('span').equals(filter.span).toArray()
    : await db.linguistic.toArray();
  // Per-client counters are the merge rule's business; a mapping shows its total.
  return rows.filter((r) => (!filter.span || r.span === filter.span)).map(({ counts: _counts, ...r }) => r).sort(compareLinguistic);
}

/** The stable order of linguistic records. */
export function compareLinguistic(a: LinguisticRecord, b: LinguisticRecord): number {
  return a.domain.localeCompare(b.domain, 'en') || a.span.localeCompare(b.span, 'en') || a.canonical.localeCompare(b.canonical, 'en')
    || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : a.span < b.span ? -1 : a.span > b.span ? 1 : a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0);
}
