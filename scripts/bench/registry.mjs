// Registry identity and storage speed: findMatch over a grown colour registry, recordJob and
// export/import on fake-indexeddb (Node; Chromium's IndexedDB is faster, so these are floors).
import 'fake-indexeddb/auto';
import { importTs, rate } from './_bundle.mjs';

const identity = await importTs('src/core/registry/identity.ts');
const storage = await importTs('src/storage/export.ts');
const repo = await importTs('src/storage/repo-entries.ts');
const runs = await importTs('src/storage/repo-runs.ts');

const hex = (rgb) => '#' + rgb.map((v) => v.toString(16).padStart(2, '0')).join('');
let seed = 1;
const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const rgb = () => [0, 0, 0].map(() => Math.floor(rand() * 256));

const entries = Array.from({ length: 2000 }, (_, i) => {
  const c = rgb();
  return { key: `static.colors/c${i}`, registry: 'static.colors', name: `c${i}`, origin: 'discovery', canonical: 'red', value: { rgb: c, hex: hex(c) } };
});
const probe = { registry: 'static.colors', canonical: 'red', value: { rgb: [120, 40, 200], hex: '#7828c8' } };
const perSecond = rate(() => identity.findMatch(entries, probe), 1000);
console.log(`findMatch over 2000 colours: ${perSecond.toFixed(0)} lookups/s (${(2000 * perSecond / 1e6).toFixed(2)} M comparisons/s)`);

const db = await repo.openRegistries(`bench-${Date.now()}`);
const jobs = 40;
const t0 = performance.now();
for (let j = 0; j < jobs; j++) {
  const sightings = Array.from({ length: 50 }, () => {
    const c = rgb();
    return { registry: 'static.colors', canonical: 'red', value: { rgb: c, hex: hex(c) } };
  });
  await runs.recordJob(db, { job: { id: `job-${j}`, created_at: new Date(Date.UTC(2026, 0, 1, 0, j)).toISOString() }, learning: { job_id: `job-${j}`, agreement: 0.5 }, sightings });
}
const t1 = performance.now();
console.log(`recordJob with 50 colour sightings: ${(jobs / ((t1 - t0) / 1000)).toFixed(1)} jobs/s (${((t1 - t0) / jobs).toFixed(1)} ms/job, registry grows to ${(await repo.counts(db)).entries['static.colors'].discoveries} discoveries)`);
const t2 = performance.now();
const file = await storage.exportRegistries(db);
const t3 = performance.now();
const other = await repo.openRegistries(`bench-import-${Date.now()}`);
await storage.importRegistries(other, file);
const t4 = performance.now();
await storage.importRegistries(other, file);
const t5 = performance.now();
console.log(`export: ${(t3 - t2).toFixed(0)} ms, import into empty: ${(t4 - t3).toFixed(0)} ms, re-import (no change): ${(t5 - t4).toFixed(0)} ms, file ${(JSON.stringify(file).length / 1024).toFixed(0)} KiB`);
