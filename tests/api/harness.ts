// Starts the real Worker (workerd through miniflare) with a local D1 on 127.0.0.1, migrations applied,
// and can stop and restart it on the same database (the fault tests).
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';

const root = join(import.meta.dirname, '..', '..');

/** The tokens every test API is started with. */
export const WRITE_TOKEN = 'test-write-token';
export const READ_TOKEN = 'test-read-token';
export const APP_ORIGIN = 'http://127.0.0.1:4173';

/** The Worker bundled once per process (esbuild, as wrangler would). */
let bundled: Promise<string> | null = null;
export function bundleWorker(): Promise<string> {
  bundled ??= (async () => {
    const out = await build({
      entryPoints: [join(root, 'api/src/index.ts')], bundle: true, format: 'esm', platform: 'neutral', target: 'es2022',
      write: false, logLevel: 'silent', conditions: ['workerd', 'worker', 'browser'],
    });
    const file = out.outputFiles[0];
    if (!file) throw new Error('esbuild produced no output');
    return file.text;
  })();
  return bundled;
}

/** The statements of api/migrations/*.sql, in file order. */
export function migrationStatements(): string[] {
  const dir = join(root, 'api/migrations');
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.sql')).sort()) {
    const sql = readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => !l.trim().startsWith('--')).join('\n');
    for (const s of sql.split(/;\s*(?:\n|$)/)) if (s.trim()) out.push(s.trim());
  }
  return out;
}

/** A running test API. */
export interface TestApi {
  url: string;
  persist: string;
  /** Fetch a path with the write token (or `token`, or none with `token: null`). */
  call(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  /** The D1 database, for checks from outside the Worker. */
  d1(): Promise<D1Like>;
  /** Fetch from an extra worker (by name), inside the runtime. */
  callWorker(name: string, url: string): Promise<Response>;
  stop(): Promise<void>;
  /** Start again on the same database (and, if it is free, the same port). */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

/** The part of D1 the tests use from Node. */
export interface D1Like {
  prepare(sql: string): { bind(...v: unknown[]): { all<T>(): Promise<{ results: T[] }>; first<T>(): Promise<T | null>; run(): Promise<unknown> }; all<T>(): Promise<{ results: T[] }>; first<T>(): Promise<T | null> };
  batch(statements: unknown[]): Promise<unknown>;
}

/** Start the Worker on a fresh local D1 (or `persist`, an existing directory). */
export async function startApi(options: { persist?: string; bindings?: Record<string, string>; extraWorkers?: { name: string; script: string }[] } = {}): Promise<TestApi> {
  const script = await bundleWorker();
  const persist = options.persist ?? mkdtempSync(join(tmpdir(), 'mr-api-'));
  const bindings = { WRITE_TOKEN, READ_TOKEN, APP_ORIGIN, MAX_BODY_BYTES: String(256 * 1024), ...options.bindings };
  let port = 0;
  let mf: Miniflare | null = null;
  let url = '';
  const start = async () => {
    // The first worker answers the socket; extra ones (benchmarks) share the same D1 database.
    const d1Databases = { DB: 'motion-registries' };
    mf = new Miniflare({
      workers: [
        { name: 'api', modules: true, script, compatibilityDate: '2026-04-01', d1Databases, bindings },
        ...(options.extraWorkers ?? []).map((w) => ({ name: w.name, modules: true, script: w.script, compatibilityDate: '2026-04-01', d1Databases })),
      ],
      d1Persist: persist, host: '127.0.0.1', port,
    });
    url = String(await mf.ready).replace(/\/$/, '');
    port = Number(new URL(url).port);
    const db = (await mf.getD1Database('DB')) as unknown as D1Like;
    await db.batch(migrationStatements().map((s) => db.prepare(s)));
  };
  await start();
  const api: TestApi = {
    get url() {
      return url;
    },
    persist,
    call(path, init = {}) {
      const { token = WRITE_TOKEN, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token !== null) headers.set('authorization', `Bearer ${token}`);
      if (rest.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
      return fetch(url + path, { ...rest, headers });
    },
    async d1() {
      if (!mf) throw new Error('the API is stopped');
      return (await mf.getD1Database('DB')) as unknown as D1Like;
    },
    async callWorker(name, target) {
      if (!mf) throw new Error('the API is stopped');
      const worker = await mf.getWorker(name);
      return (await worker.fetch(target)) as unknown as Response;
    },
    async stop() {
      if (mf) await mf.dispose();
      mf = null;
    },
    async restart() {
      await api.stop();
      await start();
    },
    async dispose() {
      await api.stop();
      if (!options.persist) rmSync(persist, { recursive: true, force: true });
    },
  };
  return api;
}
