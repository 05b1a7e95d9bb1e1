// Two app stores (the real Dexie storage on fake-indexeddb) grow through the app's own job path and
// sync through the real Worker: their exports end equal section by section, and equal to
// GET /api/registries. One store turns sync on after it has already recorded a job.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Candidate } from '../../src/core/registry/identity.ts';
import type { RegistriesExport } from '../../src/core/registry/export-schema.ts';
import { rgbToHex } from '../../src/core/vocab/colors.ts';
import { exportRegistries } from '../../src/storage/export.ts';
import { openRegistries } from '../../src/storage/repo-entries.ts';
import { recordJob } from '../../src/storage/repo-runs.ts';
import { dexieSyncStore, setSyncOutbox } from '../../src/sync/dexie-store.ts';
import { syncOnce } from '../../src/sync/sync-engine.ts';
import { httpTransport } from '../../src/sync/sync-http.ts';
import { startApi, WRITE_TOKEN, type TestApi } from './harness.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.dispose();
});

const color = (rgb: [number, number, number], canonical: string): Candidate => ({ registry: 'static.colors', canonical, value: { rgb, hex: rgbToHex(rgb) } });
const camera = (dx: number): Candidate => ({ registry: 'dynamic.camera', canonical: dx < 0 ? 'pan_left' : 'pan_right', value: { raw: { dx, dy: 0, zoom: 0, roll: 0 } } });
const gradient = (deg: number): Candidate => ({ registry: 'dynamic.gradient', canonical: 'linear_horizontal', value: { raw: { direction_deg: deg, fit: 0.9 } } });
const sound = (tone: number): Candidate => ({ registry: 'static.sound', canonical: 'tone', value: { breakdown: { silence: 0, tone: 80, rumble: 10, hiss: 10 }, tone_hz: tone } });

async function job(db: Awaited<ReturnType<typeof openRegistries>>, id: string, at: string, sightings: Candidate[], agreement: number) {
  await recordJob(db, {
    job: { id, created_at: at, prompt: `prompt of ${id}` }, learning: { job_id: id, agreement }, sightings,
    narrative: { intended: { mood: ['calm'] }, observed: { shots: [] } },
    interpretation: { prompt: `prompt of ${id}`, instruction: null, status: 'pending', source: 'user' },
    linguistic: [{ span: 'hella', canonical: 'very', domain: 'intensity', variant: 'slang', source: 'learned' }],
  });
}

it('two stores growing through the app path and syncing end with equal exports, equal to GET /api/registries', async () => {
  const a = await openRegistries(`sync-a-${Date.now()}`);
  const b = await openRegistries(`sync-b-${Date.now()}`);
  const http = httpTransport({ url: api.url, token: WRITE_TOKEN });
  // A records before sync is on: turning it on queues what is already there.
  await job(a, 'a-1', '2026-09-01T10:00:00.000Z', [color([200, 30, 40], 'red'), camera(-0.05), gradient(2), sound(440)], 0.5);
  expect(await setSyncOutbox(a, true)).toBeGreaterThan(0);
  await setSyncOutbox(b, true);
  // The same colour seen in different jobs, a near twin, different values of one name, dynamic values on both sides.
  await job(b, 'b-1', '2026-09-01T10:00:01.000Z', [color([201, 30, 40], 'red'), camera(-0.2), sound(445)], 0.75);
  await job(a, 'a-2', '2026-09-01T10:00:02.000Z', [color([20, 40, 210], 'blue'), gradient(40)], 1);
  await job(b, 'b-2', '2026-09-01T10:00:03.000Z', [color([22, 42, 214], 'blue'), color([200, 30, 40], 'red')], 0.25);
  const storeA = dexieSyncStore(a);
  const storeB = dexieSyncStore(b);
  await syncOnce(storeA, http);
  await syncOnce(storeB, http);
  await syncOnce(storeA, http);
  expect(await storeA.pendingCount()).toBe(0);
  expect(await storeB.pendingCount()).toBe(0);
  const server = (await (await api.call('/api/registries')).json()) as RegistriesExport;
  const ea = await exportRegistries(a, server.exported_at);
  const eb = await exportRegistries(b, server.exported_at);
  for (const section of ['static', 'dynamic', 'narrative', 'interpretation', 'linguistic', 'runs', 'diagnostics'] as const) {
    expect(ea[section], `A vs B: ${section}`).toEqual(eb[section]);
    expect(ea[section], `A vs server: ${section}`).toEqual(server[section]);
  }
  // The red seen by a-1 and b-2 (and its twin from b-1) is one entry with three sources.
  const reds = server.static.colors.discoveries.filter((e) => e.canonical === 'red');
  expect(reds.map((e) => [...e.sources].sort())).toEqual([['a-1', 'b-1', 'b-2']]);
  expect(server.runs.jobs.map((j) => j.id).sort()).toEqual(['a-1', 'a-2', 'b-1', 'b-2']);
  expect(server.linguistic.find((r) => r.span === 'hella')?.count).toBe(4);
  expect(server.dynamic.camera.discoveries.length).toBeGreaterThanOrEqual(2);
  expect(server.dynamic.gradient.discoveries.length).toBeGreaterThanOrEqual(1);
  expect(server.static.sound.discoveries.length).toBeGreaterThanOrEqual(1);
  // A second round changes nothing anywhere.
  await syncOnce(storeA, http);
  await syncOnce(storeB, http);
  expect(await exportRegistries(a, server.exported_at)).toEqual(ea);
  expect(await exportRegistries(b, server.exported_at)).toEqual(eb);
  a.close();
  b.close();
});
