// Two browser profiles (persistent Chromium stores) run the real loop with `--sync` through one local
// API, then the first syncs once more: their exports are equal section by section and equal to
// GET /api/registries. The real CLI, real jobs, real Chromium, the real Worker.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RegistriesExport } from '../../src/core/registry/export-schema.ts';
import { startApi, WRITE_TOKEN, type TestApi } from './harness.ts';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'bin/motion-registries.mjs');
const work = mkdtempSync(join(tmpdir(), 'mr-sync-profiles-'));
const dist = join(work, 'dist');
const env = { ...process.env, MR_DIST: dist, NODE_ENV: 'production' };

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { env, cwd: root, timeout: 300_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

let api: TestApi;
beforeAll(async () => {
  // Our own production build, so a parallel `vite build` into dist/ cannot pull files from under us.
  const r = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`vite build failed: ${r.stderr}`);
  // The deployed body limit (4 MiB): a job record carries its analysis (~0.5 MB).
  api = await startApi({ bindings: { MAX_BODY_BYTES: String(4 * 1024 * 1024) } });
}, 300_000);

afterAll(async () => {
  await api?.dispose();
  rmSync(work, { recursive: true, force: true });
});

it('two profiles running the loop with --sync end with equal exports, equal to GET /api/registries', async () => {
  const a = join(work, 'profile-a');
  const b = join(work, 'profile-b');
  const ra = await run('loop', '--runs', '2', '--workflow', 'all', '--seed', 'sync-a', '--db', a, '--sync', api.url, '--token', WRITE_TOKEN);
  expect(ra.code, ra.stderr).toBe(0);
  expect(ra.stderr).toMatch(/sync after: pushed [1-9]\d*, pulled 0, pending 0/);
  const rb = await run('loop', '--runs', '2', '--workflow', 'all', '--seed', 'sync-b', '--db', b, '--sync', api.url, '--token', WRITE_TOKEN);
  expect(rb.code, rb.stderr).toBe(0);
  expect(rb.stderr).toMatch(/sync before: pushed 0, pulled [1-9]\d*, pending 0/);
  const sa = await run('sync', '--db', a, '--url', api.url, '--token', WRITE_TOKEN);
  expect(sa.code, sa.stderr).toBe(0);
  expect(JSON.parse(sa.stdout)).toMatchObject({ pushed: 0, pending: 0 });
  const exports = await Promise.all([a, b].map(async (db) => {
    const out = join(work, `${db.endsWith('a') ? 'a' : 'b'}.json`);
    const r = await run('export', '--db', db, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(readFileSync(out, 'utf8')) as RegistriesExport;
  }));
  const server = (await (await api.call('/api/registries')).json()) as RegistriesExport;
  const [ea, eb] = exports as [RegistriesExport, RegistriesExport];
  for (const section of ['static', 'dynamic', 'narrative', 'interpretation', 'linguistic', 'runs', 'diagnostics'] as const) {
    expect(ea[section], `A vs B: ${section}`).toEqual(eb[section]);
    expect(ea[section], `A vs server: ${section}`).toEqual(server[section]);
  }
  expect(server.runs.jobs).toHaveLength(4);
  expect(server.diagnostics).toMatchObject({ jobs: 4, missing_learning: 0, missing_discovery: 0 });
  const wrong = await run('sync', '--db', a, '--url', api.url, '--token', 'wrong');
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toMatch(/401/);
}, 900_000);
