// `motion-registries interpret --db DIR` (#14.3): the prompt goes through the app session of that store (real CLI,
// real Chromium, our own build): recorded in the interpretation registry with source user, its mappings counted
// in the linguistic registry, and both in the store's export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Instruction } from '../../src/core/language/instruction.ts';
import type { RegistriesExport } from '../../src/core/registry/export-schema.ts';
import { buildApp } from '../helpers/build-app.ts';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'bin/motion-registries.mjs');
const work = mkdtempSync(join(tmpdir(), 'mr-interpret-db-'));
const dist = join(work, 'dist');
const env = { ...process.env, MR_DIST: dist };

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { env, cwd: root, timeout: 120_000 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(() => {
  buildApp(dist);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('motion-registries interpret --db', () => {
  const db = join(work, 'store');

  it('records the prompt (source user) and its mappings; the export holds them', async () => {
    const prompt = 'a crumbling castle at dusk, slow pan left';
    const r = await run('interpret', prompt, '--db', db, '--compact');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const ins = JSON.parse(r.stdout) as Instruction;
    expect(ins.camera.move).toBe('pan_left');
    expect(ins.narrative.settings).toContain('castle');

    const out = join(work, 'export.json');
    expect((await run('export', '--db', db, '--out', out)).code).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8')) as RegistriesExport;
    const rec = file.interpretation.find((i) => i.prompt === prompt);
    expect(rec).toMatchObject({ source: 'user' });
    // Its mappings counted: the pan it used (built-in) and the setting it learned through WordNet.
    expect(file.linguistic).toContainEqual(expect.objectContaining({ span: 'castle', domain: 'setting', canonical: 'castle', source: 'learned' }));
    expect(file.linguistic.find((m) => m.span === 'dusk' && m.domain === 'setting')?.count).toBeGreaterThanOrEqual(1);
  }, 240_000);

  it('--db with --learned is a usage error, and a prompt over the limit exits 1 with nothing recorded', async () => {
    expect((await run('interpret', 'red', '--db', db, '--learned', 'x.json')).code).toBe(2);
    const huge = await run('interpret', 'a'.repeat(10_001), '--db', db);
    expect(huge.code).toBe(1);
    expect(huge.stderr).toContain('10000');
    const out = join(work, 'after.json');
    expect((await run('export', '--db', db, '--out', out)).code).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8')) as RegistriesExport;
    expect(file.interpretation.filter((i) => i.source === 'user').map((i) => i.prompt)).toEqual(['a crumbling castle at dusk, slow pan left']);
  }, 180_000);
});
