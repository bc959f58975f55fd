// Each opcode's presence per revision. The introductions are the EIPs': EIP-7 DELEGATECALL
// (Homestead); EIP-140 REVERT, EIP-211 RETURNDATASIZE/RETURNDATACOPY, EIP-214 STATICCALL
// (Byzantium); EIP-145 SHL/SHR/SAR, EIP-1052 EXTCODEHASH, EIP-1014 CREATE2 (Constantinople);
// EIP-1344 CHAINID, EIP-1884 SELFBALANCE (Istanbul); EIP-3198 BASEFEE (London); EIP-3855
// PUSH0 (Shanghai); EIP-1153 TLOAD/TSTORE, EIP-5656 MCOPY, EIP-4844 BLOBHASH, EIP-7516
// BLOBBASEFEE (Cancun); EIP-7939 CLZ (Osaka; Prague adds no opcode). Everything else in the Yellow Paper's Frontier instruction set exists
// from Frontier; 0xfe is the designated INVALID (EIP-141); every other byte is undefined.
import { emptyTxContext, REVISION_NAMES, Revision } from '@tandem-evm/host';
import { OPCODES } from '@tandem-evm/opcodes';
import { WorldState } from '@tandem-evm/state';
import { describe, expect, it } from 'vitest';
import { createEvm, type Evm } from './index.js';
import { CALLER, CONTRACT } from './test/harness.js';

const INTRODUCED: Record<number, [name: string, revision: Revision]> = {
  244: ['DELEGATECALL', Revision.Homestead],
  61: ['RETURNDATASIZE', Revision.Byzantium],
  62: ['RETURNDATACOPY', Revision.Byzantium],
  250: ['STATICCALL', Revision.Byzantium],
  253: ['REVERT', Revision.Byzantium],
  27: ['SHL', Revision.Constantinople],
  28: ['SHR', Revision.Constantinople],
  29: ['SAR', Revision.Constantinople],
  63: ['EXTCODEHASH', Revision.Constantinople],
  245: ['CREATE2', Revision.Constantinople],
  70: ['CHAINID', Revision.Istanbul],
  71: ['SELFBALANCE', Revision.Istanbul],
  72: ['BASEFEE', Revision.London],
  95: ['PUSH0', Revision.Shanghai],
  73: ['BLOBHASH', Revision.Cancun],
  74: ['BLOBBASEFEE', Revision.Cancun],
  92: ['TLOAD', Revision.Cancun],
  93: ['TSTORE', Revision.Cancun],
  94: ['MCOPY', Revision.Cancun],
  30: ['CLZ', Revision.Osaka],
};

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
// The Frontier instruction set (Yellow Paper, appendix H), without the designated INVALID.
const FRONTIER = new Set([
  ...range(0x00, 0x0b),
  ...range(0x10, 0x1a),
  0x20,
  ...range(0x30, 0x3c),
  ...range(0x40, 0x45),
  ...range(0x50, 0x5b),
  ...range(0x60, 0x7f),
  ...range(0x80, 0x8f),
  ...range(0x90, 0x9f),
  ...range(0xa0, 0xa4),
  ...range(0xf0, 0xf3),
  0xff,
]);
const INVALID = 0xfe;
const REVISIONS = REVISION_NAMES.map((_, i) => i as Revision);
const GAS = 100_000n;

// One EVM per revision, reused (as the harness does, but without a new EVM per run: ~3300 runs here).
const evms = new Map<Revision, Evm>();

/** Runs 17 zero words (enough operands for any instruction, SWAP16 included), then the opcode. */
function execute(opcode: number, revision: Revision) {
  const code = new Uint8Array(35);
  for (let i = 0; i < 17; i++) code.set([0x60, 0x00], 2 * i);
  code[34] = opcode;
  let evm = evms.get(revision);
  if (evm === undefined) {
    evm = createEvm({ revision: REVISION_NAMES[revision]! });
    evms.set(revision, evm);
  }
  const state = new WorldState();
  state.setAccount(CALLER, { balance: 10n ** 20n });
  state.setAccount(CONTRACT, { code });
  state.beginTransaction(emptyTxContext({ origin: CALLER }));
  state.accessAccount(CALLER);
  state.accessAccount(CONTRACT);
  const result = evm.execute(
    {
      kind: 'call',
      depth: 0,
      gas: GAS,
      sender: CALLER,
      recipient: CONTRACT,
      codeAddress: CONTRACT,
      value: 0n,
      input: new Uint8Array(0),
      isStatic: false,
    },
    state,
  );
  return { result, gasUsed: GAS - result.gasLeft };
}

const hex = (opcode: number) => `0x${opcode.toString(16).padStart(2, '0')}`;

describe('opcodes introduced after Frontier', () => {
  const cases = Object.entries(INTRODUCED).map(
    ([code, [name, since]]) => [hex(Number(code)), name, since, Number(code)] as const,
  );
  it.each(cases)('%s %s is undefined before %s and defined from it on', (_hex, _name, since, opcode) => {
    for (const revision of REVISIONS) {
      const { result, gasUsed } = execute(opcode, revision);
      if (revision < since) {
        expect(result.status, REVISION_NAMES[revision]).toBe('undefined-instruction');
        expect(gasUsed).toBe(GAS);
      } else {
        expect(result.status, REVISION_NAMES[revision]).not.toBe('undefined-instruction');
      }
    }
  });
  it.each(cases)('the opcode table says %s %s arrives in revision %s', (_hex, name, since, opcode) => {
    expect(OPCODES[opcode]?.name).toBe(name);
    expect(OPCODES[opcode]?.since).toBe(since);
  });
});

describe('one revision before its introduction, each opcode is undefined (over the opcode table)', () => {
  const later = OPCODES.filter((info) => info !== undefined && info.since > Revision.Frontier);
  it('the table has exactly the spec’s late opcodes', () => {
    expect(later.map((info) => info!.code).sort((a, b) => a - b)).toEqual(
      Object.keys(INTRODUCED)
        .map(Number)
        .sort((a, b) => a - b),
    );
  });
  it.each(later.map((info) => [info!.name, info!.since, info!.code] as const))(
    '%s in revision %s − 1',
    (_name, since, opcode) => {
      const { result, gasUsed } = execute(opcode, (since - 1) as Revision);
      expect(result.status).toBe('undefined-instruction');
      expect(gasUsed).toBe(GAS);
    },
  );
});

describe('Frontier opcodes exist in every revision', () => {
  it.each([...FRONTIER].map((opcode) => [hex(opcode), OPCODES[opcode]?.name ?? '?', opcode] as const))(
    '%s %s',
    (_hex, _name, opcode) => {
      expect(OPCODES[opcode]?.since).toBe(Revision.Frontier);
      for (const revision of REVISIONS) {
        const { result } = execute(opcode, revision);
        expect(result.status, REVISION_NAMES[revision]).not.toBe('undefined-instruction');
        expect(result.status, REVISION_NAMES[revision]).not.toBe('invalid-instruction');
      }
    },
  );
});

describe('INVALID and unassigned bytes', () => {
  it('0xfe is invalid-instruction in every revision and consumes all gas', () => {
    for (const revision of REVISIONS) {
      const { result, gasUsed } = execute(INVALID, revision);
      expect(result.status).toBe('invalid-instruction');
      expect(gasUsed).toBe(GAS);
    }
  });
  const unassigned = range(0, 255).filter((b) => !FRONTIER.has(b) && !(b in INTRODUCED) && b !== INVALID);
  it('there are 256 − 129 − 20 − 1 = 106 unassigned bytes', () => {
    expect(FRONTIER.size).toBe(129);
    expect(unassigned).toHaveLength(106);
  });
  it.each(unassigned.map((b) => [hex(b), b] as const))(
    '%s is undefined in every revision',
    (_hex, opcode) => {
      expect(OPCODES[opcode]).toBeUndefined();
      for (const revision of REVISIONS) {
        const { result, gasUsed } = execute(opcode, revision);
        expect(result.status, REVISION_NAMES[revision]).toBe('undefined-instruction');
        expect(gasUsed).toBe(GAS);
      }
    },
  );
});
