import { describe, expect, it } from 'vitest';
import { evaluate, run } from './test/harness.js';

describe('harness', () => {
  it('adds', () => {
    expect(evaluate('PUSH1 2 PUSH1 3 ADD')).toBe(5n);
  });
  it('reports gas used', () => {
    expect(run({ code: 'PUSH1 1 PUSH1 2 ADD POP STOP', revision: 'cancun' }).gasUsed).toBe(11n);
  });
});
