// Registry paging speed (#15.5): one page of a registry (BENCH_PAGE_N entries, default 1,000: fake-indexeddb does not finish 10,000 in 10 min) through queryRegistryPage (name order on the
// [registry+name] index, keys only; count order and a canonical filter by one cursor over the registry), next to
// the reference measured in the same run: reading the whole registry as the view used to (listEntries, sorted).
// On fake-indexeddb in Node (Chromium's IndexedDB is faster: these are ceilings, the ratio is what matters).
import 'fake-indexeddb/auto';
import { importTs } from './_bundle.mjs';

const repo = await importTs('src/storage/repo-entries.ts');
const page = await importTs('src/storage/registry-page.ts');
const bulk = await importTs('tests/browser/helpers/bulk-registry.ts');

const N = Number(process.env.BENCH_PAGE_N ?? 1000);
const db = await repo.openRegistries(`bench-page-${Date.now()}`);
await bulk.bulkSeed(db, ['static.colors'], N, page.registryCanonicals);

async function time(label, fn, runs = 5) {
  await fn();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  const ms = (performance.now() - t0) / runs;
  console.log(`${label}: ${ms.toFixed(1)} ms`);
  return ms;
}
const whole = await time(`reference: whole registry read and sorted (${N} colours, listEntries)`, () => repo.listEntries(db, 'static.colors'));
const byName = await time('page of 50 by name (index keys only)', () => page.queryRegistryPage(db, { registry: 'static.colors', sort: 'name', offset: 5000, limit: 50 }));
const search = await time('page of 50, name search "amber" (index keys only)', () => page.queryRegistryPage(db, { registry: 'static.colors', sort: 'name', search: 'amber', limit: 50 }));
const byCount = await time('page of 50 by times seen, filed under teal (one cursor)', () => page.queryRegistryPage(db, { registry: 'static.colors', sort: 'count', descending: true, canonical: 'teal', limit: 50 }));
const totals = await time('totals of every registry (index counts)', () => page.registryTotals(db));
console.log(`ratio to the whole read: by name ${(byName / whole).toFixed(2)}, search ${(search / whole).toFixed(2)}, by count ${(byCount / whole).toFixed(2)}, totals ${(totals / whole).toFixed(3)}`);
db.close();
