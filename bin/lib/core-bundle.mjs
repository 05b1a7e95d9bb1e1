// Pure TypeScript modules of src/core loaded in Node: esbuild bundles them into one temporary ES module
// (no browser needed, no build step to remember), imported once and deleted.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The named exports of the given src/ modules (paths relative to the repo root), as one module namespace. */
export async function loadCore(...modules) {
  const { build } = await import('esbuild');
  const outdir = join(root, 'node_modules', '.cache', 'motion-registries');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, `core-${process.pid}-${Date.now()}.mjs`);
  const contents = modules.map((m) => `export * from ${JSON.stringify(`./${m}`)};`).join('\n');
  await build({ stdin: { contents, resolveDir: root, loader: 'js' }, bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(outfile, { force: true });
  }
}
