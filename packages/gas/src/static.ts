import { LATEST_REVISION, Revision } from '@tandem-evm/host';
import { OPCODES } from '@tandem-evm/opcodes';

/** Marks an opcode that does not exist in a revision. */
export const UNDEFINED_OPCODE = -1;

type Patch = Record<string, number>;

const FRONTIER: Patch = {
  STOP: 0,
  ADD: 3,
  MUL: 5,
  SUB: 3,
  DIV: 5,
  SDIV: 5,
  MOD: 5,
  SMOD: 5,
  ADDMOD: 8,
  MULMOD: 8,
  EXP: 10,
  SIGNEXTEND: 5,
  LT: 3,
  GT: 3,
  SLT: 3,
  SGT: 3,
  EQ: 3,
  ISZERO: 3,
  AND: 3,
  OR: 3,
  XOR: 3,
  NOT: 3,
  BYTE: 3,
  KECCAK256: 30,
  ADDRESS: 2,
  BALANCE: 20,
  ORIGIN: 2,
  CALLER: 2,
  CALLVALUE: 2,
  CALLDATALOAD: 3,
  CALLDATASIZE: 2,
  CALLDATACOPY: 3,
  CODESIZE: 2,
  CODECOPY: 3,
  GASPRICE: 2,
  EXTCODESIZE: 20,
  EXTCODECOPY: 20,
  BLOCKHASH: 20,
  COINBASE: 2,
  TIMESTAMP: 2,
  NUMBER: 2,
  PREVRANDAO: 2,
  GASLIMIT: 2,
  POP: 2,
  MLOAD: 3,
  MSTORE: 3,
  MSTORE8: 3,
  SLOAD: 50,
  SSTORE: 0,
  JUMP: 8,
  JUMPI: 10,
  PC: 2,
  MSIZE: 2,
  GAS: 2,
  JUMPDEST: 1,
  LOG0: 375,
  LOG1: 750,
  LOG2: 1125,
  LOG3: 1500,
  LOG4: 1875,
  CREATE: 32000,
  CALL: 40,
  CALLCODE: 40,
  RETURN: 0,
  INVALID: 0,
  SELFDESTRUCT: 0,
};
for (let n = 1; n <= 32; n++) FRONTIER[`PUSH${n}`] = 3;
for (let n = 1; n <= 16; n++) FRONTIER[`DUP${n}`] = FRONTIER[`SWAP${n}`] = 3;

/** What each revision changes in the previous revision's table (evmone's copy-and-patch scheme). */
const PATCHES: Record<Revision, Patch> = {
  [Revision.Frontier]: FRONTIER,
  [Revision.Homestead]: { DELEGATECALL: 40 },
  // EIP-150: IO-heavy operations repriced.
  [Revision.TangerineWhistle]: {
    BALANCE: 400,
    EXTCODESIZE: 700,
    EXTCODECOPY: 700,
    SLOAD: 200,
    CALL: 700,
    CALLCODE: 700,
    DELEGATECALL: 700,
    SELFDESTRUCT: 5000,
  },
  [Revision.SpuriousDragon]: {},
  [Revision.Byzantium]: { RETURNDATASIZE: 2, RETURNDATACOPY: 3, STATICCALL: 700, REVERT: 0 },
  [Revision.Constantinople]: { SHL: 3, SHR: 3, SAR: 3, EXTCODEHASH: 400, CREATE2: 32000 },
  [Revision.Petersburg]: {},
  // EIP-1884 repricing, EIP-1344 CHAINID, EIP-1884 SELFBALANCE.
  [Revision.Istanbul]: { BALANCE: 700, EXTCODEHASH: 700, SLOAD: 800, CHAINID: 2, SELFBALANCE: 5 },
  // EIP-2929: the static part is the warm cost; the cold surcharge is dynamic.
  [Revision.Berlin]: {
    BALANCE: 100,
    EXTCODESIZE: 100,
    EXTCODECOPY: 100,
    EXTCODEHASH: 100,
    SLOAD: 100,
    CALL: 100,
    CALLCODE: 100,
    DELEGATECALL: 100,
    STATICCALL: 100,
  },
  [Revision.London]: { BASEFEE: 2 },
  [Revision.Paris]: {},
  [Revision.Shanghai]: { PUSH0: 2 },
  [Revision.Cancun]: { TLOAD: 100, TSTORE: 100, MCOPY: 3, BLOBHASH: 3, BLOBBASEFEE: 2 },
  [Revision.Prague]: {},
  // EIP-7939: CLZ costs as much as MUL.
  [Revision.Osaka]: { CLZ: 5 },
};

function buildTables(): readonly Int32Array[] {
  const tables: Int32Array[] = [];
  let previous = new Int32Array(256).fill(UNDEFINED_OPCODE);
  for (let revision = Revision.Frontier; revision <= LATEST_REVISION; revision++) {
    const table = previous.slice();
    for (const [name, gas] of Object.entries(PATCHES[revision as Revision])) {
      const info = OPCODES.find((op) => op?.name === name);
      if (info === undefined) throw new Error(`gas table names unknown opcode ${name}`);
      table[info.code] = gas;
    }
    tables.push(table);
    previous = table;
  }
  return tables;
}

const TABLES = buildTables();

/**
 * Static gas of every opcode in `revision`, indexed by opcode byte;
 * `UNDEFINED_OPCODE` (-1) where the opcode does not exist yet.
 */
export function staticGasTable(revision: Revision): Int32Array {
  const table = TABLES[revision];
  if (table === undefined) throw new RangeError(`revision: unknown revision number ${revision}`);
  return table;
}
