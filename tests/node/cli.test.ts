import 'fake-indexeddb/auto';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validateExport, type RegistriesExport } from '../../src/core/registry/export-schema.ts';
import { exportRegistries } from '../../src/storage/export.ts';
import { openRegistries } from '../../src/storage/repo-entries.ts';
import { recordJob } from '../../src/storage/repo-runs.ts';
import { STUB_ANALYSIS } from '../helpers/stub-analysis.ts';
// @ts-expect-error plain ESM without types
import { parseArgs, ArgsError } from '../../bin/lib/args.mjs';
// @ts-expect-error plain ESM without types
import { parseJsonText } from '../../bin/lib/files.mjs';
// @ts-expect-error plain ESM without types
import { serveStatic } from '../../bin/lib/serve.mjs';
import { buildApp } from '../helpers/build-app.ts';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'bin/motion-registries.mjs');
const work = mkdtempSync(join(tmpdir(), 'mr-cli-'));
const dist = join(work, 'dist');
const env = { ...process.env, MR_DIST: dist };

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { env, cwd: root, timeout: 120_000 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

const withoutTime = (text: string) => JSON.stringify({ ...(JSON.parse(text) as RegistriesExport), exported_at: null });

beforeAll(() => {
  // Our own build, so a parallel `vite build` into dist/ cannot pull files from under us.
  buildApp(dist);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('motion-registries export / import (real CLI, real Chromium)', () => {
  const db = join(work, 'store');

  it('export on a new store writes every §11 section with the 16 colour and 4 sound primitives', async () => {
    const out = join(work, 'first.json');
    const r = await run('export', '--db', db, '--out', out);
    expect(r.stderr).toContain(`wrote ${out}`);
    expect(r.code).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8')) as RegistriesExport;
    expect(validateExport(file)).toEqual([]);
    for (const k of ['exported_at', 'static', 'dynamic', 'narrative', 'interpretation', 'linguistic', 'runs', 'diagnostics']) expect(file).toHaveProperty(k);
    expect(Object.keys(file.dynamic)).toEqual(['colors', 'motion', 'camera', 'gradient', 'lighting', 'sound', 'blends']);
    expect(Object.keys(file.dynamic.sound)).toEqual(['canonical', 'discoveries', 'semantic']);
    expect(file.static.colors.primitives.map((p) => p.hex)).toContain('#8b4513');
    expect(file.static.colors.primitives).toHaveLength(16);
    expect(file.static.sound.primitives.map((p) => p.name)).toEqual(['silence', 'tone', 'rumble', 'hiss']);
    expect(file.diagnostics).toEqual({ jobs: 0, missing_learning: 0, missing_discovery: 0, accuracy: null });
    expect(readFileSync(join(db, 'mr-port'), 'utf8').trim()).toMatch(/^\d+$/);
  }, 120_000);

  it('a malformed file fails with a precise message and leaves the store unchanged', async () => {
    const first = readFileSync(join(work, 'first.json'), 'utf8');
    const broken = join(work, 'broken.json');
    writeFileSync(broken, '{\n  "schema": "motion-registries/1",\n  "static": [1, 2,]\n}\n');
    const a = await run('import', '--db', db, broken);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain(`${broken}:3:19: invalid JSON: unexpected "]"`);
    const bad = JSON.parse(first) as RegistriesExport;
    (bad.static.colors.primitives[2] as unknown as Record<string, unknown>).rgb = '#808080';
    bad.static.sound.primitives[1]!.breakdown.hiss = 5;
    const badFile = join(work, 'bad.json');
    writeFileSync(badFile, JSON.stringify(bad));
    const b = await run('import', '--db', db, badFile);
    expect(b.code).toBe(1);
    expect(b.stdout).toBe('');
    expect(b.stderr).toMatch(/^\/static\/colors\/primitives\/2\/rgb: must be array$/m);
    expect(b.stderr).toMatch(/^\/static\/sound\/primitives\/1\/breakdown: parts must sum to 100 \(± 0.01\), got 105$/m);
    expect(b.stderr).toContain('nothing was changed');
    const out = join(work, 'second.json');
    expect((await run('export', '--db', db, '--out', out)).code).toBe(0);
    expect(withoutTime(readFileSync(out, 'utf8'))).toBe(withoutTime(first));
  }, 120_000);

  it('importing a valid export twice: the second import changes nothing', async () => {
    // A grown registry, made in Node (fake-indexeddb) with the same storage code the page runs.
    const grown = await openRegistries(`cli-grown-${Date.now()}`);
    await recordJob(grown, {
      job: { id: 'job-7', created_at: '2026-05-01T12:00:00.000Z', prompt: 'teal haze', analysis: STUB_ANALYSIS },
      learning: { job_id: 'job-7', agreement: 0.9 },
      sightings: [
        { registry: 'static.colors', canonical: 'teal', value: { rgb: [20, 110, 120], hex: '#146e78' } },
        { registry: 'dynamic.motion', canonical: 'slow', value: { raw: { speed: 0.05 } } },
        { registry: 'static.sound', canonical: 'hiss', value: { breakdown: { silence: 0, tone: 0, rumble: 8, hiss: 92 }, tone_hz: null } },
      ],
      narrative: { intended: { mood: ['calm'] } },
    });
    const file = join(work, 'grown.json');
    const exported = await exportRegistries(grown);
    writeFileSync(file, JSON.stringify(exported));
    grown.close();
    const once = await run('import', '--db', db, file);
    expect(once.code).toBe(0);
    const s1 = JSON.parse(once.stdout) as { added: number; merged: number; unchanged: number };
    // Added: teal and slow discoveries, job, learning, discovery, intended narrative. The mostly-hiss
    // sound is within 10 points of the hiss primitive, so it was a sighting of it: one merge.
    expect(s1.added).toBe(6);
    expect(s1.merged).toBe(1);
    const twice = await run('import', '--db', db, file);
    expect(twice.code).toBe(0);
    expect(JSON.parse(twice.stdout)).toEqual({ added: 0, merged: 0, unchanged: s1.added + s1.merged + s1.unchanged });
    const out = join(work, 'third.json');
    expect((await run('export', '--db', db, '--out', out)).code).toBe(0);
    expect(withoutTime(readFileSync(out, 'utf8'))).toBe(JSON.stringify({ ...exported, exported_at: null }));
  }, 180_000);

  it('a --db store whose port is taken fails with a clear message', async () => {
    const port = Number(readFileSync(join(db, 'mr-port'), 'utf8'));
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', () => r()));
    try {
      const r = await run('export', '--db', db, '--out', join(work, 'never.json'));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`port ${port}`);
      expect(r.stderr).toContain('is busy');
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  }, 60_000);

  it('unknown flags and missing arguments exit 2 with the usage', async () => {
    const a = await run('export', '--bogus');
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('unknown option --bogus');
    const b = await run('import', '--db', db);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('import needs a FILE');
  }, 60_000);
});

describe('bin/lib helpers', () => {
  it('parseArgs: --flag value, --flag=value, booleans, positionals, unknown flags', () => {
    const spec = { db: 'string', out: 'string', rebuild: 'boolean' };
    expect(parseArgs(['--db', 'a', '--out=b.json', '--rebuild', 'x', '--', '--y'], spec)).toEqual({ flags: { db: 'a', out: 'b.json', rebuild: true }, positional: ['x', '--y'] });
    expect(parseArgs(['--no-rebuild'], spec).flags).toEqual({ rebuild: false });
    expect(() => parseArgs(['--nope'], spec)).toThrow(ArgsError);
    expect(() => parseArgs(['--db'], spec)).toThrow(/--db needs a value/);
    expect(() => parseArgs(['--db', '--out', 'x'], spec)).toThrow(/--db needs a value/);
    expect(() => parseArgs(['-x'], spec)).toThrow(/unknown option -x/);
  });

  it('parseJsonText locates errors by line and column', () => {
    expect(() => parseJsonText('{\n  "a": 1,\n  "b": }', 'f.json')).toThrow(/^f\.json:3:8: invalid JSON: unexpected "}"$/);
    expect(() => parseJsonText('[1 2]', 'g.json')).toThrow(/^g\.json:1:4: invalid JSON: expected ',' or ']' in array, got "2"$/);
    expect(() => parseJsonText('{"a":', 'h.json')).toThrow(/^h\.json:1:6: invalid JSON: unexpected end of input$/);
    expect(parseJsonText('{"a": [1, "x\\u00e9"]}', 'ok.json')).toEqual({ a: [1, 'xé'] });
  });

  it('serveStatic serves the build with the right content types and nothing outside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mr-serve-'));
    const files: [string, string][] = [['a.js', 'text/javascript'], ['b.mjs', 'text/javascript'], ['c.wasm', 'application/wasm'], ['d.webmanifest', 'application/manifest+json'], ['e.json', 'application/json'], ['index.html', 'text/html'], ['f.svg', 'image/svg+xml'], ['g.png', 'image/png'], ['h.mp4', 'video/mp4']];
    for (const [f] of files) writeFileSync(join(dir, f), 'x');
    const s = await serveStatic(dir, 0);
    try {
      for (const [f, type] of files) {
        const res = await fetch(`http://127.0.0.1:${s.port}/${f}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain(type);
      }
      expect((await fetch(`http://127.0.0.1:${s.port}/`)).headers.get('content-type')).toContain('text/html');
      expect((await fetch(`http://127.0.0.1:${s.port}/missing.js`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${s.port}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    } finally {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
