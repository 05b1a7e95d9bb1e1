// One page of one value registry, searched, filtered and sorted inside IndexedDB, so a registry of
// 10,000 entries never reaches the view whole. Sorting by name walks the unique [registry+name] index
// as keys alone (no entry is read until its page is known); sorting by count or date, or filtering by
// canonical label, reads each entry of the registry once in a cursor and keeps only its sort key.
import { VALUE_REGISTRIES, type EntryOrigin, type RegistryEntry, type StaticColorValue, type ValueRegistry } from '../core/registry/entry.ts';
import { registryCanonicals } from '../core/registry/canonical-labels.ts';
import { depthOfColor } from '../core/registry/plan-growth.ts';
import Dexie from 'dexie';
import type { RegistriesDb } from './db.ts';
import { PRIMITIVE_ORDER } from '../core/registry/origin-primitives.ts';

/** What a registry page can be sorted by. */
export const REGISTRY_SORTS = ['first_seen', 'name', 'count', 'last_seen'] as const;
/** A sort key of REGISTRY_SORTS: `first_seen` is discovery order (primitives, shipped first, come first). */
export type RegistrySort = (typeof REGISTRY_SORTS)[number];

/** The largest page a query may ask for. */
export const MAX_PAGE = 500;

/** Which page of which registry, searched, filtered and sorted. */
export interface RegistryPageQuery {
  registry: ValueRegistry;
  /** Case-insensitive text the name must contain; for colours, `#` and hex digits match the hex instead. */
  search?: string;
  /** Only primitives or only discoveries (null/undefined: both). */
  origin?: EntryOrigin | null;
  /** Only entries filed under this canonical label (null/undefined: all). */
  canonical?: string | null;
  sort?: RegistrySort;
  descending?: boolean;
  /** Rows to skip (a multiple of `limit` for page N). */
  offset?: number;
  /** Rows on the page, 1–MAX_PAGE (default 50). */
  limit?: number;
}

/** One page and how many entries the query matched. */
export interface RegistryPage {
  registry: ValueRegistry;
  rows: RegistryEntry[];
  offset: number;
  limit: number;
  /** Entries that pass the search and filters. */
  matched: number;
  /** Entries in the registry. */
  total: number;
  primitives: number;
  discoveries: number;
  /** The canonical labels an entry of this registry can be filed under (the filter's choices). */
  canonicals: readonly string[];
  /** How the page was found: `name-index` (keys of the [registry+name] index only) or `scan` (one cursor over the registry). */
  plan: 'name-index' | 'scan';
}

const COLOR_REGISTRIES: ReadonlySet<ValueRegistry> = new Set(['static.colors', 'dynamic.colors']);
const HEX_SEARCH = /^#[0-9a-f]{1,6}$/;

/** The query with every field checked (a TypeError names the bad one) and defaults filled in. */
export function normalizePageQuery(q: RegistryPageQuery): Required<Omit<RegistryPageQuery, 'origin' | 'canonical'>> & { origin: EntryOrigin | null; canonical: string | null } {
  if (!q || typeof q !== 'object') throw new TypeError('a registry page query must be an object');
  if (!(VALUE_REGISTRIES as readonly string[]).includes(q.registry)) throw new TypeError(`registry: unknown registry ${JSON.stringify(q.registry)}`);
  const search = q.search ?? '';
  if (typeof search !== 'string') throw new TypeError('search must be a string');
  const origin = q.origin ?? null;
  if (origin !== null && origin !== 'primitive' && origin !== 'discovery') throw new TypeError(`origin must be "primitive", "discovery" or null, got ${JSON.stringify(origin)}`);
  const canonical = q.canonical ?? null;
  if (canonical !== null && typeof canonical !== 'string') throw new TypeError('canonical must be a string or null');
  const sort = q.sort ?? 'first_seen';
  if (!(REGISTRY_SORTS as readonly string[]).includes(sort)) throw new TypeError(`sort must be one of ${REGISTRY_SORTS.join(', ')}, got ${JSON.stringify(sort)}`);
  const offset = q.offset ?? 0;
  if (!(Number.isInteger(offset) && offset >= 0)) throw new TypeError(`offset must be a non-negative integer, got ${offset}`);
  const limit = q.limit ?? 50;
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= MAX_PAGE)) throw new TypeError(`limit must be an integer 1–${MAX_PAGE}, got ${limit}`);
  return { registry: q.registry, search: search.trim().toLowerCase(), origin, canonical, sort, descending: q.descending === true, offset, limit };
}

/** Primitives and discoveries of every registry, from index counts (no entry is read). */
export async function registryTotals(db: RegistriesDb): Promise<Record<ValueRegistry, { primitives: number; discoveries: number }>> {
  return db.transaction('r', db.entries, async () => {
    const primitiveKeys = await db.entries.where('origin').equals('primitive').primaryKeys();
    const out = {} as Record<ValueRegistry, { primitives: number; discoveries: number }>;
    for (const r of VALUE_REGISTRIES) {
      const total = await db.entries.where('registry').equals(r).count();
      const primitives = primitiveKeys.filter((k) => k.startsWith(`${r}/`)).length;
      out[r] = { primitives, discoveries: total - primitives };
    }
    return out;
  });
}

/** A row as the view shows it: a colour stored without depth (an older store) gets it from its colour (§4: every colour has one). */
function withDepth(e: RegistryEntry): RegistryEntry {
  if (e.depth !== null || !COLOR_REGISTRIES.has(e.registry)) return e;
  const rgb = (e.value as Partial<StaticColorValue>).rgb;
  return Array.isArray(rgb) && rgb.length === 3 ? { ...e, depth: depthOfColor(rgb) } : e;
}

/** Sort key of an entry for the scan plan. */
function sortKey(e: RegistryEntry, sort: RegistrySort): string | number {
  switch (sort) {
    case 'name':
      return e.name;
    case 'count':
      return e.count;
    case 'first_seen':
      return e.first_seen;
    case 'last_seen':
      return e.last_seen;
    default: {
      const never: never = sort;
      throw new TypeError(`unknown sort ${String(never)}`);
    }
  }
}

/**
 * One page of a registry. Ties in the sort key go by name (ascending), so pages never overlap or skip.
 * Reads at most one index range of keys, or one cursor over the registry, then the page's rows by key.
 */
export async function queryRegistryPage(db: RegistriesDb, query: RegistryPageQuery): Promise<RegistryPage> {
  const q = normalizePageQuery(query);
  const { registry } = q;
  const hexSearch = COLOR_REGISTRIES.has(registry) && HEX_SEARCH.test(q.search);
  return db.transaction('r', db.entries, async () => {
    const primitiveKeys = new Set((await db.entries.where('origin').equals('primitive').primaryKeys()).filter((k) => k.startsWith(`${registry}/`)));
    const total = await db.entries.where('registry').equals(registry).count();
    const originOk = (key: string) => q.origin === null || (q.origin === 'primitive') === primitiveKeys.has(key);
    let keys: string[];
    let matched: number;
    let plan: RegistryPage['plan'];
    if (q.sort === 'name' && q.canonical === null && !hexSearch) {
      plan = 'name-index';
      const range = db.entries.where('[registry+name]').between([registry, Dexie.minKey], [registry, Dexie.maxKey], true, true);
      if (q.search === '' && q.origin === null) {
        matched = total;
        const page = await (q.descending ? range.reverse() : range).offset(q.offset).limit(q.limit).primaryKeys();
        keys = page;
      } else {
        // Keys only: the index hands back [registry, name] pairs without reading any entry.
        const names = (await range.keys()) as unknown as [string, string][];
        const hits: string[] = [];
        for (const [, name] of names) {
          const key = `${registry}/${name}`;
          if ((q.search === '' || name.toLowerCase().includes(q.search)) && originOk(key)) hits.push(key);
        }
        if (q.descending) hits.reverse();
        matched = hits.length;
        keys = hits.slice(q.offset, q.offset + q.limit);
      }
    } else {
      plan = 'scan';
      const hits: { key: string; name: string; by: string | number }[] = [];
      await db.entries.where('registry').equals(registry).each((e) => {
        if (!originOk(e.key)) return;
        if (q.canonical !== null && e.canonical !== q.canonical) return;
        if (q.search !== '') {
          const hex = (e.value as Partial<StaticColorValue>).hex;
          if (hexSearch ? !(typeof hex === 'string' && hex.toLowerCase().startsWith(q.search)) : !e.name.toLowerCase().includes(q.search)) return;
        }
        hits.push({ key: e.key, name: e.name, by: sortKey(e, q.sort) });
      });
      const dir = q.descending ? -1 : 1;
      // Ties (every primitive has the same first_seen) go by vocabulary order, then by name.
      const order = (k: string) => PRIMITIVE_ORDER.get(k) ?? Infinity;
      hits.sort((a, b) => (a.by < b.by ? -dir : a.by > b.by ? dir : order(a.key) - order(b.key) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
      matched = hits.length;
      keys = hits.slice(q.offset, q.offset + q.limit).map((h) => h.key);
    }
    const rows = (await db.entries.bulkGet(keys)).filter((e): e is NonNullable<typeof e> => e !== undefined).map(withDepth);
    return {
      registry, rows, offset: q.offset, limit: q.limit, matched, total,
      primitives: primitiveKeys.size, discoveries: total - primitiveKeys.size, canonicals: registryCanonicals(registry), plan,
    };
  });
}
