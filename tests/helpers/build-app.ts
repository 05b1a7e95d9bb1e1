// The built app the CLI and page tests run: one `vite build` into a test's own directory (never the repo's dist/,
// which a developer's `npm run build` owns), failing with vite's own error text.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** Build the app into `dist` with `env` (throws with vite's stderr if the build fails). */
export function buildApp(dist: string, env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`vite build failed: ${r.stderr}`);
}
