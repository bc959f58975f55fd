/**
 * Cases the runner skips unless asked to include slow ones (`--include-slow`).
 * Each entry names fixture files by a path fragment (matched against the
 * file's path with `/` separators, at a folder boundary) and says why.
 * Keep it short: a case belongs here only if it is correct but too slow for
 * every run, never because it fails.
 */
export interface SkipEntry {
  /** A path fragment: `folder/` for a whole folder, or `folder/file.json`. */
  readonly path: string;
  readonly reason: string;
}

export const SLOW_CASES: readonly SkipEntry[] = [
  {
    path: 'VMTests/vmPerformance/loopMul.json',
    reason:
      'MUL loops (RUNNING.md: reference runners skip vmPerformance); passes with --include-slow, ~65 s for its 3 cases',
  },
  {
    path: 'VMTests/vmPerformance/loopExp.json',
    reason:
      'EXP loops (RUNNING.md: reference runners skip vmPerformance); passes with --include-slow, ~25 s for its 12 cases',
  },
  {
    path: 'stCreateTest/CreateOOGafterMaxCodesize.json',
    reason:
      'maximum-size deployments until out of gas (RUNNING.md: reference runners skip it); passes with --include-slow, ~6 s',
  },
  {
    path: 'stTimeConsuming/CALLBlake2f_MaxRounds.json',
    reason:
      'one BLAKE2 F call with 2^32-1 rounds, which its gas pays for: about 17 minutes here (10M rounds take 2.3 s); ethereumjs skips it too',
  },
];

/** The skip entry covering `file`, if any. */
export function slowEntryFor(
  file: string,
  entries: readonly SkipEntry[] = SLOW_CASES,
): SkipEntry | undefined {
  const path = `/${file.replaceAll('\\', '/')}`;
  return entries.find((entry) => path.includes(`/${entry.path}`));
}
