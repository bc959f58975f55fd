// Opcodes do not exist before their fork: the byte is an undefined
// instruction that consumes all gas, the way it was on mainnet then.
import { Revision } from '@tandem-evm/host';
import { describe, expect, it } from 'vitest';
import { run } from './test/run.js';

const R = Revision;

/** [opcode, the fork that brought it, code that runs it with its inputs]. */
const ARRIVALS: [string, Revision, string][] = [
  ['DELEGATECALL', R.Homestead, 'PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 DELEGATECALL'],
  ['REVERT', R.Byzantium, 'PUSH1 0 PUSH1 0 REVERT'],
  ['RETURNDATASIZE', R.Byzantium, 'RETURNDATASIZE'],
  ['STATICCALL', R.Byzantium, 'PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 STATICCALL'],
  ['SHL', R.Constantinople, 'PUSH1 1 PUSH1 1 SHL'],
  ['SAR', R.Constantinople, 'PUSH1 1 PUSH1 1 SAR'],
  ['EXTCODEHASH', R.Constantinople, 'PUSH1 0 EXTCODEHASH'],
  ['CHAINID', R.Istanbul, 'CHAINID'],
  ['SELFBALANCE', R.Istanbul, 'SELFBALANCE'],
  ['BASEFEE', R.London, 'BASEFEE'],
  ['PUSH0', R.Shanghai, 'PUSH0'],
  ['TLOAD', R.Cancun, 'PUSH1 0 TLOAD'],
  ['MCOPY', R.Cancun, 'PUSH1 0 PUSH1 0 PUSH1 0 MCOPY'],
  ['BLOBHASH', R.Cancun, 'PUSH1 0 BLOBHASH'],
  ['BLOBBASEFEE', R.Cancun, 'BLOBBASEFEE'],
  ['CLZ', R.Osaka, 'PUSH1 0 CLZ'],
];

describe('opcodes absent before their revision', () => {
  it.each(ARRIVALS)('%s is undefined before revision %i and runs from it', (_name, since, code) => {
    const before = run(code, { revision: (since - 1) as Revision, gas: 100_000n });
    expect(before.status).toBe('undefined-instruction');
    expect(before.gasLeft).toBe(0n);
    const from = run(code, { revision: since, gas: 100_000n });
    expect(from.status).not.toBe('undefined-instruction');
  });
});

describe('repriced opcodes', () => {
  const sload = 'PUSH1 0 SLOAD';

  it('SLOAD costs 50, 200, 800, then 2100 cold and 100 warm', () => {
    const gas = (revision: Revision) => run(sload, { revision }).gasUsed - 3n;
    expect([R.Homestead, R.TangerineWhistle, R.Istanbul, R.Berlin].map(gas)).toEqual([
      50n,
      200n,
      800n,
      2100n,
    ]);
    expect(run(`${sload} ${sload}`, { revision: R.Berlin }).gasUsed).toBe(3n + 2100n + 3n + 100n);
  });

  it('BALANCE of another account: 20, 400, 700, then 2600 cold and 100 warm', () => {
    const balance = 'PUSH2 0xbeef BALANCE';
    const gas = (revision: Revision) => run(balance, { revision }).gasUsed - 3n;
    expect([R.Frontier, R.TangerineWhistle, R.Istanbul, R.Berlin].map(gas)).toEqual([20n, 400n, 700n, 2600n]);
    expect(run(`${balance} ${balance}`, { revision: R.Berlin }).gasUsed).toBe(3n + 2600n + 3n + 100n);
  });

  it('EXP charges 50 per exponent byte from Spurious Dragon, 10 before', () => {
    const exp = 'PUSH2 0x0100 PUSH1 2 EXP'; // a two-byte exponent
    expect(run(exp, { revision: R.SpuriousDragon }).gasUsed).toBe(3n + 3n + 10n + 100n);
    expect(run(exp, { revision: R.TangerineWhistle }).gasUsed).toBe(3n + 3n + 10n + 20n);
  });
});
