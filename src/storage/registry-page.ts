// One page of one value registry, searched, filtered and sorted inside IndexedDB, so a registry of
// 10,000 entries never reaches the view whole. Every plan reads index keys only (schema v5, migrations.ts):
// the sort order is one `[registry+<key>+name]` index (name: the unique `[registry+name]`); filters are the
// primary keys of `[registry+canonical]`, `[registry+origin]` and `[registry+value.hex]`. Without a filter the
// page is read at its offset in the index (plus the ties around its edges); with one, the index keys of the
// registry are walked once and joined with the filters'. Only the page's own rows are read.
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

/** A label or hex filter leaving at most this many entries reads them rather than the sort index's keys. */
export const FEW_ROWS = 2000;

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
  /**
   * How the page was found: `index-page` (read at its offset in the sort index, plus the ties at its edges) or
   * `index-keys` (the sort index's keys walked once and joined with the filters' keys): neither reads an entry off the
   * page. `filter-rows`: a label or hex filter left at most FEW_ROWS entries, read and sorted.
   */
  plan: 'index-page' | 'index-keys' | 'filter-rows';
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
    const out = {} as Record<ValueRegistry, { primitives: number; discoveries: number }>;
    for (const r of VALUE_REGISTRIES) {
      const total = await db.entries.where('registry').equals(r).count();
      const primitives = await db.entries.where('[registry+origin]').equals([r, 'primitive']).count();
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

/** One key of a sort index: the entry's sort value (its name for the name index) and its name. */
interface IndexHit {
  by: string | number;
  name: string;
}

// Above every number and string of a key part. A fresh array each time: a key that holds one array object
// twice is invalid (IndexedDB's key conversion treats a repeat as a cycle), and Dexie.maxKey is one object.
const top = (): unknown[] => [[]];

/** The sort index of a sort key and how to read its keys. */
function sortIndex(sort: RegistrySort): { index: string; hit: (k: unknown[]) => IndexHit; lower: (r: string, by?: string | number) => unknown[]; upper: (r: string, by?: string | number) => unknown[] } {
  if (sort === 'name') {
    return {
      index: '[registry+name]',
      hit: (k) => ({ by: String(k[1]), name: String(k[1]) }),
      lower: (r, by) => [r, by ?? Dexie.minKey],
      upper: (r, by) => [r, by ?? top()],
    };
  }
  return {
    index: `[registry+${sort}+name]`,
    hit: (k) => ({ by: k[1] as string | number, name: String(k[2]) }),
    lower: (r, by) => (by === undefined ? [r, Dexie.minKey, Dexie.minKey] : [r, by, Dexie.minKey]),
    upper: (r, by) => (by === undefined ? [r, top(), top()] : [r, by, top()]),
  };
}

/**
 * The promised order, ascending: by the sort key; ties: primitives first in vocabulary order, then names.
 * Descending is its exact reverse (so both come straight off one index).
 */
function comparePageOrder(registry: ValueRegistry, descending: boolean): (a: IndexHit, b: IndexHit) => number {
  const dir = descending ? -1 : 1;
  const order = (h: IndexHit) => PRIMITIVE_ORDER.get(`${registry}/${h.name}`) ?? Infinity;
  return (a, b) => dir * (a.by < b.by ? -1 : a.by > b.by ? 1 : order(a) - order(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * One page of a registry. Ties in the sort key go by vocabulary order, then name (ascending), so pages never
 * overlap or skip. Reads index keys only (see the file comment), then the page's rows by key; a label or hex filter
 * that leaves at most `fewRows` entries reads those rows instead.
 */
export async function queryRegistryPage(db: RegistriesDb, query: RegistryPageQuery, fewRows = FEW_ROWS): Promise<RegistryPage> {
  const q = normalizePageQuery(query);
  const { registry } = q;
  const hexSearch = COLOR_REGISTRIES.has(registry) && HEX_SEARCH.test(q.search);
  const ix = sortIndex(q.sort);
  const byOrder = comparePageOrder(registry, q.descending);
  const keyOf = (h: IndexHit) => `${registry}/${h.name}`;
  return db.transaction('r', db.entries, async () => {
    const primitiveKeys = new Set(await db.entries.where('[registry+origin]').equals([registry, 'primitive']).primaryKeys());
    const total = await db.entries.where('registry').equals(registry).count();
    const all = db.entries.where(ix.index).between(ix.lower(registry), ix.upper(registry), true, true);
    let hits: IndexHit[];
    let matched: number;
    let plan: RegistryPage['plan'] = 'index-page';
    const finish = async (found: number, page: IndexHit[]): Promise<RegistryPage> => {
      const rows = (await db.entries.bulkGet(page.map(keyOf))).filter((e): e is NonNullable<typeof e> => e !== undefined).map(withDepth);
      return {
        registry, rows, offset: q.offset, limit: q.limit, matched: found, total,
        primitives: primitiveKeys.size, discoveries: total - primitiveKeys.size, canonicals: registryCanonicals(registry), plan,
      };
    };
    if (q.search === '' && q.origin === null && q.canonical === null) {
      plan = 'index-page';
      matched = total;
      const page = ((await (q.descending ? all.reverse() : all).offset(q.offset).limit(q.limit).keys()) as unknown as unknown[][]).map(ix.hit);
      const first = page[0];
      const last = page[page.length - 1];
      if (!first || !last || q.sort === 'name') hits = page; // names are unique: no ties to settle
      else {
        // The index orders ties by name in the walk's direction; the promise is primitives first, then name
        // ascending. Re-read every key sharing the page's first and last sort values and settle them here.
        const [lo, hi] = q.descending ? [last.by, first.by] : [first.by, last.by];
        const around = ((await db.entries.where(ix.index).between(ix.lower(registry, lo), ix.upper(registry, hi), true, true).keys()) as unknown as unknown[][]).map(ix.hit);
        around.sort(byOrder);
        const before = q.descending
          ? await db.entries.where(ix.index).between(ix.upper(registry, hi), ix.upper(registry), true, true).count()
          : await db.entries.where(ix.index).between(ix.lower(registry), ix.lower(registry, lo), true, true).count();
        hits = around.slice(q.offset - before, q.offset - before + q.limit);
      }
    } else {
      plan = 'index-keys';
      // The filters' keys, each from its own index (primary keys only: one bulk read each).
      let allowed: Set<string> | null = null;
      const narrow = (keys: string[]) => {
        allowed = allowed === null ? new Set(keys) : new Set(keys.filter((k) => allowed?.has(k)));
      };
      if (q.canonical !== null) narrow(await db.entries.where('[registry+canonical]').equals([registry, q.canonical]).primaryKeys());
      if (hexSearch) narrow(await db.entries.where('[registry+value.hex]').between([registry, q.search], [registry, `${q.search}\uffff`], true, true).primaryKeys());
      const keep = allowed as Set<string> | null;
      const prefix = `${registry}/`.length;
      const passes = (key: string, primitive: boolean) => {
        if (keep !== null && !keep.has(key)) return false;
        if (q.origin !== null && (q.origin === 'primitive') !== primitive) return false;
        return hexSearch || q.search === '' || key.slice(prefix).toLowerCase().includes(q.search);
      };
      if (keep !== null && keep.size <= fewRows) {
        // A label or hex filter that leaves few entries: read just those rows and sort them (cheaper than the sort index's keys).
        plan = 'filter-rows';
        const rows = (await db.entries.bulkGet([...keep])).filter((e): e is NonNullable<typeof e> => e !== undefined && passes(e.key, primitiveKeys.has(e.key)));
        const found = rows.map((e) => ({ by: q.sort === 'name' ? e.name : e[q.sort], name: e.name })).sort(byOrder);
        return finish(found.length, found.slice(q.offset, q.offset + q.limit));
      }
      // The whole registry's keys in index order (sort value, then name), as one bulk read of primary keys;
      // the names are in the keys, so a name search needs nothing more.
      const ordered = await all.primaryKeys();
      const discoveries = ordered.filter((k) => !primitiveKeys.has(k));
      const found = discoveries.filter((k) => passes(k, false));
      let asc: string[] = found;
      if (q.sort !== 'name' && (q.origin === null || q.origin === 'primitive')) {
        // Primitives go first among the entries sharing their sort value: their values (a few rows) and, for each,
        // how many discoveries sort before it (an index count), place them among the found discoveries.
        const allPrims = (await db.entries.bulkGet([...primitiveKeys])).filter((e): e is NonNullable<typeof e> => e !== undefined);
        const prims = allPrims.filter((e) => passes(e.key, true));
        const hitOf = (e: RegistryEntry): IndexHit => ({ by: e[q.sort as Exclude<RegistrySort, 'name'>], name: e.name });
        const ascending = comparePageOrder(registry, false);
        prims.sort((x, y) => ascending(hitOf(x), hitOf(y)));
        const at: number[] = [];
        for (const p of prims) {
          const by = hitOf(p).by;
          const below = await db.entries.where(ix.index).between(ix.lower(registry), ix.lower(registry, by), true, true).count();
          const primsBelow = allPrims.filter((e) => hitOf(e).by < by).length;
          at.push(below - primsBelow);
        }
        // Discovery positions → positions among the found ones (one pass over the discoveries).
        const foundSet = new Set(found);
        const foundBefore: number[] = new Array<number>(discoveries.length + 1);
        foundBefore[0] = 0;
        discoveries.forEach((k, i) => {
          foundBefore[i + 1] = (foundBefore[i] ?? 0) + (foundSet.has(k) ? 1 : 0);
        });
        asc = [];
        let next = 0;
        prims.forEach((p, i) => {
          const pos = foundBefore[at[i] ?? 0] ?? 0;
          while (next < pos) asc.push(found[next++] as string);
          asc.push(p.key);
        });
        while (next < found.length) asc.push(found[next++] as string);
      } else if (q.sort === 'name' && q.origin !== 'discovery') {
        // Names are unique: primitives keep their place in the name index.
        asc = ordered.filter((k) => passes(k, primitiveKeys.has(k)));
      }
      const list = q.descending ? asc.reverse() : asc;
      matched = list.length;
      hits = list.slice(q.offset, q.offset + q.limit).map((k) => ({ by: 0, name: k.slice(prefix) }));
    }
    return finish(matched, hits);
  });
}
