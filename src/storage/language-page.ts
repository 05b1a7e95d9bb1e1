// Pages of the language registries for the Registries view: the linguistic registry (span → meaning, §9) filtered
// by source and searched by span, and the interpretation registry (§8) filtered by source and searched by prompt;
// and the one way a person removes a learned mapping. Neither table has a source index and both are small beside the
// value registries (a few thousand rows after long loops), so a page is one filtered cursor walk, never an array of
// the whole table held by the view.
import { LINGUISTIC_SOURCES, INTERPRETATION_SOURCES, type InterpretationRecord, type LinguisticRecord } from '../core/registry/export-records.ts';
import type { RegistriesDb } from './db.ts';
import { guardQuota } from './errors.ts';

/** A query of the linguistic registry: source (or every source), a span substring, a page. */
export interface LinguisticPageQuery {
  source?: LinguisticRecord['source'] | null;
  search?: string;
  offset?: number;
  limit?: number;
}

/** One page of the linguistic registry: mappings by domain, span, canonical; how many match; how many per source. */
export interface LinguisticPage {
  rows: LinguisticRecord[];
  matched: number;
  total: number;
  bySource: Record<LinguisticRecord['source'], number>;
  offset: number;
  limit: number;
}

/** A query of the interpretation registry: source (or every source), a prompt substring, a page. */
export interface InterpretationPageQuery {
  source?: InterpretationRecord['source'] | null;
  search?: string;
  offset?: number;
  limit?: number;
}

/** One page of the interpretation registry, newest first; how many match; how many per source. */
export interface InterpretationPage {
  rows: InterpretationRecord[];
  matched: number;
  total: number;
  bySource: Record<InterpretationRecord['source'], number>;
  offset: number;
  limit: number;
}

function pageBounds(q: { offset?: number; limit?: number }): { offset: number; limit: number } {
  const offset = q.offset ?? 0;
  const limit = q.limit ?? 50;
  if (!Number.isInteger(offset) || offset < 0) throw new TypeError(`offset must be a non-negative integer, got ${String(offset)}`);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new TypeError(`limit must be an integer from 1 to 500, got ${String(limit)}`);
  return { offset, limit };
}

function oneOf<T extends string>(value: T | null | undefined, allowed: readonly T[], field: string): T | null {
  if (value === null || value === undefined || (value as string) === '') return null;
  if (!allowed.includes(value)) throw new TypeError(`${field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  return value;
}

/** One page of the linguistic registry (counts are each mapping's total over clients). */
export async function linguisticPage(db: RegistriesDb, q: LinguisticPageQuery = {}): Promise<LinguisticPage> {
  const { offset, limit } = pageBounds(q);
  const source = oneOf(q.source, LINGUISTIC_SOURCES, 'source');
  const search = (q.search ?? '').trim().toLowerCase();
  const bySource: Record<LinguisticRecord['source'], number> = { origin: 0, 'built-in': 0, learned: 0 };
  const rows: LinguisticRecord[] = [];
  let total = 0;
  let matched = 0;
  // The primary key is [span+domain+canonical]: a cursor in key order is the export's order within a span.
  await db.linguistic.each((r) => {
    total++;
    bySource[r.source] = (bySource[r.source] ?? 0) + 1;
    if ((source && r.source !== source) || (search && !r.span.includes(search))) return;
    if (matched >= offset && rows.length < limit) {
      const { counts: _counts, ...row } = r;
      rows.push(row);
    }
    matched++;
  });
  return { rows, matched, total, bySource, offset, limit };
}

/** One page of the interpretation registry, newest first (by last update). */
export async function interpretationPage(db: RegistriesDb, q: InterpretationPageQuery = {}): Promise<InterpretationPage> {
  const { offset, limit } = pageBounds(q);
  const source = oneOf(q.source, INTERPRETATION_SOURCES, 'source');
  const search = (q.search ?? '').trim().toLowerCase();
  const bySource: Record<InterpretationRecord['source'], number> = { procedural: 0, user: 0, import: 0 };
  const rows: InterpretationRecord[] = [];
  let total = 0;
  let matched = 0;
  await db.interpretation.orderBy('updated_at').reverse().each((r) => {
    total++;
    bySource[r.source] = (bySource[r.source] ?? 0) + 1;
    if ((source && r.source !== source) || (search && !r.prompt.toLowerCase().includes(search))) return;
    if (matched >= offset && rows.length < limit) rows.push(r);
    matched++;
  });
  return { rows, matched, total, bySource, offset, limit };
}

/** The mapping a person asked to remove is not in the registry, or is not a learned one. */
export class NotRemovableError extends Error {
  override name = 'NotRemovableError';
}

/**
 * Remove a learned mapping (a taught word, or a word learned from use) from the linguistic registry: the next
 * interpretation, which reads the learned mappings from the store, no longer knows it. Origin and built-in mappings
 * are the lexicon's own and are refused (NotRemovableError), as is a mapping that is not stored; nothing changes then.
 * Local to this store: with sync on, another browser that holds the mapping can bring it back on the next pull.
 */
export async function removeLearnedLinguistic(db: RegistriesDb, key: { span: string; domain: string; canonical: string }): Promise<LinguisticRecord> {
  if (!key || typeof key.span !== 'string' || typeof key.domain !== 'string' || typeof key.canonical !== 'string' || !key.span || !key.domain || !key.canonical) {
    throw new TypeError(`a mapping to remove needs span, domain and canonical: ${JSON.stringify(key)}`);
  }
  return guardQuota(() => db.transaction('rw', db.linguistic, async () => {
    const row = await db.linguistic.get([key.span, key.domain, key.canonical]);
    if (!row) throw new NotRemovableError(`“${key.span}” → ${key.domain} ${key.canonical} is not in the linguistic registry`);
    if (row.source !== 'learned') throw new NotRemovableError(`“${key.span}” → ${key.domain} ${key.canonical} is one of the app's ${row.source === 'origin' ? 'starting words' : 'built-in words'} and cannot be removed`);
    await db.linguistic.delete([key.span, key.domain, key.canonical]);
    const { counts: _counts, ...removed } = row;
    return removed;
  }));
}
