// Repository functions for the interpretation (§8) and linguistic (§9) registries.
import type { InterpretationRecord, LinguisticRecord } from '../core/registry/export-records.ts';
import { compareLinguistic } from '../core/registry/assemble-export.ts';
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

/** The learned mappings of the linguistic registry, as lexicon entries for the next interpretation (no counts). */
export async function listLearnedLexicon(db: RegistriesDb): Promise<LinguisticMapping[]> {
  return (await listLinguistic(db)).filter((m) => m.source === 'learned').map((m) => ({ span: m.span, canonical: m.canonical, domain: m.domain, variant: m.variant, source: m.source, ...(m.dialect ? { dialect: m.dialect } : {}) }));
}

/** What an interpretation made by a person (the Interpret view, `interpret --db`) records. */
export interface UserInterpretation {
  prompt: string;
  instruction: InterpretationRecord['instruction'];
  /** Every used and learned mapping of the interpretation, each once. */
  mappings: readonly LinguisticMapping[];
}

/**
 * Record a person's interpretation in one transaction: the interpretation registry (source `user`, status done)
 * and its linguistic mappings counted. Bad input throws before anything is written.
 */
export async function recordUserInterpretation(db: RegistriesDb, u: UserInterpretation, now: string = new Date().toISOString()): Promise<InterpretationRecord> {
  if (typeof u.prompt !== 'string' || u.prompt.trim().length === 0) throw new TypeError('a user interpretation needs a prompt');
  for (const m of u.mappings) if (!m.span || !m.domain || !m.canonical) throw new TypeError(`a linguistic mapping needs span, domain and canonical: ${JSON.stringify(m)}`);
  return guardQuota(() => db.transaction('rw', growthTables(db), async () => {
    const existing = await db.interpretation.get(u.prompt);
    const full: InterpretationRecord = { prompt: u.prompt, instruction: u.instruction, status: 'done', source: existing?.source ?? 'user', created_at: existing?.created_at ?? now, updated_at: now };
    await db.interpretation.put(full);
    await applyRegistryMutations(db, planLinguistic(await loadKnown(db, [], u.mappings), u.mappings));
    return full;
  }));
}

/**
 * Store a taught mapping (source learned): a new one with count 1, or an existing one counted up (the interpreter,
 * not the store, keeps origin words from being overridden: see grow-vocabulary.ts).
 */
export async function teachLinguistic(db: RegistriesDb, mapping: LinguisticMapping): Promise<LinguisticRecord> {
  if (!mapping.span || !mapping.domain || !mapping.canonical || mapping.source !== 'learned') throw new TypeError(`a taught mapping needs span, domain, canonical and source learned: ${JSON.stringify(mapping)}`);
  await recordLinguistic(db, [mapping]);
  const stored = (await listLinguistic(db, { span: mapping.span })).find((r) => r.domain === mapping.domain && r.canonical === mapping.canonical);
  if (!stored) throw new Error(`the taught mapping "${mapping.span}" was not stored`);
  return stored;
}
