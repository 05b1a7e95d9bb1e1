// The CLI rebuilds the default dist/ when the sources are newer than its build: newestSourceTime must see a change
// anywhere under src/ (nested), in the HTML entries and in the Vite config, and ignore files outside them.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM without types
import { newestSourceTime } from '../../bin/lib/session.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'mr-stale-'));
  dirs.push(root);
  mkdirSync(join(root, 'src', 'core', 'deep'), { recursive: true });
  mkdirSync(join(root, 'workers'), { recursive: true });
  for (const f of ['src/a.ts', 'src/core/deep/b.ts', 'workers/analyze.worker.ts', 'index.html', 'vite.config.ts', 'README.md']) {
    writeFileSync(join(root, f), 'x');
    utimesSync(join(root, f), 1_000, 1_000);
  }
  return root;
}

describe('newestSourceTime', () => {
  it('is the newest mtime of the app sources, nested files included', () => {
    const root = tree();
    expect(newestSourceTime(root)).toBe(1_000_000);
    utimesSync(join(root, 'src/core/deep/b.ts'), 5_000, 5_000);
    expect(newestSourceTime(root)).toBe(5_000_000);
    utimesSync(join(root, 'vite.config.ts'), 9_000, 9_000);
    expect(newestSourceTime(root)).toBe(9_000_000);
    utimesSync(join(root, 'workers/analyze.worker.ts'), 12_000, 12_000); // workers are imported by URL, still build inputs
    expect(newestSourceTime(root)).toBe(12_000_000);
  });

  it('ignores files that are not sources of the build', () => {
    const root = tree();
    utimesSync(join(root, 'README.md'), 50_000, 50_000);
    expect(newestSourceTime(root)).toBe(1_000_000);
  });
});
