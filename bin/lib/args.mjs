// A tiny argv parser: `--flag value`, `--flag=value`, boolean `--flag`, `--no-flag`, positionals, `--` ends flags.

/** A command-line mistake: the CLI prints it with the command's usage and exits 2. */
export class ArgsError extends Error {
  name = 'ArgsError';
}

/**
 * Parse argv against `spec` ({ name: 'string' | 'boolean' }).
 * Returns { flags, positional }; unknown flags and missing values throw ArgsError.
 */
export function parseArgs(argv, spec) {
  const flags = {};
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '--') {
      if (arg.startsWith('-') && arg.length > 1 && arg !== '-') {
        if (arg === '-h' && spec.help === 'boolean') {
          flags.help = true;
          continue;
        }
        throw new ArgsError(`unknown option ${arg}`);
      }
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    let name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    let negated = false;
    if (!(name in spec) && name.startsWith('no-') && spec[name.slice(3)] === 'boolean') {
      name = name.slice(3);
      negated = true;
    }
    const type = spec[name];
    if (!type) throw new ArgsError(`unknown option --${name}`);
    if (type === 'boolean') {
      if (inline !== undefined) {
        if (!['true', 'false', '1', '0'].includes(inline)) throw new ArgsError(`--${name} takes no value (or true/false), got "${inline}"`);
        flags[name] = inline === 'true' || inline === '1';
      } else flags[name] = !negated;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new ArgsError(`--${name} needs a value`);
      i++;
    }
    if (value === '') throw new ArgsError(`--${name} needs a non-empty value`);
    flags[name] = value;
  }
  return { flags, positional };
}

/** Print an argument error and the command's usage to stderr; returns exit code 2. */
export function usageError(usage, err) {
  process.stderr.write(`${err.message}\n\n${usage}\n`);
  return 2;
}
