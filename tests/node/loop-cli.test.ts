// `motion-registries loop` end to end: the real CLI runs real jobs (procedural prompt → interpret → spec →
// create → analyse → grow → record) in the built app in system Chromium, then exports; the export must
// hold every job whole and discoveries in the pure and the blended sections.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validateExport, type RegistriesExport } from '../../src/core/registry/export-schema.ts';
import { buildApp } from '../helpers/build-app.ts';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'bin/motion-registries.mjs');
const work = mkdtempSync(join(tmpdir(), 'mr-loop-cli-'));
const dist = join(work, 'dist');
const env = { ...process.env, MR_DIST: dist, NODE_ENV: 'production' };
const RUNS = 8;

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { env, cwd: root, timeout: 240_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

/** Every registry entry of an export, with the section it sits in. */
function entries(file: RegistriesExport): { section: string; registry: string; name: string; origin: string; sources: string[] }[] {
  const out: { section: string; registry: string; name: string; origin: string; sources: string[] }[] = [];
  const walk = (o: unknown, path: string) => {
    if (Array.isArray(o)) {
      for (const e of o as { registry?: string; name: string; origin: string; sources: string[] }[]) if (e.registry) out.push({ section: path, registry: e.registry, name: e.name, origin: e.origin, sources: e.sources });
    } else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
  };
  walk(file.static, 'static');
  walk(file.dynamic, 'dynamic');
  return out;
}

beforeAll(() => {
  // Our own production build, so a parallel `vite build` into dist/ cannot pull files from under us.
  buildApp(dist, env);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('motion-registries loop (real CLI, real jobs, real Chromium)', () => {
  it('refuses a bad workflow with the usage', async () => {
    const r = await run('loop', '--runs', '1', '--workflow', 'sideways');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--workflow must be one of frame-explorer, frame-exploiter, window, all/);
  });

  it(`runs ${RUNS} jobs of the "all" workflow: every job recorded whole, discoveries in the pure and blended sections`, async () => {
    const out = join(work, 'e.json');
    const r = await run('loop', '--runs', String(RUNS), '--workflow', 'all', '--seed', 'ci-loop', '--db', join(work, 'store'), '--out', out);
    expect(r.code, r.stderr).toBe(0);
    // Progress on stderr: each job's steps and its outcome.
    for (let i = 1; i <= RUNS; i++) {
      expect(r.stderr).toContain(`job ${i}/${RUNS}: analyze`);
      expect(r.stderr).toMatch(new RegExp(`job ${i}/${RUNS} done: ".+" \\((explore|exploit)\\) agreement [\\d.]+, \\d+ new, \\d+ seen again`));
    }
    const summary = JSON.parse(r.stdout) as { completed: number; failed: unknown[]; jobs_per_minute: number; new_entries: number; diagnostics: { jobs: number; missing_learning: number; missing_discovery: number } };
    expect(summary.failed).toEqual([]);
    expect(summary.completed).toBe(RUNS);
    expect(summary.jobs_per_minute).toBeGreaterThan(0);
    expect(summary.diagnostics).toMatchObject({ jobs: RUNS, missing_learning: 0, missing_discovery: 0 });

    const file = JSON.parse(readFileSync(out, 'utf8')) as RegistriesExport;
    expect(validateExport(file)).toEqual([]);
    // Every job has its learning and its discovery record.
    const jobs = file.runs.jobs.map((j) => j.id);
    expect(jobs).toHaveLength(RUNS);
    expect(new Set(file.runs.learning.map((l) => l.job_id))).toEqual(new Set(jobs));
    expect(new Set(file.runs.discovery.map((d) => d.job_id))).toEqual(new Set(jobs));
    expect(file.diagnostics).toMatchObject({ jobs: RUNS, missing_learning: 0, missing_discovery: 0 });
    for (const l of file.runs.learning) {
      expect(l.agreement).toBeGreaterThanOrEqual(0);
      expect(l.agreement).toBeLessThanOrEqual(1);
    }

    // Every new entry a discovery record names is in the export, with that job among its sources.
    const all = entries(file);
    const byKey = new Map(all.map((e) => [`${e.registry}/${e.name}`, e]));
    let named = 0;
    for (const d of file.runs.discovery) {
      for (const key of d.new) {
        expect(byKey.get(key)?.sources, key).toContain(d.job_id);
        named++;
      }
    }
    expect(named).toBe(summary.new_entries);

    // Discoveries in both pure sections and in most blended (per-window) registries.
    const discovered = new Set(all.filter((e) => e.origin === 'discovery').map((e) => e.registry));
    expect(discovered).toContain('static.colors');
    expect(discovered).toContain('static.sound');
    const blended = [...discovered].filter((k) => k.startsWith('dynamic.'));
    expect(blended, blended.join(', ')).toEqual(expect.arrayContaining(['dynamic.colors', 'dynamic.motion', 'dynamic.gradient', 'dynamic.lighting', 'dynamic.sound.mood', 'dynamic.blends']));
    expect(blended.length).toBeGreaterThanOrEqual(8);
    // The two narrative layers are stored apart, one record of each per job.
    expect(file.narrative.intended).toHaveLength(RUNS);
    expect(file.narrative.observed).toHaveLength(RUNS);
  }, 300_000);
});
