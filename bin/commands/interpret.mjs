// `motion-registries interpret "TEXT"`: print the prompt's instruction/1 JSON. The interpreter is pure
// TypeScript (src/core/language), so it runs here in Node through one esbuild bundle, no browser needed.
import { readFileSync } from 'node:fs';
import { ArgsError, parseArgs, usageError } from '../lib/args.mjs';
import { loadCore } from '../lib/core-bundle.mjs';
import { readJsonFile } from '../lib/files.mjs';

export const summary = 'interpret an English prompt (dialect and slang too) and print its instruction/1 JSON';

const usage = `usage: motion-registries interpret "TEXT" [options]
       motion-registries interpret - < prompt.txt

  TEXT             the prompt (one argument; quote it), or - to read it from stdin
  --learned FILE   a JSON array of learned linguistic mappings {span, canonical, domain, variant, source} to use
  --full           print {instruction, used, learned} instead of the instruction alone
  --compact        one line of JSON instead of indented

Exit codes: 0 printed; 1 the prompt cannot be interpreted (longer than 10 000 characters); 2 usage
(no prompt, an empty prompt, bad options).`;

export async function run(argv) {
  let args;
  let prompt;
  let learned = [];
  try {
    args = parseArgs(argv, { learned: 'string', full: 'boolean', compact: 'boolean', help: 'boolean' });
    if (args.flags.help) {
      console.log(usage);
      return 0;
    }
    if (args.positional.length !== 1) throw new ArgsError(args.positional.length === 0 ? 'give the prompt as one argument (quote it), or - for stdin' : `give the prompt as ONE argument (quote it); got ${args.positional.length}`);
    prompt = args.positional[0] === '-' ? readFileSync(0, 'utf8').replace(/\r?\n$/, '') : args.positional[0];
    if (prompt.trim() === '') throw new ArgsError('the prompt is empty');
    if (args.flags.learned) {
      learned = readJsonFile(args.flags.learned);
      if (!Array.isArray(learned)) throw new ArgsError(`${args.flags.learned} does not hold a JSON array of mappings`);
    }
  } catch (err) {
    if (err instanceof ArgsError) return usageError(usage, err);
    throw err;
  }
  const { interpret } = await loadCore('src/core/language/interpret.ts');
  let result;
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
