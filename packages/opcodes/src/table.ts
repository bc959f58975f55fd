import { Revision } from '@tandem-evm/host';
import { OP } from './op.js';

/** Behaviour flags an analysis or an engine needs without knowing the instruction. */
export const OpcodeFlag = {
  None: 0,
  /** Ends execution of the frame (STOP, RETURN, REVERT, INVALID, SELFDESTRUCT). */
  Terminator: 1,
  /** Transfers control (JUMP, JUMPI). */
  Jump: 2,
  /** Starts a child frame (CALL family, CREATE family). */
  Call: 8,
  /**
   * Its gas depends on its operands or on state, or it reads the gas left
   * (GAS, SSTORE, SLOAD, copies, LOGs, CALL*, CREATE*…): a basic-block gas
   * chunk ends after it (see `endsGasChunk` in the gas package).
   */
  GasDependent: 16,
} as const;

export interface OpcodeInfo {
  readonly code: number;
  readonly name: string;
  /** Bytes of immediate data after the opcode (PUSH1..PUSH32). */
  readonly immediateSize: number;
  /** Stack items the instruction reads (and removes). */
  readonly stackIn: number;
  /** Stack items it leaves. */
  readonly stackOut: number;
  /** First revision in which the opcode exists. */
  readonly since: Revision;
  readonly flags: number;
}

const { None, Terminator, Jump, Call, GasDependent } = OpcodeFlag;
const R = Revision;

type Row = [code: number, name: string, stackIn: number, stackOut: number, since?: Revision, flags?: number];

// Every opcode except the PUSH/DUP/SWAP/LOG ranges, which are generated below.
const ROWS: Row[] = [
  [0x00, 'STOP', 0, 0, R.Frontier, Terminator],
  [0x01, 'ADD', 2, 1],
  [0x02, 'MUL', 2, 1],
  [0x03, 'SUB', 2, 1],
  [0x04, 'DIV', 2, 1],
  [0x05, 'SDIV', 2, 1],
  [0x06, 'MOD', 2, 1],
  [0x07, 'SMOD', 2, 1],
  [0x08, 'ADDMOD', 3, 1],
  [0x09, 'MULMOD', 3, 1],
  [0x0a, 'EXP', 2, 1],
  [0x0b, 'SIGNEXTEND', 2, 1],
  [0x10, 'LT', 2, 1],
  [0x11, 'GT', 2, 1],
  [0x12, 'SLT', 2, 1],
  [0x13, 'SGT', 2, 1],
  [0x14, 'EQ', 2, 1],
  [0x15, 'ISZERO', 1, 1],
  [0x16, 'AND', 2, 1],
  [0x17, 'OR', 2, 1],
  [0x18, 'XOR', 2, 1],
  [0x19, 'NOT', 1, 1],
  [0x1a, 'BYTE', 2, 1],
  [0x1b, 'SHL', 2, 1, R.Constantinople],
  [0x1c, 'SHR', 2, 1, R.Constantinople],
  [0x1d, 'SAR', 2, 1, R.Constantinople],
  [0x1e, 'CLZ', 1, 1, R.Osaka],
  [0x20, 'KECCAK256', 2, 1, R.Frontier, GasDependent],
  [0x30, 'ADDRESS', 0, 1],
  [0x31, 'BALANCE', 1, 1, R.Frontier, GasDependent],
  [0x32, 'ORIGIN', 0, 1],
  [0x33, 'CALLER', 0, 1],
  [0x34, 'CALLVALUE', 0, 1],
  [0x35, 'CALLDATALOAD', 1, 1],
  [0x36, 'CALLDATASIZE', 0, 1],
  [0x37, 'CALLDATACOPY', 3, 0, R.Frontier, GasDependent],
  [0x38, 'CODESIZE', 0, 1],
  [0x39, 'CODECOPY', 3, 0, R.Frontier, GasDependent],
  [0x3a, 'GASPRICE', 0, 1],
  [0x3b, 'EXTCODESIZE', 1, 1, R.Frontier, GasDependent],
  [0x3c, 'EXTCODECOPY', 4, 0, R.Frontier, GasDependent],
  [0x3d, 'RETURNDATASIZE', 0, 1, R.Byzantium],
  [0x3e, 'RETURNDATACOPY', 3, 0, R.Byzantium, GasDependent],
  [0x3f, 'EXTCODEHASH', 1, 1, R.Constantinople, GasDependent],
  [0x40, 'BLOCKHASH', 1, 1],
  [0x41, 'COINBASE', 0, 1],
  [0x42, 'TIMESTAMP', 0, 1],
  [0x43, 'NUMBER', 0, 1],
  [0x44, 'PREVRANDAO', 0, 1],
  [0x45, 'GASLIMIT', 0, 1],
  [0x46, 'CHAINID', 0, 1, R.Istanbul],
  [0x47, 'SELFBALANCE', 0, 1, R.Istanbul],
  [0x48, 'BASEFEE', 0, 1, R.London],
  [0x49, 'BLOBHASH', 1, 1, R.Cancun],
  [0x4a, 'BLOBBASEFEE', 0, 1, R.Cancun],
  [0x50, 'POP', 1, 0],
  [0x51, 'MLOAD', 1, 1],
  [0x52, 'MSTORE', 2, 0],
  [0x53, 'MSTORE8', 2, 0],
  [0x54, 'SLOAD', 1, 1, R.Frontier, GasDependent],
  [0x55, 'SSTORE', 2, 0, R.Frontier, GasDependent],
  [0x56, 'JUMP', 1, 0, R.Frontier, Jump],
  [0x57, 'JUMPI', 2, 0, R.Frontier, Jump],
  [0x58, 'PC', 0, 1],
  [0x59, 'MSIZE', 0, 1],
  [0x5a, 'GAS', 0, 1, R.Frontier, GasDependent],
  [0x5b, 'JUMPDEST', 0, 0],
  [0x5c, 'TLOAD', 1, 1, R.Cancun],
  [0x5d, 'TSTORE', 2, 0, R.Cancun],
  [0x5e, 'MCOPY', 3, 0, R.Cancun, GasDependent],
  [0x5f, 'PUSH0', 0, 1, R.Shanghai],
  [0xf0, 'CREATE', 3, 1, R.Frontier, Call | GasDependent],
  [0xf1, 'CALL', 7, 1, R.Frontier, Call | GasDependent],
  [0xf2, 'CALLCODE', 7, 1, R.Frontier, Call | GasDependent],
  [0xf3, 'RETURN', 2, 0, R.Frontier, Terminator],
  [0xf4, 'DELEGATECALL', 6, 1, R.Homestead, Call | GasDependent],
  [0xf5, 'CREATE2', 4, 1, R.Constantinople, Call | GasDependent],
  [0xfa, 'STATICCALL', 6, 1, R.Byzantium, Call | GasDependent],
  [0xfd, 'REVERT', 2, 0, R.Byzantium, Terminator],
  [0xfe, 'INVALID', 0, 0, R.Frontier, Terminator],
  [0xff, 'SELFDESTRUCT', 1, 0, R.Frontier, Terminator],
];

function buildTable(): readonly (OpcodeInfo | undefined)[] {
  const table: (OpcodeInfo | undefined)[] = new Array(256).fill(undefined);
  const add = (
    code: number,
    name: string,
    stackIn: number,
    stackOut: number,
    since: Revision,
    flags: number,
    immediateSize = 0,
  ) => {
    table[code] = { code, name, immediateSize, stackIn, stackOut, since, flags };
  };
  for (const [code, name, stackIn, stackOut, since = R.Frontier, flags = None] of ROWS) {
    add(code, name, stackIn, stackOut, since, flags);
  }
  for (let n = 1; n <= 32; n++) add(0x5f + n, `PUSH${n}`, 0, 1, R.Frontier, None, n);
  for (let n = 1; n <= 16; n++) add(0x7f + n, `DUP${n}`, n, n + 1, R.Frontier, None);
  for (let n = 1; n <= 16; n++) add(0x8f + n, `SWAP${n}`, n + 1, n + 1, R.Frontier, None);
  for (let n = 0; n <= 4; n++) add(0xa0 + n, `LOG${n}`, n + 2, 0, R.Frontier, GasDependent);
  return table;
}

/** The opcode table, indexed by opcode byte; `undefined` where no revision defines the byte. */
export const OPCODES: readonly (OpcodeInfo | undefined)[] = buildTable();

/** The opcode's info if it is defined in `revision`. */
export function opcodeInfo(code: number, revision: Revision): OpcodeInfo | undefined {
  const info = OPCODES[code];
  return info !== undefined && info.since <= revision ? info : undefined;
}

/** Opcode byte by name (`'PUSH1'`, `'SSTORE'`); also accepts the alias `DIFFICULTY` and `SHA3`. */
export const OPCODE_BY_NAME: ReadonlyMap<string, number> = new Map([
  ...OPCODES.flatMap((info): [string, number][] => (info ? [[info.name, info.code]] : [])),
  ['DIFFICULTY', OP.PREVRANDAO],
  ['SHA3', OP.KECCAK256],
]);

const INSTRUCTION_SIZES = Uint8Array.from(OPCODES, (info) => 1 + (info?.immediateSize ?? 0));

/** Bytes the instruction at an opcode byte takes: 1, and its immediate data for PUSH1..PUSH32. */
export function instructionSize(opcode: number): number {
  return INSTRUCTION_SIZES[opcode]!;
}

/** True for PUSH0..PUSH32, the instructions that push a constant (AnalyzedCode.pushValues holds it). */
export function isPush(opcode: number): boolean {
  return opcode >= OP.PUSH0 && opcode <= OP.PUSH32;
}

/** True if `opcode` has every flag in `flags` (OpcodeFlag bits). */
export function hasFlags(opcode: number, flags: number): boolean {
  return ((OPCODES[opcode]?.flags ?? 0) & flags) === flags;
}
