// `motion-registries interpret "TEXT"`: print the prompt's instruction/1 JSON. The interpreter is pure
// TypeScript (src/core/language), so it runs here in Node through one esbuild bundle, no browser needed.
// With --db the prompt goes through the app session of that store instead (headless Chromium): interpreted with
// what the store has learned, and recorded in its interpretation registry (source user) with its mappings counted.
import { readFileSync } from 'node:fs';
import { ArgsError, parseArgs, usageError } from '../lib/args.mjs';
import { loadCore } from '../lib/core-bundle.mjs';
import { readJsonFile } from '../lib/files.mjs';
import { withSession } from '../lib/session.mjs';

export const summary = 'interpret an English prompt (dialect and slang too) and print its instruction/1 JSON';

const usage = `usage: motion-registries interpret "TEXT" [options]
       motion-registries interpret - < prompt.txt

  TEXT             the prompt (one argument; quote it), or - to read it from stdin
  --learned FILE   a JSON array of learned linguistic mappings {span, canonical, domain, variant, source} to use
  --db DIR         interpret with what the store in DIR has learned and record the prompt there (source user)
  --rebuild        with --db: build the app before running, even if dist/ exists
  --full           print {instruction, used, learned} instead of the instruction alone
  --compact        one line of JSON instead of indented

Exit codes: 0 printed; 1 the prompt cannot be interpreted (longer than 10 000 characters); 2 usage
(no prompt, an empty prompt, bad options).`;

export async function run(argv) {
  let args;
  let prompt;
  let learned = [];
  try {
    args = parseArgs(argv, { learned: 'string', db: 'string', rebuild: 'boolean', full: 'boolean', compact: 'boolean', help: 'boolean' });
    if (args.flags.help) {
      console.log(usage);
      return 0;
    }
    if (args.positional.length !== 1) throw new ArgsError(args.positional.length === 0 ? 'give the prompt as one argument (quote it), or - for stdin' : `give the prompt as ONE argument (quote it); got ${args.positional.length}`);
    prompt = args.positional[0] === '-' ? readFileSync(0, 'utf8').replace(/\r?\n$/, '') : args.positional[0];
    if (prompt.trim() === '') throw new ArgsError('the prompt is empty');
    if (args.flags.db && args.flags.learned) throw new ArgsError('--learned and --db do not go together: with --db the store\'s learned mappings are used');
    if (args.flags.rebuild && !args.flags.db) throw new ArgsError('--rebuild needs --db');
    if (args.flags.learned) {
      learned = readJsonFile(args.flags.learned);
      if (!Array.isArray(learned)) throw new ArgsError(`${args.flags.learned} does not hold a JSON array of mappings`);
    }
  } catch (err) {
    if (err instanceof ArgsError) return usageError(usage, err);
    throw err;
  }
  let result;
  if (args.flags.db) {
    const { MAX_PROMPT_CHARS } = await loadCore('src/core/language/interpret.ts');
    if (prompt.length > MAX_PROMPT_CHARS) {
      process.stderr.write(`motion-registries interpret: prompt is ${prompt.length} characters; the limit is ${MAX_PROMPT_CHARS}\n`);
      return 1;
    }
    result = await withSession({ db: args.flags.db, rebuild: args.flags.rebuild }, (page) => page.evaluate((p) => window.motionRegistries.interpretRecord(p), prompt));
    const out = args.flags.full ? result : result.instruction;
    process.stdout.write(JSON.stringify(out, null, args.flags.compact ? 0 : 2) + '\n');
    return 0;
  }
  const { interpret } = await loadCore('src/core/language/interpret.ts');
  try {
    result = interpret(prompt, { learned });
  } catch (err) {
    if (err && err.name === 'PromptTooLongError') {
      process.stderr.write(`motion-registries interpret: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const out = args.flags.full ? result : result.instruction;
  process.stdout.write(JSON.stringify(out, null, args.flags.compact ? 0 : 2) + '\n');
  return 0;
}
