// The in-browser half of scripts/bench/registry-page.mjs: seeds N entries in every value registry of a fresh
// IndexedDB store, then times registry pages against the references measured in the same page: the whole
// registry read (listEntries, as the view read it before paging) and one cursor over the registry's entries
// (the pre-v5 `scan` plan for sorts other than name and for filters).
import { VALUE_REGISTRIES, type ValueRegistry } from '../../src/core/registry/entry.ts';
import { registryCanonicals } from '../../src/core/registry/canonical-labels.ts';
import { listEntries, openRegistries } from '../../src/storage/repo-entries.ts';
import { queryRegistryPage, registryTotals, type RegistryPageQuery } from '../../src/storage/registry-page.ts';
import { bulkSeed } from '../../tests/browser/helpers/bulk-registry.ts';

/** One timed figure: the median of `runs` calls after one warm-up, in ms. */
export interface Figure {
  label: string;
  ms: number;
  plan?: string;
}

async function median(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)] ?? NaN;
}

/** Seed, time, clean up; returns the figures for the Node side to print. */
export async function runRegistryPageBench(n: number, runs: number): Promise<{ seedMs: number; figures: Figure[] }> {
  const name = `bench-registry-page-${Date.now()}`;
  const db = await openRegistries(name);
  const t0 = performance.now();
  await bulkSeed(db, VALUE_REGISTRIES, n, registryCanonicals);
  const seedMs = performance.now() - t0;
  const r: ValueRegistry = 'static.colors';
  const figures: Figure[] = [];
  const fig = async (label: string, fn: () => Promise<unknown>) => figures.push({ label, ms: await median(fn, runs) });
  const page = async (label: string, q: Omit<RegistryPageQuery, 'registry'>) => {
    const p = await queryRegistryPage(db, { registry: r, ...q });
    figures.push({ label, ms: await median(() => queryRegistryPage(db, { registry: r, ...q }), runs), plan: p.plan });
  };
  await fig('reference: whole registry read and sorted (listEntries)', () => listEntries(db, r));
  await fig('reference: one cursor over the registry\'s entries (pre-v5 scan plan)', () => db.entries.where('registry').equals(r).each(() => undefined));
  await page('page 1 in discovery order', {});
  await page('page 101 by name', { sort: 'name', offset: 5000 });
  await page('page 101 by times seen, most first', { sort: 'count', descending: true, offset: 5000 });
  await page('page 1 by last seen, newest first', { sort: 'last_seen', descending: true });
  await page('name search "amber", by name', { sort: 'name', search: 'amber' });
  await page('filed under teal, by times seen', { sort: 'count', descending: true, canonical: 'teal' });
  await page('hex search "#25", by name', { sort: 'name', search: '#25' });
  await page('discoveries only, by last seen, page 20', { sort: 'last_seen', origin: 'discovery', offset: 950 });
  await fig('totals of every registry (index counts)', () => registryTotals(db));
  db.close();
  await new Promise((done) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = done;
  });
  return { seedMs, figures };
}
