// `motion-registries import`: validate a motion-registries/1 file and merge it into a store.
import { readFileSync } from 'node:fs';
import { ArgsError, parseArgs, usageError } from '../lib/args.mjs';
import { JsonParseError, parseJsonText } from '../lib/files.mjs';
import { withSession } from '../lib/session.mjs';

export const summary = 'merge a motion-registries/1 JSON file into a store (validated first; idempotent)';

const usage = `usage: motion-registries import [--db DIR] [--rebuild] FILE

  FILE         a motion-registries/1 export
  --db DIR     the persistent store to merge into (default: a new, empty store)
  --rebuild    build the app before running, even if dist/ exists

Prints {"added", "merged", "unchanged"} on stdout. A file with any problem changes nothing.`;

export async function run(argv) {
  let args;
  try {
    args = parseArgs(argv, { db: 'string', rebuild: 'boolean', help: 'boolean' });
    if (args.flags.help) {
      console.log(usage);
      return 0;
    }
    if (args.positional.length !== 1) throw new ArgsError(args.positional.length === 0 ? 'import needs a FILE' : `unexpected argument "${args.positional[1]}"`);
  } catch (err) {
    if (err instanceof ArgsError) return usageError(usage, err);
    throw err;
  }
  const file = args.positional[0];
  let text;
  try {
    // A byte-order mark (some editors write one) is not part of the JSON; the page strips it too.
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    parseJsonText(text, file);
  } catch (err) {
    if (err instanceof JsonParseError) {
      process.stderr.write(`motion-registries import: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`motion-registries import: cannot read ${file}: ${err.message}\n`);
    return 1;
  }
  const result = await withSession({ db: args.flags.db, rebuild: args.flags.rebuild }, (page) => page.evaluate((t) => window.motionRegistries.importJson(t), text));
  if (!result.ok) {
    process.stderr.write(`motion-registries import: ${file}: ${result.error.message}\nnothing was changed.\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(result.summary)}\n`);
  return 0;
}
