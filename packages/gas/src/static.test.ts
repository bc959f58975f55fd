// Static gas per revision, checked where evmone's copy-and-patch tables change:
// each fork's repricing (EIP-150, EIP-1884, EIP-2929) and each opcode's arrival.
import { LATEST_REVISION, Revision } from '@tandem-evm/host';
import { OPCODE_BY_NAME, OPCODES } from '@tandem-evm/opcodes';
import { describe, expect, it } from 'vitest';
import {
  ADDITIONAL_COLD_ACCOUNT_ACCESS_COST,
  ADDITIONAL_COLD_SLOAD_COST,
  staticGasTable,
  UNDEFINED_OPCODE,
} from './index.js';

const R = Revision;
const ALL_REVISIONS = Array.from({ length: LATEST_REVISION + 1 }, (_, revision) => revision as Revision);

function gas(name: string, revision: Revision): number {
  const code = OPCODE_BY_NAME.get(name);
  if (code === undefined) throw new Error(`no opcode ${name}`);
  return staticGasTable(revision)[code]!;
}

/** The opcode's static gas in each of `revisions`. */
function gasAcross(name: string, revisions: readonly Revision[]): number[] {
  return revisions.map((revision) => gas(name, revision));
}

describe('static gas tables', () => {
  it('have 256 entries in every revision', () => {
    for (const revision of ALL_REVISIONS) expect(staticGasTable(revision)).toHaveLength(256);
  });

  it('define exactly the opcodes the opcode table gives each revision', () => {
    for (const revision of ALL_REVISIONS) {
      const table = staticGasTable(revision);
      for (let code = 0; code < 256; code++) {
        const info = OPCODES[code];
        const defined = info !== undefined && info.since <= revision;
        expect(table[code] !== UNDEFINED_OPCODE, `${info?.name ?? code} in ${revision}`).toBe(defined);
      }
    }
  });

  it('price the yellow paper tiers in Frontier', () => {
    const tiers: Record<number, string[]> = {
      0: ['STOP', 'RETURN', 'INVALID', 'SSTORE'],
      1: ['JUMPDEST'],
      2: ['ADDRESS', 'ORIGIN', 'CALLER', 'CALLVALUE', 'CALLDATASIZE', 'CODESIZE', 'GASPRICE', 'POP', 'PC'],
      3: [
        'ADD',
        'SUB',
        'LT',
        'EQ',
        'NOT',
        'BYTE',
        'CALLDATALOAD',
        'MLOAD',
        'MSTORE',
        'PUSH1',
        'DUP16',
        'SWAP1',
      ],
      5: ['MUL', 'DIV', 'SDIV', 'MOD', 'SMOD', 'SIGNEXTEND'],
      8: ['ADDMOD', 'MULMOD', 'JUMP'],
      10: ['JUMPI', 'EXP'],
      20: ['BLOCKHASH'],
      30: ['KECCAK256'],
      32000: ['CREATE'],
    };
    for (const [cost, names] of Object.entries(tiers))
      for (const name of names) expect(gas(name, R.Frontier), name).toBe(Number(cost));
  });

  it('price LOGn at 375 plus 375 per topic', () => {
    for (let topics = 0; topics <= 4; topics++)
      expect(gas(`LOG${topics}`, R.Frontier)).toBe(375 * (1 + topics));
  });

  it('price every PUSH, DUP and SWAP at 3', () => {
    for (let n = 1; n <= 32; n++) expect(gas(`PUSH${n}`, R.Frontier)).toBe(3);
    for (let n = 1; n <= 16; n++)
      expect([gas(`DUP${n}`, R.Frontier), gas(`SWAP${n}`, R.Frontier)]).toEqual([3, 3]);
  });
});

describe('repricings at fork boundaries', () => {
  const boundaries = [R.Frontier, R.TangerineWhistle, R.Istanbul, R.Berlin, LATEST_REVISION];

  it('SLOAD: 50, 200 (EIP-150), 800 (EIP-1884), then 100 warm and 2100 cold (EIP-2929)', () => {
    expect(gasAcross('SLOAD', boundaries)).toEqual([50, 200, 800, 100, 100]);
    expect(gasAcross('SLOAD', [R.Homestead, R.Petersburg, R.London])).toEqual([50, 200, 100]);
    expect(gas('SLOAD', R.Berlin) + ADDITIONAL_COLD_SLOAD_COST).toBe(2100);
  });

  it('BALANCE: 20, 400 (EIP-150), 700 (EIP-1884), then 100 warm and 2600 cold', () => {
    expect(gasAcross('BALANCE', boundaries)).toEqual([20, 400, 700, 100, 100]);
    expect(gas('BALANCE', R.Berlin) + ADDITIONAL_COLD_ACCOUNT_ACCESS_COST).toBe(2600);
  });

  it('EXTCODESIZE and EXTCODECOPY: 20, 700 (EIP-150), unchanged by Istanbul, 100 warm in Berlin', () => {
    for (const name of ['EXTCODESIZE', 'EXTCODECOPY'])
      expect(gasAcross(name, boundaries), name).toEqual([20, 700, 700, 100, 100]);
  });

  it('EXTCODEHASH: absent, 400 (EIP-1052), 700 (EIP-1884), 100 warm', () => {
    expect(gasAcross('EXTCODEHASH', [R.Byzantium, R.Constantinople, R.Istanbul, R.Berlin])).toEqual([
      UNDEFINED_OPCODE,
      400,
      700,
      100,
    ]);
  });

  it('CALL and CALLCODE: 40, 700 (EIP-150), 100 warm (EIP-2929)', () => {
    for (const name of ['CALL', 'CALLCODE'])
      expect(
        gasAcross(name, [R.Frontier, R.Homestead, R.TangerineWhistle, R.Istanbul, R.Berlin]),
        name,
      ).toEqual([40, 40, 700, 700, 100]);
  });

  it('DELEGATECALL: absent in Frontier, 40 (EIP-7), 700, 100; STATICCALL: 700 from Byzantium, 100', () => {
    expect(gasAcross('DELEGATECALL', [R.Frontier, R.Homestead, R.TangerineWhistle, R.Berlin])).toEqual([
      UNDEFINED_OPCODE,
      40,
      700,
      100,
    ]);
    expect(gasAcross('STATICCALL', [R.SpuriousDragon, R.Byzantium, R.Berlin])).toEqual([
      UNDEFINED_OPCODE,
      700,
      100,
    ]);
  });

  it('SELFDESTRUCT: free until EIP-150 made it 5000, then 5000 in every later revision', () => {
    expect(gas('SELFDESTRUCT', R.Homestead)).toBe(0);
    for (const revision of ALL_REVISIONS.filter((r) => r >= R.TangerineWhistle))
      expect(gas('SELFDESTRUCT', revision)).toBe(5000);
  });

  it('forks without opcode repricing copy their predecessor unchanged', () => {
    const unchanged: [Revision, Revision][] = [
      [R.TangerineWhistle, R.SpuriousDragon],
      [R.Constantinople, R.Petersburg],
      [R.London, R.Paris],
      [R.Cancun, R.Prague],
    ];
    for (const [before, after] of unchanged)
      expect([...staticGasTable(after)]).toEqual([...staticGasTable(before)]);
  });

  it('Osaka adds CLZ at 5 gas, as MUL, and changes nothing else', () => {
    const prague = staticGasTable(R.Prague);
    const osaka = staticGasTable(R.Osaka);
    expect(gas('CLZ', R.Prague)).toBe(UNDEFINED_OPCODE);
    expect(gas('CLZ', R.Osaka)).toBe(gas('MUL', R.Osaka));
    const changed = [...osaka.keys()].filter((code) => osaka[code] !== prague[code]);
    expect(changed).toEqual([OPCODE_BY_NAME.get('CLZ')]);
  });
});

describe('opcodes absent before their fork', () => {
  const arrivals: [Revision, string[], number[]][] = [
    [R.Byzantium, ['RETURNDATASIZE', 'RETURNDATACOPY', 'REVERT'], [2, 3, 0]],
    [R.Constantinople, ['SHL', 'SHR', 'SAR', 'CREATE2'], [3, 3, 3, 32000]],
    [R.Istanbul, ['CHAINID', 'SELFBALANCE'], [2, 5]],
    [R.London, ['BASEFEE'], [2]],
    [R.Shanghai, ['PUSH0'], [2]],
    [R.Cancun, ['TLOAD', 'TSTORE', 'MCOPY', 'BLOBHASH', 'BLOBBASEFEE'], [100, 100, 3, 3, 2]],
  ];
  it.each(arrivals)('revision %i brings %j', (revision, names, costs) => {
    for (const name of names) expect(gas(name, (revision - 1) as Revision), name).toBe(UNDEFINED_OPCODE);
    expect(names.map((name) => gas(name, revision))).toEqual(costs);
  });

  it('leaves unassigned bytes undefined in every revision', () => {
    for (const revision of ALL_REVISIONS)
      for (const code of [0x0c, 0x0f, 0x21, 0x2f, 0x4b, 0xa5, 0xef, 0xfb])
        expect(staticGasTable(revision)[code], `0x${code.toString(16)}`).toBe(UNDEFINED_OPCODE);
  });

  it('refuses an unknown revision number with a RangeError naming the field', () => {
    expect(() => staticGasTable((LATEST_REVISION + 1) as Revision)).toThrow(
      /^revision: unknown revision number/,
    );
  });
});
