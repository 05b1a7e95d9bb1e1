// Every plain route against the real Worker runtime: registries, discoveries, learning,
// interpretations and their queue, linguistic batches, diagnostics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistriesExport } from '../../src/core/registry/export-schema.ts';
import { validateExport } from '../../src/core/registry/export-schema.ts';
import { READ_TOKEN, startApi, type TestApi } from './harness.ts';
import { colorDiscovery } from './samples.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.dispose();
});

const post = (path: string, body: unknown, method = 'POST') => api.call(path, { method, body: JSON.stringify(body) });
const get = async <T>(path: string): Promise<T> => {
  const r = await api.call(path, { token: READ_TOKEN });
  expect(r.status, path).toBe(200);
  return (await r.json()) as T;
};
const errorPath = async (r: Response) => ((await r.json()) as { error: { path: string } }).error.path;

describe('GET /api/registries', () => {
  it('is a valid motion-registries/1 export holding the origin primitives before anything is pushed', async () => {
    const file = await get<RegistriesExport>('/api/registries');
    expect(validateExport(file)).toEqual([]);
    expect(file.static.colors.primitives).toHaveLength(16);
    expect(file.static.sound.primitives).toHaveLength(4);
    expect(file.static.colors.discoveries).toEqual([]);
  });

  it('merges pushed discoveries of every registry, gradient, camera and sound included', async () => {
    const at = '2026-03-01T10:00:00.000Z';
    const mutations = [
      ...colorDiscovery([200, 30, 40], 'Crimson Test', 'job-r1', 'c1', at),
      { type: 'put-entry', registry: 'dynamic.gradient', base: 'Linear Sweep', name: 'Linear Sweep', origin: 'discovery', canonical: 'linear_horizontal', value: { raw: { direction_deg: 0, fit: 0.9 } }, depth: { 'gradient.linear_horizontal': 100 }, claim: { recorded_at: at, source: 'job-r1', client: 'c1' } },
      { type: 'put-entry', registry: 'dynamic.camera', base: 'Slow Left', name: 'Slow Left', origin: 'discovery', canonical: 'pan_left', value: { raw: { dx: -0.05, dy: 0, zoom: 0, roll: 0 } }, depth: { 'camera.pan_left': 100 }, claim: { recorded_at: at, source: 'job-r1', client: 'c1' } },
      { type: 'put-entry', registry: 'static.sound', base: 'A4 hum', name: 'A4 hum', origin: 'discovery', canonical: 'tone', value: { breakdown: { silence: 0, tone: 80, rumble: 10, hiss: 10 }, tone_hz: 440 }, depth: { tone: 80, rumble: 10, hiss: 10 }, claim: { recorded_at: at, source: 'job-r1', client: 'c1' } },
    ];
    const r = await post('/api/sync/push', { mutations: mutations.map((mutation, i) => ({ client_id: 'c1', mutation_id: i + 1, mutation })) });
    expect(r.status, await r.clone().text()).toBe(200);
    const file = await get<RegistriesExport>('/api/registries');
    expect(validateExport(file)).toEqual([]);
    expect(file.static.colors.discoveries.map((e) => [e.name, e.count, e.sources])).toEqual([['Crimson Test', 1, ['job-r1']]]);
    expect(file.dynamic.gradient.discoveries.map((e) => e.name)).toEqual(['Linear Sweep']);
    expect(file.dynamic.camera.discoveries.map((e) => e.name)).toEqual(['Slow Left']);
    expect(file.static.sound.discoveries.map((e) => e.name)).toEqual(['A4 hum']);
  });
});

describe('POST /api/knowledge/discoveries', () => {
  it('records new values named from their value, sightings of known ones, and the run even when empty — once per job', async () => {
    const body = { job_id: 'tool-1', recorded_at: '2026-03-02T00:00:00.000Z', discoveries: [
      { registry: 'static.colors', canonical: 'red', value: { rgb: [200, 30, 40] } },
      { registry: 'static.colors', canonical: 'blue', value: { rgb: [20, 40, 210] } },
      { registry: 'static.colors', canonical: 'blue', value: { rgb: [20, 40, 210] } },
    ] };
    const r = await post('/api/knowledge/discoveries', body);
    expect(r.status).toBe(201);
    const out = (await r.json()) as { new: string[]; seen_again: string[] };
    expect(out.seen_again).toEqual(['static.colors/Crimson Test']);
    expect(out.new).toHaveLength(1);
    const again = await post('/api/knowledge/discoveries', body);
    expect(((await again.json()) as { recorded: boolean }).recorded).toBe(false);
    const empty = await post('/api/knowledge/discoveries', { job_id: 'tool-empty', discoveries: [] });
    expect(empty.status).toBe(201);
    const file = await get<RegistriesExport>('/api/registries');
    const crimson = file.static.colors.discoveries.find((e) => e.name === 'Crimson Test');
    expect(crimson?.sources).toEqual(['job-r1', 'tool-1']);
    const blue = file.static.colors.discoveries.filter((e) => e.canonical === 'blue');
    expect(blue.map((e) => [e.count, e.sources])).toEqual([[1, ['tool-1']]]);
    expect(file.runs.discovery.map((d) => d.job_id)).toEqual(['tool-1', 'tool-empty']);
    const diag = await get<{ server: { discovery_runs: number } }>('/api/diagnostics');
    expect(diag.server.discovery_runs).toBe(2);
  });

  it('refuses a bad value with the path of the discovery and records nothing', async () => {
    const r = await post('/api/knowledge/discoveries', { job_id: 'tool-bad', discoveries: [{ registry: 'static.colors', canonical: 'red', value: { rgb: [1, 2, 3] } }, { registry: 'static.colors', canonical: 'red', value: { rgb: [1, 2, 300] } }] });
    expect(r.status).toBe(400);
    expect(await errorPath(r)).toBe('$.discoveries[1]');
    const file = await get<RegistriesExport>('/api/registries');
    expect(file.runs.discovery.map((d) => d.job_id)).not.toContain('tool-bad');
  });
});

describe('learning, interpretations, linguistic, diagnostics', () => {
  it('records learning by job, and diagnostics counts jobs missing their records', async () => {
    await post('/api/sync/push', { mutations: [{ client_id: 'c2', mutation_id: 1, mutation: { type: 'put-job', record: { id: 'job-L', created_at: '2026-03-03T00:00:00.000Z' } } }] });
    let d = await get<{ jobs: number; missing_learning: number; missing_discovery: number; accuracy: number | null }>('/api/diagnostics');
    expect(d).toMatchObject({ jobs: 1, missing_learning: 1, missing_discovery: 1, accuracy: null });
    expect((await post('/api/learning', { job_id: 'job-L', agreement: 0.75, fields: { palette: 1 } })).status).toBe(201);
    const bad = await post('/api/learning', { job_id: 'job-L', agreement: 2 });
    expect(bad.status).toBe(400);
    expect(await errorPath(bad)).toBe('$.agreement');
    d = await get('/api/diagnostics');
    expect(d).toMatchObject({ jobs: 1, missing_learning: 0, missing_discovery: 1, accuracy: 0.75 });
  });

  it('queues prompts without an instruction and takes their interpretation by id', async () => {
    expect((await post('/api/interpretations', { interpretations: [{ prompt: 'moody neon rain' }, { prompt: 'calm sea', instruction: { palette: null } }] })).status).toBe(201);
    const q = await get<{ pending: number; queue: { id: string; prompt: string }[] }>('/api/interpret/queue');
    expect(q.pending).toBe(1);
    expect(q.queue.map((x) => x.prompt)).toEqual(['moody neon rain']);
    const id = q.queue[0]!.id;
    const badBody = await post(`/api/interpret/${id}`, { instruction: 'x' }, 'PATCH');
    expect(badBody.status).toBe(400);
    expect(await errorPath(badBody)).toBe('$.instruction');
    expect((await post('/api/interpret/0000000000000000', { instruction: {} }, 'PATCH')).status).toBe(404);
    const ok = await post(`/api/interpret/${id}`, { instruction: { palette: { primitives: ['blue'] } } }, 'PATCH');
    expect(ok.status).toBe(200);
    expect((await get<{ pending: number }>('/api/interpret/queue')).pending).toBe(0);
    const file = await get<RegistriesExport>('/api/registries');
    expect(file.interpretation.map((r) => [r.prompt, r.status])).toEqual(expect.arrayContaining([['moody neon rain', 'done'], ['calm sea', 'done']]));
  });

  it('counts linguistic mappings per batch, the same batch posted twice counted once', async () => {
    const batch = { mappings: [{ span: 'hella', canonical: 'very', domain: 'intensity', variant: 'slang', dialect: 'US West Coast', count: 2 }] };
    expect((await post('/api/linguistic-registry/batch', batch)).status).toBe(201);
    expect((await post('/api/linguistic-registry/batch', batch)).status).toBe(201);
    expect((await post('/api/linguistic-registry/batch', { mappings: [{ ...batch.mappings[0], count: 1 }] })).status).toBe(201);
    const bad = await post('/api/linguistic-registry/batch', { mappings: [{ span: 'x', canonical: 'y', domain: 'z', variant: 'posh' }] });
    expect(bad.status).toBe(400);
    expect(await errorPath(bad)).toBe('$.mappings[0].variant');
    const file = await get<RegistriesExport>('/api/registries');
    expect(file.linguistic.filter((r) => r.span === 'hella').map((r) => r.count)).toEqual([3]);
  });

  it('refuses every route without a token (401) and unknown paths (404)', async () => {
    for (const [method, path] of [['GET', '/api/registries'], ['POST', '/api/knowledge/discoveries'], ['POST', '/api/learning'], ['POST', '/api/interpretations'], ['GET', '/api/interpret/queue'], ['PATCH', '/api/interpret/0123456789abcdef'], ['POST', '/api/linguistic-registry/batch'], ['GET', '/api/diagnostics']] as const) {
      expect((await api.call(path, { method, token: null, ...(method === 'GET' ? {} : { body: '{}' }) })).status, `${method} ${path}`).toBe(401);
      expect((await api.call(path, { method, token: 'wrong', ...(method === 'GET' ? {} : { body: '{}' }) })).status, `${method} ${path}`).toBe(401);
    }
    expect((await api.call('/api/nothing')).status).toBe(404);
  });
});
