// `motion-registries export`: write the registries to a motion-registries/1 JSON file.
import { ArgsError, parseArgs, usageError } from '../lib/args.mjs';
import { writeFileAtomic } from '../lib/files.mjs';
import { withSession } from '../lib/session.mjs';

export const summary = 'write every registry to a motion-registries/1 JSON file';

const usage = `usage: motion-registries export [--db DIR] [--out FILE] [--rebuild]

  --db DIR     the persistent store to export (default: a new, empty store)
  --out FILE   where to write the JSON (default: stdout)
  --rebuild    build the app before running, even if dist/ exists`;

export async function run(argv) {
  let args;
  try {
    args = parseArgs(argv, { db: 'string', out: 'string', rebuild: 'boolean', help: 'boolean' });
    if (args.positional.length > 0) throw new ArgsError(`unexpected argument "${args.positional[0]}"`);
  } catch (err) {
    if (err instanceof ArgsError) return usageError(usage, err);
    throw err;
  }
  if (args.flags.help) {
    console.log(usage);
    return 0;
  }
  const text = await withSession({ db: args.flags.db, rebuild: args.flags.rebuild }, (page) => page.evaluate(() => window.motionRegistries.exportJson()));
  if (args.flags.out) {
    writeFileAtomic(args.flags.out, `${text}\n`);
    process.stderr.write(`wrote ${args.flags.out}\n`);
  } else process.stdout.write(`${text}\n`);
  return 0;
}
