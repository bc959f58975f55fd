/** A command-line mistake: printed with the usage and exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ParsedArgs {
  readonly positionals: string[];
  /** A flag is true, or false when given as `--flag=false` (geth's boolean flags take `=true`/`=false`). */
  readonly options: Map<string, string | boolean>;
}

/**
 * Splits `--name value`, `--name=value` and bare `--flag` options from
 * positionals. `flags` lists the options that take no value (or `=true`/`=false`).
 */
export function parseArgs(
  argv: readonly string[],
  flags: ReadonlySet<string>,
  known: ReadonlySet<string>,
): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | boolean>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!known.has(name)) throw new UsageError(`unknown option --${name}`);
    if (flags.has(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : 'true';
      if (value !== 'true' && value !== 'false')
        throw new UsageError(`--${name} takes no value other than =true or =false`);
      options.set(name, value === 'true');
    } else if (eq >= 0) {
      options.set(name, arg.slice(eq + 1));
    } else {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
    }
  }
  return { positionals, options };
}
