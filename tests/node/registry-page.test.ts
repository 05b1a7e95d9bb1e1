// Registry pages read indexes only (schema v5): every sort, direction, filter and offset gives exactly the rows
// the generator says, in the promised order (ascending ties: primitives in vocabulary order, then names; descending: the exact reverse), on
// fake-indexeddb. The same checks run at 10,000 entries per registry in Chromium (tests/browser/registries-view.test.ts).
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryEntry } from '../../src/core/registry/entry.ts';
import { registryCanonicals } from '../../src/core/registry/canonical-labels.ts';
import { originPrimitives } from '../../src/core/registry/origin-primitives.ts';
import type { RegistriesDb } from '../../src/storage/db.ts';
import { openRegistries } from '../../src/storage/repo-entries.ts';
import { queryRegistryPage, REGISTRY_SORTS, registryTotals, type RegistrySort } from '../../src/storage/registry-page.ts';
import { bulkSeed, syntheticEntry } from '../browser/helpers/bulk-registry.ts';

const N = 300; // fake-indexeddb walks compound-index cursors slowly (quadratic); Chromium pages 10,000 in the browser test
let db: RegistriesDb;
const PRIMITIVE_INDEX = new Map(originPrimitives().map((p, i) => [p.key, i]));

function truth(): RegistryEntry[] {
  const canonicals = registryCanonicals('static.colors');
  return [...originPrimitives().filter((p) => p.registry === 'static.colors'), ...Array.from({ length: N }, (_, i) => syntheticEntry('static.colors', i, canonicals))];
}
function sorted(list: RegistryEntry[], sort: RegistrySort, descending: boolean): RegistryEntry[] {
  const dir = descending ? -1 : 1;
  const by = (e: RegistryEntry) => e[sort];
  const prim = (e: RegistryEntry) => PRIMITIVE_INDEX.get(e.key) ?? Infinity;
  // Descending is the exact reverse of ascending (ties included).
  return [...list].sort((a, b) => dir * (by(a) < by(b) ? -1 : by(a) > by(b) ? 1 : prim(a) - prim(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
}

beforeAll(async () => {
  db = await openRegistries(`registry-page-${Date.now()}`);
  await bulkSeed(db, ['static.colors'], N, registryCanonicals);
});
afterAll(() => db.close());

describe('registry pages from indexes', () => {
  it('pages every sort in both directions, without filters, at offsets that cut through ties', async () => {
    const all = truth();
    for (const sort of REGISTRY_SORTS) {
      for (const descending of [false, true]) {
        const want = sorted(all, sort, descending).map((e) => e.name);
        for (const [offset, limit] of [[0, 50], [7, 13], [150, 50], [290, 50], [5000, 10]] as const) {
          const page = await queryRegistryPage(db, { registry: 'static.colors', sort, descending, offset, limit });
          expect(page.plan).toBe('index-page');
          expect(page.matched).toBe(all.length);
          expect(page.rows.map((e) => e.name), `${sort} ${descending ? 'desc' : 'asc'} @${offset}`).toEqual(want.slice(offset, offset + limit));
        }
      }
    }
  });

  it('searches, filters by label and origin, and searches hex, joined on index keys', async () => {
    const all = truth();
    const cases: [Parameters<typeof queryRegistryPage>[1], (e: RegistryEntry) => boolean][] = [
      [{ registry: 'static.colors', search: 'Amber' }, (e) => e.name.toLowerCase().includes('amber')],
      [{ registry: 'static.colors', canonical: 'teal' }, (e) => e.canonical === 'teal'],
      [{ registry: 'static.colors', canonical: 'teal', origin: 'discovery', search: 'e' }, (e) => e.canonical === 'teal' && e.origin === 'discovery' && e.name.includes('e')],
      [{ registry: 'static.colors', origin: 'primitive' }, (e) => e.origin === 'primitive'],
      [{ registry: 'static.colors', search: '#2' }, (e) => (e.value as { hex: string }).hex.startsWith('#2')],
    ];
    for (const [q, keep] of cases) {
      for (const sort of REGISTRY_SORTS) {
        for (const descending of [false, true]) {
          const want = sorted(all.filter(keep), sort, descending).map((e) => e.name);
          expect(want.length).toBeGreaterThan(0);
          // Both plans of a label or hex filter: its few rows read (the default here), or the sort index's keys joined.
          const fewRowsPlan = q.canonical || q.search?.startsWith('#') ? 'filter-rows' : 'index-keys';
          for (const [fewRows, plan] of [[undefined, fewRowsPlan], [0, 'index-keys']] as const) {
            const page = await queryRegistryPage(db, { ...q, sort, descending, offset: 10, limit: 20 }, fewRows);
            expect(page.plan).toBe(plan);
            expect(page.matched, JSON.stringify(q)).toBe(want.length);
            expect(page.rows.map((e) => e.name), `${JSON.stringify(q)} ${sort} ${descending} ${plan}`).toEqual(want.slice(10, 30));
          }
        }
      }
    }
  });

  it('counts primitives and discoveries from indexes', async () => {
    const totals = await registryTotals(db);
    expect(totals['static.colors']).toEqual({ primitives: 16, discoveries: N });
    expect(totals['dynamic.motion'].discoveries).toBe(0);
  });
});
