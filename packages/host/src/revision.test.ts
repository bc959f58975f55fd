// Revision names and numbers: the order is mainnet's activation order, so that
// `revision >= Revision.Berlin` means "Berlin rules apply".
import { describe, expect, it } from 'vitest';
import { LATEST_REVISION, parseRevision, REVISION_NAMES, Revision, revisionName } from './index.js';

describe('Revision', () => {
  it('numbers revisions 0.. in activation order', () => {
    const numbers = Object.values(Revision);
    expect(numbers).toEqual(numbers.map((_, index) => index));
    expect(Revision.Frontier).toBe(0);
    expect(Revision.Berlin).toBeGreaterThan(Revision.Istanbul);
    expect(Revision.Osaka).toBeGreaterThan(Revision.Prague);
  });

  it('has one kebab-case name per revision and the latest is the last', () => {
    expect(REVISION_NAMES).toHaveLength(Object.keys(Revision).length);
    expect(LATEST_REVISION).toBe(REVISION_NAMES.length - 1);
    for (const name of REVISION_NAMES) expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});

describe('parseRevision', () => {
  it('reads every kebab-case name back to its number', () => {
    REVISION_NAMES.forEach((name, revision) => {
      expect(parseRevision(name)).toBe(revision);
      expect(revisionName(revision as Revision)).toBe(name);
    });
  });

  it('ignores case', () => {
    expect(parseRevision('Cancun')).toBe(Revision.Cancun);
    expect(parseRevision('TANGERINE-WHISTLE')).toBe(Revision.TangerineWhistle);
  });

  it('reads the fork names of ethereum/tests fixtures', () => {
    expect(parseRevision('EIP150')).toBe(Revision.TangerineWhistle);
    expect(parseRevision('EIP158')).toBe(Revision.SpuriousDragon);
    expect(parseRevision('ConstantinopleFix')).toBe(Revision.Petersburg);
    expect(parseRevision('Merge')).toBe(Revision.Paris);
    expect(parseRevision('Paris')).toBe(Revision.Paris);
  });

  it('refuses an unknown name with a RangeError naming the field and listing the known names', () => {
    expect(() => parseRevision('amsterdam')).toThrow(RangeError);
    expect(() => parseRevision('amsterdam')).toThrow(/^revision: unknown revision 'amsterdam'/);
    expect(() => parseRevision('amsterdam')).toThrow(/known: frontier, homestead/);
    expect(() => parseRevision('', 'fork')).toThrow(/^fork: /);
  });

  it('refuses a fixture name in the wrong case (fixtures spell them exactly)', () => {
    expect(() => parseRevision('eip150')).toThrow(RangeError);
  });

  it('refuses a name that is not a string with a TypeError naming the field', () => {
    expect(() => parseRevision(12 as unknown as string)).toThrow(TypeError);
    expect(() => parseRevision(undefined as unknown as string, 'options.revision')).toThrow(
      /^options\.revision must be a string, got undefined$/,
    );
  });
});

describe('revisionName', () => {
  it('refuses a number past the latest revision or below Frontier', () => {
    expect(() => revisionName((LATEST_REVISION + 1) as Revision)).toThrow(RangeError);
    expect(() => revisionName(-1 as Revision)).toThrow(/^revision: unknown revision number -1$/);
  });
});
