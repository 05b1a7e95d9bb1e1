// `motion-registries sync`: push a store's changes to the sync API and pull everyone else's.
import { ArgsError, parseArgs, usageError } from '../lib/args.mjs';
import { withSession } from '../lib/session.mjs';

export const summary = 'push this store to a sync API and pull the others\' changes (docs/sync.md)';

const usage = `usage: motion-registries sync --db DIR --url URL [--token T] [--rebuild]

  --db DIR     the persistent store to sync
  --url URL    the sync API (e.g. http://127.0.0.1:8787 from \`npm run api\`)
  --token T    its bearer token (default: $MR_SYNC_TOKEN)
  --rebuild    build the app before running, even if dist/ exists

Turns sync on for the store (queueing what it already holds), pushes, pulls and merges.
Prints a JSON report {pushed, pulled, cursor, pending}; exit 1 when the API refuses or stays unreachable.`;

/**
 * Let the page reach the API through Node: the CLI's page origin is a random local port the API's
 * CORS (the app's origin only) does not allow, and Node's fetch has no CORS.
 */
export async function exposeSyncFetch(page) {
  await page.exposeFunction('mrSyncFetch', async (url, init) => {
    const res = await fetch(url, { method: init.method, headers: init.headers, body: init.body ?? undefined });
    return { status: res.status, body: await res.text() };
  });
}

/** Validate --url/--token (shared with `loop --sync`). */
export function syncTarget(url, token) {
  if (!url || !/^https?:\/\/\S+$/.test(url)) throw new ArgsError('--url must be an http:// or https:// URL');
  const t = token ?? process.env.MR_SYNC_TOKEN;
  if (!t) throw new ArgsError('--token (or $MR_SYNC_TOKEN) is required');
  return { url, token: t };
}

export async function run(argv) {
  let args;
  let target;
  try {
    args = parseArgs(argv, { db: 'string', url: 'string', token: 'string', rebuild: 'boolean', help: 'boolean' });
    if (args.flags.help) {
      console.log(usage);
      return 0;
    }
    if (args.positional.length > 0) throw new ArgsError(`unexpected argument "${args.positional[0]}"`);
    if (!args.flags.db) throw new ArgsError('--db is required (sync keeps its outbox and cursor in the store)');
    target = syncTarget(args.flags.url, args.flags.token);
  } catch (err) {
    if (err instanceof ArgsError) return usageError(usage, err);
    throw err;
  }
  const result = await withSession({ db: args.flags.db, rebuild: args.flags.rebuild }, async (page) => {
    await exposeSyncFetch(page);
    return page.evaluate((req) => window.motionRegistries.syncRun(req), target);
  });
  if (!result.ok) {
    process.stderr.write(`sync failed: ${result.error}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify({ ...result.report, last_sync: result.status.last_sync }, null, 2)}\n`);
  return 0;
}
