// Which statuses hand the frame's remaining gas back to the caller.
import { describe, expect, it } from 'vitest';
import { keepsGas, type Status } from './index.js';

const EXCEPTIONAL_HALTS: readonly Status[] = [
  'out-of-gas',
  'invalid-instruction',
  'undefined-instruction',
  'stack-underflow',
  'stack-overflow',
  'bad-jump-destination',
  'static-mode-violation',
  'precompile-failure',
  'invalid-memory-access',
  'contract-validation-failure',
  'create-collision',
  'insufficient-balance',
  'call-depth-exceeded',
];

describe('keepsGas', () => {
  it('keeps gas after success and REVERT (EIP-140)', () => {
    expect(keepsGas('success')).toBe(true);
    expect(keepsGas('revert')).toBe(true);
  });

  it.each(EXCEPTIONAL_HALTS)('consumes all gas after %s', (status) => {
    expect(keepsGas(status)).toBe(false);
  });
});
