// `motion-registries loop`: run N jobs of a workflow in the headless page, then export the registries.
import { ArgsError, parseArgs, usageError } from '../lib/args.mjs';
import { writeFileAtomic } from '../lib/files.mjs';
import { withSession } from '../lib/session.mjs';
import { exposeSyncFetch, syncTarget } from './sync.mjs';

export const summary = 'run jobs of the loop (make, measure, grow), then export';

const WORKFLOWS = ['frame-explorer', 'frame-exploiter', 'window', 'all'];

const usage = `usage: motion-registries loop --runs N --workflow WORKFLOW [--exploit R] [--seed S] [--db DIR] [--out FILE] [--rebuild]

  --runs N          jobs to run (a positive integer)
  --workflow W      frame-explorer | frame-exploiter | window | all
  --exploit R       0–1: how often a known prompt is reused (window, all; default 0.3)
  --seed S          seed of prompt choice and specs (default: from the time)
  --db DIR          the persistent store to grow (default: a new, empty store)
  --out FILE        write the motion-registries/1 export here at the end
  --rebuild         build the app before running, even if dist/ exists
  --sync URL        sync with this API before and after the run (needs --db; docs/sync.md)
  --token T         the sync API's token (default: $MR_SYNC_TOKEN)

Progress goes to stderr; a JSON summary (jobs/minute, diagnostics, agreement per field) to stdout.
Three failed jobs in a row stop the run (exit 1); a single failed job is reported and skipped.`;

export async function run(argv) {
  let args;
  try {
    args = parseArgs(argv, { runs: 'string', workflow: 'string', exploit: 'string', seed: 'string', db: 'string', out: 'string', rebuild: 'boolean', help: 'boolean', sync: 'string', token: 'string' });
    if (args.flags.help) {
      console.log(usage);
      return 0;
    }
    if (args.positional.length > 0) throw new ArgsError(`unexpected argument "${args.positional[0]}"`);
    const runs = Number(args.flags.runs);
    if (!Number.isInteger(runs) || runs <= 0) throw new ArgsError('--runs must be a positive integer');
    if (!WORKFLOWS.includes(args.flags.workflow)) throw new ArgsError(`--workflow must be one of ${WORKFLOWS.join(', ')}`);
    const exploit = args.flags.exploit === undefined ? undefined : Number(args.flags.exploit);
    if (exploit !== undefined && !(exploit >= 0 && exploit <= 1)) throw new ArgsError('--exploit must be a number 0–1');
    if (args.flags.sync !== undefined && !args.flags.db) throw new ArgsError('--sync needs --db (the outbox and cursor live in the store)');
    args.sync = args.flags.sync === undefined ? null : syncTarget(args.flags.sync, args.flags.token);
    args.req = { runs, workflow: args.flags.workflow, ...(exploit !== undefined ? { exploit } : {}), ...(args.flags.seed ? { seed: args.flags.seed } : {}) };
  } catch (err) {
    if (err instanceof ArgsError) return usageError(usage, err);
    throw err;
  }
  const { result, text } = await withSession({ db: args.flags.db, rebuild: args.flags.rebuild }, async (page) => {
    await page.exposeFunction('mrLoopProgress', (line) => process.stderr.write(`${line}\n`));
    const sync = async (when) => {
      if (!args.sync) return true;
      const r = await page.evaluate((req) => window.motionRegistries.syncRun(req), args.sync);
      process.stderr.write(r.ok ? `sync ${when}: pushed ${r.report.pushed}, pulled ${r.report.pulled}, pending ${r.report.pending}\n` : `sync ${when} failed: ${r.error}\n`);
      return r.ok;
    };
    if (args.sync) await exposeSyncFetch(page);
    const syncedBefore = await sync('before');
    const result = await page.evaluate((req) => window.motionRegistries.loopRun(req), args.req);
    const syncedAfter = await sync('after');
    if (args.sync) result.synced = syncedBefore && syncedAfter;
    const text = args.flags.out ? await page.evaluate(() => window.motionRegistries.exportJson()) : null;
    return { result, text };
  });
  if (args.flags.out) {
    writeFileAtomic(args.flags.out, `${text}\n`);
    process.stderr.write(`wrote ${args.flags.out}\n`);
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  const d = result.diagnostics;
  return result.completed > 0 && !result.stopped && d.missing_learning === 0 && d.missing_discovery === 0 && result.synced !== false ? 0 : 1;
}
