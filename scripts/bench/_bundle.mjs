// Benchmarks import the TypeScript sources through one esbuild bundle per entry (no ts runtime needed).
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Bundles `entry` (a .ts path from the repo root) for Node and imports it. */
export async function importTs(entry) {
  const root = join(import.meta.dirname, '..', '..');
  const outdir = join(root, '.bench', 'bundles');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, basename(entry).replace(/\.ts$/, '.mjs'));
  await build({ entryPoints: [join(root, entry)], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  return import(pathToFileURL(outfile).href + `?t=${Date.now()}`);
}

/** Runs fn repeatedly for at least `ms` and returns calls per second. */
export function rate(fn, ms = 1000) {
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    fn();
    n++;
    t = performance.now();
  }
  return (n * 1000) / (t - t0);
}
