// `create --out` into a folder that does not exist: refused before any build or render, in one line, exit 2
// (it used to render the whole clip, then fail with a raw "ENOENT: … x.mp4.part-NNN").
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'bin/motion-registries.mjs');
const work = mkdtempSync(join(tmpdir(), 'mr-out-folder-'));

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    // MR_DIST points at an empty folder: if the command got as far as the app, it would fail another way.
    execFile(process.execPath, [cli, ...args], { env: { ...process.env, MR_DIST: join(work, 'no-dist') }, cwd: root, timeout: 60_000 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('create: the output folder is checked first', () => {
  it('a missing folder for --out, or a file where the folder should be: one line, exit 2, nothing written', async () => {
    const missing = join(work, 'nope', 'x.mp4');
    const a = await run('create', '--prompt', 'a teal sea', '--out', missing);
    expect(a.code).toBe(2);
    expect(a.stderr.trim().split('\n')).toEqual([`--out: the folder ${join(work, 'nope')} does not exist (create it first, or choose another path)`]);
    writeFileSync(join(work, 'file'), 'x');
    const c = await run('create', '--prompt', 'a teal sea', '--out', join(work, 'file', 'x.mp4'));
    expect(c.code).toBe(2);
    expect(c.stderr.trim()).toBe(`--out: ${join(work, 'file')} is not a folder`);
    expect(readdirSync(work).sort()).toEqual(['file']);
  }, 120_000);
});
