// Sync API load on loopback: 20 concurrent clients × 200 discoveries pushed through the real Worker
// (workerd via miniflare, local D1), then a pull storm; each discovery checked recorded exactly once.
// Reference in the same run: a plain D1 insert loop (the same number of rows, same concurrency).
// Bounded: fixed counts, and the whole run gives up after 180 s.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CLIENTS = 20;
const DISCOVERIES = 200;
const PER_PUSH = 20;
const PULLERS = 20;
setTimeout(() => {
  console.error('sync bench: over 180 s, giving up');
  process.exit(1);
}, 180_000).unref();

const root = join(import.meta.dirname, '..', '..');
const outdir = join(root, '.bench', 'bundles');
mkdirSync(outdir, { recursive: true });
async function importTs(entry, name) {
  const outfile = join(outdir, name);
  await build({ entryPoints: [join(root, entry)], bundle: true, platform: 'node', format: 'esm', outfile, packages: 'external', logLevel: 'error' });
  return import(pathToFileURL(outfile).href + `?t=${Date.now()}`);
}
const { startApi, WRITE_TOKEN } = await importTs('tests/api/harness.ts', 'sync-harness.mjs');
const { MemoryClient } = await importTs('tests/api/memory-client.ts', 'sync-memory-client.mjs');
const { nearestPrimitive } = await importTs('src/core/color/nearest-primitive.ts', 'sync-nearest.mjs');

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;
let seed = 7;
const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const hex = (rgb) => '#' + rgb.map((v) => v.toString(16).padStart(2, '0')).join('');

// The reference runs inside the same runtime on the same D1: a worker whose one route is a loop of single-row INSERTs.
const plainWorker = `export default { async fetch(req, env) {
  const q = new URL(req.url).searchParams;
  const loops = Number(q.get('loops'));
  const n = Number(q.get('n'));
  const body = q.get('body');
  await env.DB.prepare('CREATE TABLE IF NOT EXISTS bench_plain (id INTEGER PRIMARY KEY, body TEXT NOT NULL)').run();
  const latency = [];
  const t0 = Date.now();
  await Promise.all(Array.from({ length: loops }, async () => {
    for (let i = 0; i < n; i++) {
      const t = Date.now();
      await env.DB.prepare('INSERT INTO bench_plain (body) VALUES (?1)').bind(body).run();
      latency.push(Date.now() - t);
    }
  }));
  return Response.json({ latency, ms: Date.now() - t0 });
} };`;
const api = await startApi({ extraWorkers: [{ name: 'plain', script: plainWorker }] });
try {
  // Each client records its discoveries locally first (the outbox fills), as a browser does offline.
  const clients = Array.from({ length: CLIENTS }, (_, c) => {
    const client = new MemoryClient(`bench-${c}`);
    for (let j = 0; j < DISCOVERIES; j++) {
      // 600 distinct colours over 4,000 jobs: most discoveries are repeat sightings across clients.
      const k = Math.floor(rand() * 600);
      const rgb = [(k * 47) % 256, (k * 89) % 256, (k * 131) % 256];
      client.discover({ registry: 'static.colors', canonical: nearestPrimitive(rgb), value: { rgb, hex: hex(rgb) }, depth: null }, `bench-${c}-job${j}`, new Date(Date.UTC(2026, 7, 1) + (c * DISCOVERIES + j) * 1000).toISOString());
    }
    return client;
  });
  const mutations = clients.reduce((s, c) => s + c.rows.length, 0);

  const pushLatency = [];
  const t0 = performance.now();
  await Promise.all(clients.map(async (client) => {
    const perPush = Math.ceil(client.rows.length / (DISCOVERIES / PER_PUSH));
    for (let at = 0; at < client.rows.length; at += perPush) {
      const rows = client.rows.slice(at, at + perPush).map((r) => ({ client_id: client.id, mutation_id: r.id, mutation: r.mutation }));
      const t = performance.now();
      const res = await api.call('/api/sync/push', { method: 'POST', body: JSON.stringify({ mutations: rows }) });
      if (res.status !== 200) throw new Error(`push: ${res.status} ${await res.text()}`);
      const ack = (await res.json()).clients[client.id];
      if (ack.applied !== rows.length) throw new Error(`push applied ${ack.applied} of ${rows.length}`);
      pushLatency.push(performance.now() - t);
    }
  }));
  const pushSeconds = (performance.now() - t0) / 1000;
  process.stderr.write(`pushes done in ${pushSeconds.toFixed(1)} s\n`);

  const pullLatency = [];
  const t1 = performance.now();
  let pulledRows = 0;
  await Promise.all(Array.from({ length: PULLERS }, async () => {
    let cursor = 0;
    for (;;) {
      const t = performance.now();
      const res = await api.call(`/api/sync/pull?cursor=${cursor}&limit=1000`, { token: WRITE_TOKEN });
      const page = await res.json();
      pullLatency.push(performance.now() - t);
      pulledRows += page.mutations.length;
      cursor = page.cursor;
      if (!page.more) break;
    }
  }));
  const pullSeconds = (performance.now() - t1) / 1000;
  process.stderr.write(`pulls done in ${pullSeconds.toFixed(1)} s\n`);

  const t2 = performance.now();
  const server = await (await api.call('/api/registries')).json();
  const registriesMs = performance.now() - t2;

  // Exactly once: every job a source of exactly one entry, counts summing to the jobs, the log holding every mutation once.
  const bySource = new Map();
  // A colour equal to a primitive (k = 0 is black) is a sighting of the primitive: count both sections.
  const colours = [...server.static.colors.primitives, ...server.static.colors.discoveries];
  for (const e of colours) for (const s of e.sources) bySource.set(s, (bySource.get(s) ?? 0) + 1);
  const jobs = CLIENTS * DISCOVERIES;
  const once = [...bySource.values()].filter((n) => n === 1).length;
  const counted = colours.reduce((s, e) => s + e.count, 0);
  if (once !== jobs || bySource.size !== jobs || counted !== jobs) throw new Error(`not exactly once: ${once}/${jobs} jobs once, ${bySource.size} sources, counts ${counted}`);
  const db = await api.d1();
  const logged = (await db.prepare('SELECT COUNT(*) AS n FROM mutations').first()).n;
  if (logged !== mutations) throw new Error(`log holds ${logged} of ${mutations} mutations`);
  if (pulledRows !== PULLERS * mutations) throw new Error(`pull storm read ${pulledRows}, expected ${PULLERS * mutations}`);

  // Reference: the same number of single-row INSERTs, 20 loops at once, run by a worker in the same runtime on the same D1.
  // (The Worker's clock moves across I/O, so each await of an INSERT is timed.)
  const body = JSON.stringify(clients[0].rows[0].mutation);
  const res = await api.callWorker('plain', `http://plain/?loops=${CLIENTS}&n=${DISCOVERIES}&body=${encodeURIComponent(body)}`);
  const { latency: insertLatency, ms: insertMs } = await res.json();
  if (insertLatency.length !== CLIENTS * DISCOVERIES) throw new Error('plain loop did not finish');
  const insertSeconds = insertMs / 1000;

  process.stderr.write(`reference done in ${insertSeconds.toFixed(1)} s\n`);

  const pushes = pushLatency.length;
  console.log(`push: ${CLIENTS} clients × ${DISCOVERIES} discoveries (${mutations} mutations in ${pushes} pushes of ~${Math.round(mutations / pushes)}), ${pushSeconds.toFixed(2)} s`);
  console.log(`  ${(pushes / pushSeconds).toFixed(1)} pushes/s, ${(jobs / pushSeconds).toFixed(0)} discoveries/s, ${(mutations / pushSeconds).toFixed(0)} mutations/s; latency p50 ${ms(pct(pushLatency, 50))}, p95 ${ms(pct(pushLatency, 95))}`);
  console.log(`pull storm: ${PULLERS} clients × the whole log (${mutations} rows, pages of 1000): ${(pullLatency.length / pullSeconds).toFixed(1)} pulls/s, ${(pulledRows / pullSeconds).toFixed(0)} rows/s; latency p50 ${ms(pct(pullLatency, 50))}, p95 ${ms(pct(pullLatency, 95))}`);
  console.log(`GET /api/registries (fold of ${mutations} mutations, ${server.static.colors.discoveries.length} colour entries): ${ms(registriesMs)}`);
  console.log(`exactly once: ${jobs}/${jobs} discoveries recorded once (counts sum ${counted}); log ${logged}/${mutations}`);
  console.log(`reference, plain D1 insert loop (${CLIENTS} × ${DISCOVERIES} single-row INSERTs): ${(jobs / insertSeconds).toFixed(0)} inserts/s; latency p50 ${ms(pct(insertLatency, 50))}, p95 ${ms(pct(insertLatency, 95))}`);
  console.log(`ratio: ${((jobs / pushSeconds) / (jobs / insertSeconds)).toFixed(2)}× the plain loop's rate in discoveries (each discovery is ~${(mutations / jobs).toFixed(1)} mutations, ${Math.round(mutations / pushes)} a push in one batch())`);
} finally {
  await api.dispose();
}
