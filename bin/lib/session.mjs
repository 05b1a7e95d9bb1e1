// A headless session: the built app served on 127.0.0.1, the system Chromium driving headless.html,
// and `window.motionRegistries` ready for the command's callback. Everything is closed afterwards.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumPath, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';
import { serveStatic } from './serve.mjs';

/** The repository root (where vite.config.ts and dist/ are). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The built app: $MR_DIST when set (tests build their own), else dist/. */
export function distDir() {
  return resolve(process.env.MR_DIST || join(REPO_ROOT, 'dist'));
}

/** The newest modification time (ms) of the app's build inputs: src/, workers/, public/, the HTML entries, the Vite config, the service-worker script and the lockfile. */
export function newestSourceTime(root = REPO_ROOT) {
  let newest = 0;
  const visit = (path) => {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const entry of ['src', 'workers', 'public', 'index.html', 'headless.html', 'vite.config.ts', 'scripts/build-sw.mjs', 'package-lock.json']) visit(join(root, entry));
  return newest;
}

/**
 * Build the app with Vite when dist has no headless.html, when the default dist/ is older than the sources (a
 * `git pull` must not leave the CLI running yesterday's build silently), or always with `rebuild`. A dist named
 * by $MR_DIST is the caller's (tests and benchmarks build their own) and is only built when missing.
 * Build output goes to stderr.
 */
export function ensureBuilt({ rebuild = false } = {}) {
  const dist = distDir();
  const built = statSync(join(dist, 'headless.html'), { throwIfNoEntry: false });
  const stale = built !== undefined && !process.env.MR_DIST && newestSourceTime() > built.mtimeMs;
  if (!rebuild && built && !stale) return dist;
  process.stderr.write(stale ? `the sources changed since ${dist} was built; rebuilding…\n` : `building the app into ${dist}…\n`);
  const vite = join(REPO_ROOT, 'node_modules', '.bin', 'vite');
  const r = spawnSync(vite, ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status ?? r.signal}); run "npm run build" to see why`);
  return dist;
}

/** The port file of a --db directory: IndexedDB is per origin, so a store must always be served on one port. */
function portFile(dbDir) {
  return join(dbDir, 'mr-port');
}

async function serveFor(dist, dbDir) {
  if (!dbDir) return serveStatic(dist, 0);
  const file = portFile(dbDir);
  if (existsSync(file)) {
    const port = Number(readFileSync(file, 'utf8').trim());
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`${file} does not hold a port number`);
    try {
      return await serveStatic(dist, port);
    } catch (err) {
      if (err && err.code === 'EADDRINUSE') {
        throw new Error(`port ${port} (stored in ${file}: this store lives at http://127.0.0.1:${port}) is busy; is another motion-registries command using --db ${dbDir}? Free the port and retry.`, { cause: err });
      }
      throw err;
    }
  }
  const served = await serveStatic(dist, 0);
  writeFileSync(file, `${served.port}\n`);
  return served;
}

/**
 * Run `fn(page)` with the app loaded and `window.motionRegistries` ready. `db`: a directory for a
 * persistent store (Chromium profile in DIR/chromium, origin port in DIR/mr-port); without it the
 * store is fresh and thrown away. `rebuild`: build the app first even if dist exists.
 * MR_DEBUG=1 forwards the page's console errors to stderr.
 */
export async function withSession({ db, rebuild = false } = {}, fn) {
  const dist = ensureBuilt({ rebuild });
  const dbDir = db ? resolve(db) : null;
  if (dbDir) mkdirSync(dbDir, { recursive: true });
  const served = await serveFor(dist, dbDir);
  let browser = null;
  let context = null;
  const closeAll = async () => {
    await context?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await served.close();
  };
  const onSigint = () => {
    closeAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSigint);
  process.once('SIGTERM', onSigint);
  try {
    const launch = { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS };
    if (dbDir) context = await chromium.launchPersistentContext(join(dbDir, 'chromium'), launch);
    else {
      browser = await chromium.launch(launch);
      context = await browser.newContext();
    }
    const page = context.pages()[0] ?? (await context.newPage());
    if (process.env.MR_DEBUG === '1') {
      page.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') process.stderr.write(`[page ${msg.type()}] ${msg.text()}\n`);
      });
      page.on('pageerror', (err) => process.stderr.write(`[page error] ${err.stack ?? err.message}\n`));
    }
    await page.goto(`http://127.0.0.1:${served.port}/headless.html`);
    await page.waitForFunction(() => typeof window.motionRegistries === 'object' && window.motionRegistries !== null, null, { timeout: 60_000 });
    return await fn(page);
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
    await closeAll();
  }
}
