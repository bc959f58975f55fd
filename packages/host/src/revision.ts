/**
 * Mainnet revisions in activation order. A revision is a small integer so that
 * `revision >= Revision.Berlin` is a single comparison on the hot path.
 */
export const Revision = {
  Frontier: 0,
  Homestead: 1,
  TangerineWhistle: 2,
  SpuriousDragon: 3,
  Byzantium: 4,
  Constantinople: 5,
  Petersburg: 6,
  Istanbul: 7,
  Berlin: 8,
  London: 9,
  Paris: 10,
  Shanghai: 11,
  Cancun: 12,
  Prague: 13,
  Osaka: 14,
} as const;

export type Revision = (typeof Revision)[keyof typeof Revision];

/** The newest revision this release implements. */
export const LATEST_REVISION: Revision = Revision.Osaka;

/** Kebab-case names, indexed by revision number (the names the CLI and API accept). */
export const REVISION_NAMES: readonly string[] = [
  'frontier',
  'homestead',
  'tangerine-whistle',
  'spurious-dragon',
  'byzantium',
  'constantinople',
  'petersburg',
  'istanbul',
  'berlin',
  'london',
  'paris',
  'shanghai',
  'cancun',
  'prague',
  'osaka',
];

/** Fork names used by ethereum/tests fixtures (retesteth), mapped to revisions. */
const FIXTURE_FORK_NAMES: Record<string, Revision> = {
  Frontier: Revision.Frontier,
  Homestead: Revision.Homestead,
  EIP150: Revision.TangerineWhistle,
  EIP158: Revision.SpuriousDragon,
  Byzantium: Revision.Byzantium,
  Constantinople: Revision.Constantinople,
  ConstantinopleFix: Revision.Petersburg,
  Petersburg: Revision.Petersburg,
  Istanbul: Revision.Istanbul,
  Berlin: Revision.Berlin,
  London: Revision.London,
  Paris: Revision.Paris,
  Merge: Revision.Paris,
  Shanghai: Revision.Shanghai,
  Cancun: Revision.Cancun,
  Prague: Revision.Prague,
  Osaka: Revision.Osaka,
};

/**
 * Parses a revision name: kebab-case (`tangerine-whistle`), case-insensitive,
 * or a fixture fork name (`EIP150`, `ConstantinopleFix`).
 * @throws RangeError naming the field when the name is unknown.
 */
export function parseRevision(name: string, field = 'revision'): Revision {
  if (typeof name !== 'string') throw new TypeError(`${field} must be a string, got ${typeof name}`);
  const index = REVISION_NAMES.indexOf(name.toLowerCase());
  if (index >= 0) return index as Revision;
  const fork = FIXTURE_FORK_NAMES[name];
  if (fork !== undefined) return fork;
  throw new RangeError(`${field}: unknown revision '${name}' (known: ${REVISION_NAMES.join(', ')})`);
}

export function revisionName(revision: Revision): string {
  const name = REVISION_NAMES[revision];
  if (name === undefined) throw new RangeError(`revision: unknown revision number ${revision}`);
  return name;
}
