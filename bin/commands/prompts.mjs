// `motion-registries prompts --count N --seed S`: procedural prompts as JSON Lines {prompt, instruction,
// expressed}. The generator and interpreter are pure TypeScript (src/core), run here in Node.
import { ArgsError, parseArgs, usageError } from '../lib/args.mjs';
import { loadCore } from '../lib/core-bundle.mjs';

export const summary = 'write procedural prompts as JSON Lines {prompt, instruction, expressed}';

const MAX_COUNT = 1_000_000;

const usage = `usage: motion-registries prompts --count N [--seed S]

  --count N   how many prompts (1–${MAX_COUNT.toLocaleString('en')}); all different
  --seed S    any text; the same seed gives the same prompts (default: a random one, printed on stderr)

Each line: {"prompt", "instruction" (the prompt interpreted, instruction/1), "expressed" (the fields the
prompt was written to express; the instruction agrees with them)}. Prompts are drawn from the origin
primitives (what a fresh registry knows). Exit codes: 0 written; 2 usage (bad count, bad options).`;

export async function run(argv) {
  let count;
  let seed;
  try {
    const args = parseArgs(argv, { count: 'string', seed: 'string', help: 'boolean' });
    if (args.flags.help) {
      console.log(usage);
      return 0;
    }
    if (args.positional.length) throw new ArgsError(`unexpected argument "${args.positional[0]}"`);
    if (args.flags.count === undefined) throw new ArgsError('--count is required');
    if (!/^\d+$/.test(args.flags.count) || +args.flags.count < 1 || +args.flags.count > MAX_COUNT) {
      throw new ArgsError(`--count must be a whole number from 1 to ${MAX_COUNT}, got "${args.flags.count}"`);
    }
    count = Number(args.flags.count);
    seed = args.flags.seed ?? Math.random().toString(36).slice(2, 10);
    if (args.flags.seed === undefined) process.stderr.write(`seed ${seed}\n`);
  } catch (err) {
    if (err instanceof ArgsError) return usageError(usage, err);
    throw err;
  }
  const { generate, interpret, primitiveKnowledge } = await loadCore('src/core/language/generate-prompt.ts', 'src/core/language/interpret.ts', 'src/core/plan/primitive-knowledge.ts');
  // A reader that stops early (`| head`) is not an error: stop writing, quietly.
  process.stdout.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  const knowledge = primitiveKnowledge();
  const seen = new Set();
  let buffer = '';
  for (let i = 0; i < count; i++) {
    const g = generate(`${seed}:${i}`, knowledge, seen);
    seen.add(g.prompt);
    buffer += JSON.stringify({ prompt: g.prompt, instruction: interpret(g.prompt).instruction, expressed: g.expressed }) + '\n';
    // Flush in chunks, respecting backpressure, so a million prompts stream without holding them all.
    if (buffer.length > 1 << 16) {
      if (!process.stdout.write(buffer)) await new Promise((r) => process.stdout.once('drain', r));
      buffer = '';
    }
  }
  process.stdout.write(buffer);
  return 0;
}
