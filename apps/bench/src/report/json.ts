/** The `--json` / `--save-baseline` file, and reading it back for `--compare`. */
import type { MedianRow } from '../regression.js';
import type { CaseResult } from '../runner.js';

export interface JsonCase {
  readonly case: string;
  readonly engine: string;
  readonly samples: number;
  readonly medianNs: number | null;
  readonly minNs: number | null;
  readonly maxNs: number | null;
  /** The verified run: this engine's first run of the code in the process. */
  readonly firstRunNs: number | null;
  /** The same run in a fresh process (null where not measured). */
  readonly coldRunNs: number | null;
  readonly gasUsed: number | null;
  readonly verified: boolean;
}

export interface JsonReport {
  readonly cases: readonly JsonCase[];
}

function roundNs(ns: number | undefined): number | null {
  return ns === undefined ? null : Math.round(ns * 10) / 10;
}

export function toJson(results: readonly CaseResult[]): JsonReport {
  return {
    cases: results.map((result) => ({
      case: result.case,
      engine: result.engine,
      samples: result.samplesNs.length,
      medianNs: roundNs(result.summary?.medianNs),
      minNs: roundNs(result.summary?.minNs),
      maxNs: roundNs(result.summary?.maxNs),
      firstRunNs: roundNs(result.firstRunNs),
      coldRunNs: roundNs(result.coldRunNs),
      gasUsed: result.gasUsed === null ? null : Number(result.gasUsed),
      verified: result.verified,
    })),
  };
}

/** Reads the medians of a `--json` or `--save-baseline` file. @throws Error naming the file on a bad shape. */
export function parseBaseline(text: string, file: string): MedianRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message})`);
  }
  const cases = (data as { cases?: unknown } | null)?.cases;
  if (!Array.isArray(cases)) throw new Error(`${file}: expected {"cases":[…]}`);
  return cases.map((row: unknown, i) => {
    const entry = row as Partial<JsonCase> | null;
    if (
      typeof entry?.case !== 'string' ||
      typeof entry.engine !== 'string' ||
      !(typeof entry.medianNs === 'number' || entry.medianNs === null)
    ) {
      throw new Error(`${file}: cases[${i}] needs "case", "engine" and "medianNs"`);
    }
    return {
      case: entry.case,
      engine: entry.engine,
      medianNs: entry.verified === false ? null : entry.medianNs,
    };
  });
}
