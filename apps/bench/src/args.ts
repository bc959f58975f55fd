/** Command-line options of the bench app. */

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface BenchOptions {
  /** Engines to run, in the order given. */
  readonly engines: readonly string[];
  /** Only cases whose name matches. */
  readonly filter: RegExp | undefined;
  /** Fewer samples and smaller time budgets: a full run in a few minutes. */
  readonly quick: boolean;
  /** Run each main, micro and call case once more in a fresh process (not with --quick). */
  readonly cold: boolean;
  readonly json: string | undefined;
  readonly markdown: string | undefined;
  readonly saveBaseline: string | undefined;
  readonly compare: string | undefined;
  /** Print the case names (after --filter) and exit. */
  readonly list: boolean;
  readonly help: boolean;
}

export const USAGE = `usage: pnpm bench [options]

  --engines a,b          engines to run, in this order (default: {defaults}; available: {engines})
  --filter REGEX         only cases whose name matches REGEX (e.g. '^call/', 'snailtracer')
  --quick                fewer samples, small time budgets: the whole suite in a few minutes (no cold runs)
  --no-cold              skip the cold runs: the first run of each main, micro and call case
                         and engine in a fresh process (a full run does them after the cases)
  --json FILE            write {"cases":[{case,engine,samples,medianNs,minNs,maxNs,firstRunNs,coldRunNs,gasUsed,verified}]}
  --markdown FILE        write a Markdown report and, next to it, an SVG chart of the speed-ups
  --save-baseline FILE   write this run's medians (same shape as --json) as a baseline
  --compare FILE         compare with a baseline (DTVM rule: > 25 % slower with a baseline >= 5 us
                         regresses; 5 or more regressions fail the run with exit code 1)
  --list                 print the case names and exit
  --help                 this text
`;

const FLAGS = new Set(['quick', 'no-cold', 'list', 'help']);
const VALUED = new Set(['engines', 'filter', 'json', 'markdown', 'save-baseline', 'compare']);

/**
 * Parses `argv` (without node and the script). Accepts `--name value` and
 * `--name=value`. `available` lists the engines the app knows; `defaults` those run without `--engines`.
 * @throws UsageError for an unknown option, a missing value, an unknown engine or a bad REGEX.
 */
export function parseBenchArgs(
  argv: readonly string[],
  available: readonly string[],
  defaults: readonly string[] = available,
): BenchOptions {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    // `pnpm bench -- --quick` passes the `--` through on some pnpm versions.
    if (arg === '--') continue;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument '${arg}'`);
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (FLAGS.has(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
    } else if (VALUED.has(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      values.set(name, value);
    } else {
      throw new UsageError(`unknown option ${arg}`);
    }
  }

  let engines = defaults;
  const engineList = values.get('engines');
  if (engineList !== undefined) {
    engines = engineList.split(',').map((name) => name.trim());
    for (const engine of engines) {
      if (!available.includes(engine)) {
        throw new UsageError(`unknown engine '${engine}' (available: ${available.join(', ')})`);
      }
    }
    if (new Set(engines).size !== engines.length) throw new UsageError('--engines lists an engine twice');
  }

  let filter: RegExp | undefined;
  const filterSource = values.get('filter');
  if (filterSource !== undefined) {
    try {
      filter = new RegExp(filterSource);
    } catch (error) {
      throw new UsageError(`--filter: ${(error as Error).message}`);
    }
  }

  return {
    engines,
    filter,
    quick: flags.has('quick'),
    cold: !flags.has('quick') && !flags.has('no-cold'),
    json: values.get('json'),
    markdown: values.get('markdown'),
    saveBaseline: values.get('save-baseline'),
    compare: values.get('compare'),
    list: flags.has('list'),
    help: flags.has('help'),
  };
}
