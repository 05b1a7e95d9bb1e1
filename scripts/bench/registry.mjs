// Registry identity and storage speed: findMatch over a grown colour registry, recordJob and
// export/import on fake-indexeddb (Node; Chromium's IndexedDB is faster, so these are floors).
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { getHeapStatistics } from 'node:v8';
import { importTs, rate } from './_bundle.mjs';

// fake-indexeddb keeps the whole store in the JS heap: at 64k entries the default heap limit turns the
// import into garbage collection (measured ×8 for 32k → 64k, against ×2.1 with room). Re-run with room.
if (getHeapStatistics().heap_size_limit < 6 * 2 ** 30 && !process.env.BENCH_REGISTRY_CHILD) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', import.meta.filename], { stdio: 'inherit', env: { ...process.env, BENCH_REGISTRY_CHILD: '1' } });
  process.exit(r.status ?? 1);
}

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
  await runs.recordJob(db, { job: { id: `job-${j}`, created_at: new Date(Date.UTC(2026, 0, 1, 0, j)).toISOString(), analysis: { schema: 'mp4-analysis/1', frames: [], windows: [] } }, learning: { job_id: `job-${j}`, agreement: 0.5 }, sightings });
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

// Import scaling (#17.5): N entries imported into an empty store, N = 1k … 64k, with the time ratio per
// doubling (close to 2 is linear; the old import, which scanned the whole registry per entry, was ~3.5).
// A quarter are random colours (some merge: ΔE_ok < 0.02), the rest distinct camera moves.
// Reference in the same run: the old identity cost alone, one linear findMatch scan per entry.
const exportSchema = await importTs('src/core/registry/export-schema.ts');
const ISO = '2026-01-01T00:00:00.000Z';
function syntheticExport(base, n) {
  const file = JSON.parse(JSON.stringify(base));
  const colors = [];
  const cameras = [];
  for (let i = 0; i < n; i++) {
    const common = { origin: 'discovery', count: 1, first_seen: ISO, last_seen: ISO, sources: [`job-${i}`] };
    if (i % 4 === 0) {
      const c = rgb();
      colors.push({ registry: 'static.colors', name: `colour ${i}`, canonical: 'red', rgb: c, hex: hex(c), depth: null, ...common });
    } else {
      // A lattice 0.01 apart in dx and dy (tolerance 0.003): every camera value is its own entry.
      const k = cameras.length;
      cameras.push({ registry: 'dynamic.camera', name: `move ${i}`, canonical: 'pan_left', raw: { dx: (k % 256) * 0.01, dy: Math.floor(k / 256) * 0.01, zoom: 0, roll: 0 }, depth: null, ...common });
    }
  }
  file.static.colors.discoveries = colors;
  file.dynamic.camera.discoveries = cameras;
  if (exportSchema.validateExport(file).length > 0) throw new Error(exportSchema.formatProblems(exportSchema.validateExport(file).slice(0, 3)));
  return file;
}
const emptyDb = await repo.openRegistries(`bench-empty-${Date.now()}`);
const empty = await storage.exportRegistries(emptyDb);
emptyDb.close();
await emptyDb.delete();
db.close();
await db.delete();
other.close();
await other.delete();
let previous = null;
const maxN = Number(process.env.BENCH_IMPORT_MAX ?? 65536);
console.log('import N entries into an empty store (validate + plan + apply, one transaction):');
for (let n = Number(process.env.BENCH_IMPORT_MIN ?? 1024); n <= maxN; n *= 2) {
  seed = n;
  const file = syntheticExport(empty, n);
  const target = await repo.openRegistries(`bench-scale-${n}-${Date.now()}`);
  const a = performance.now();
  const summary = await storage.importRegistries(target, file);
  const ms = performance.now() - a;
  let reference = '';
  if (n <= 4096) {
    // The old identity step: each entry compared with every entry before it.
    const list = [...file.static.colors.discoveries, ...file.dynamic.camera.discoveries].map((x) => ({ registry: x.registry, canonical: x.canonical, value: x.rgb ? { rgb: x.rgb } : { raw: x.raw } }));
    const b = performance.now();
    for (let i = 0; i < list.length; i++) identity.findMatch(list.slice(0, i).filter((e) => e.registry === list[i].registry), list[i]);
    reference = `; old linear identity alone ${(performance.now() - b).toFixed(0)} ms`;
  }
  console.log(`  ${String(n).padStart(6)}: ${ms.toFixed(0).padStart(6)} ms (${(ms / n * 1000).toFixed(0)} µs/entry, added ${summary.added}, merged ${summary.merged})${previous ? `, ×${(ms / previous).toFixed(2)} vs N/2` : ''}${reference}`);
  previous = ms;
  target.close();
  // fake-indexeddb keeps every store in memory: drop this one so the next size does not pay its GC.
  await target.delete();
}
