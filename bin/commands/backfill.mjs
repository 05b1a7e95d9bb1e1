// `motion-registries backfill`: repair a store so every job has its learning and discovery records
// (FOUNDATION §10) and nothing left by older versions poisons the loop; prints what changed.
import { ArgsError, parseArgs, usageError } from '../lib/args.mjs';
import { withSession } from '../lib/session.mjs';

export const summary = 'repair a store: missing learning/discovery records, orphan records, unrunnable interpretations';

const usage = `usage: motion-registries backfill --db DIR [--rebuild]

  --db DIR     the persistent store to repair
  --rebuild    build the app before running, even if dist/ exists

Fills in every job's missing learning and discovery record, removes records whose job does not
exist, marks interpretations the loop cannot run (prompt over 10,000 characters, clip over 600 s)
as failed, and gives colours without a depth their depth. Prints
{"learning", "discovery", "orphans_removed", "interpretations_failed", "depths_filled", "diagnostics"}
on stdout; exits 1 if diagnostics still count a missing record.`;

export async function run(argv) {
  let args;
  try {
    args = parseArgs(argv, { db: 'string', rebuild: 'boolean', help: 'boolean' });
    if (args.flags.help) {
      console.log(usage);
      return 0;
    }
    if (args.positional.length > 0) throw new ArgsError(`unexpected argument "${args.positional[0]}"`);
    if (!args.flags.db) throw new ArgsError('backfill needs --db DIR (the store to repair)');
  } catch (err) {
    if (err instanceof ArgsError) return usageError(usage, err);
    throw err;
  }
  const result = await withSession({ db: args.flags.db, rebuild: args.flags.rebuild }, async (page) => page.evaluate(async () => {
    const api = window.motionRegistries;
    const repaired = await api.repairStore();
    const filled = await api.loopBackfill();
    return { ...filled, ...repaired, diagnostics: await api.diagnostics() };
  }));
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return result.diagnostics.missing_learning === 0 && result.diagnostics.missing_discovery === 0 ? 0 : 1;
}
