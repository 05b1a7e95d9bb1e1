#!/usr/bin/env node
// The headless CLI: `motion-registries <command> [options]`. Each command lives in
// bin/commands/<command>.mjs and exports `run(argv) → exit code` and a one-line `summary`.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const commands = readdirSync(join(here, 'commands')).filter((f) => f.endsWith('.mjs')).map((f) => f.slice(0, -4)).sort();

async function usage() {
  const lines = ['usage: motion-registries <command> [options]', '', 'commands:'];
  for (const name of commands) {
    const mod = await import(join(here, 'commands', `${name}.mjs`));
    lines.push(`  ${name.padEnd(10)} ${mod.summary ?? ''}`);
  }
  lines.push('', 'Run `motion-registries <command> --help` for its options.');
  return lines.join('\n');
}

const [name, ...argv] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h' || name === 'help') {
  console.log(await usage());
  process.exit(name ? 0 : 2);
}
if (!commands.includes(name)) {
  console.error(`motion-registries: unknown command "${name}"\n\n${await usage()}`);
  process.exit(2);
}
try {
  const mod = await import(join(here, 'commands', `${name}.mjs`));
  process.exitCode = await mod.run(argv);
} catch (err) {
  console.error(`motion-registries ${name}: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
