import type { CustomInstruction, FrameRules } from '@tandem-evm/frame';
import { staticGasTable } from '@tandem-evm/gas';
import type { Address, Host, Message, Result, Revision, Status } from '@tandem-evm/host';
import { instructionSize, OP, OPCODE_BY_NAME, OPCODES } from '@tandem-evm/opcodes';
import { precompileAddresses } from '@tandem-evm/precompiles';
import { SWITCHABLE_EIPS } from './eips.js';

/** What a custom precompile is called with. */
export interface PrecompileCall {
  /** The call's input: a view of the caller's memory, valid only during the call (copy what you keep). */
  readonly input: Uint8Array;
  /** Gas the call was given. */
  readonly gas: bigint;
  readonly message: Message;
  /** The world state: a stateful precompile reads and writes it; a failed call's writes are reverted. */
  readonly host: Host;
  readonly revision: Revision;
}

/** What a custom precompile returns. */
export interface PrecompileOutcome {
  /**
   * `'success'` and `'revert'` keep `gas - gasUsed` and return `output`; any
   * other status (`'precompile-failure'`, `'out-of-gas'`) consumes all the gas.
   */
  readonly status: Status;
  /** Gas the call used; more than it was given is out of gas. */
  readonly gasUsed: bigint;
  readonly output?: Uint8Array;
}

/** A precompile added at a new address or replacing a built-in one. */
export interface CustomPrecompile {
  readonly address: Address;
  readonly run: (call: PrecompileCall) => PrecompileOutcome;
}

/** `createEvm({ precompiles })`: add or replace (`run`), or remove a built-in (`remove: true`). */
export type PrecompileOption = CustomPrecompile | { readonly address: Address; readonly remove: true };

/**
 * `createEvm({ opcodes })`, one entry per opcode byte:
 * - `{ code, name, stackIn, stackOut, gas, execute }` adds an instruction at
 *   an unused byte, or replaces a built-in one (see `CustomInstruction`);
 * - `{ code, gas }` reprices a built-in instruction;
 * - `{ code, remove: true }` makes the byte an undefined instruction.
 * STOP (0x00) cannot be changed, and PUSH1..PUSH32 only repriced (code
 * analysis decodes their immediates).
 */
export type OpcodeOption =
  | (CustomInstruction & { readonly gas: number })
  | { readonly code: number; readonly gas: number }
  | { readonly code: number; readonly remove: true };

/** What an EVM's customisation options resolve to. */
export interface Customisation {
  /** Set when the opcode or gas table, or an EIP the frames see, differs from the revision's. */
  readonly rules: FrameRules | undefined;
  /** Custom precompiles by address; `null` for a removed built-in. */
  readonly precompiles: Map<Address, CustomPrecompile | null> | undefined;
  /** Whether some built-in instruction is replaced (such code runs in the stepping interpreter). */
  readonly replacesBuiltIns: boolean;
}

/** The revision's table, with the opcode EIPs switched as `eips` says. */
function gasTableWithEips(revision: Revision, eips: Readonly<Record<number, boolean>>): Int32Array {
  const table = staticGasTable(revision).slice();
  for (const [key, active] of Object.entries(eips)) {
    const eip = SWITCHABLE_EIPS[Number(key)]!;
    for (const name of eip.opcodes ?? []) {
      const code = OPCODE_BY_NAME.get(name)!;
      table[code] = active ? staticGasTable(revision >= eip.since ? revision : eip.since)[code]! : -1;
    }
  }
  return table;
}

function checkOpcode(option: OpcodeOption, index: number, table: Int32Array): void {
  const field = `options.opcodes[${index}]`;
  const { code } = option;
  if (!Number.isInteger(code) || code < 0 || code > 0xff) {
    throw new RangeError(`${field}.code must be a byte (0 to 255), got ${code}`);
  }
  if (code === OP.STOP) throw new RangeError(`${field}: STOP (0x00) cannot be changed`);
  if ('remove' in option) return;
  if (!Number.isInteger(option.gas) || option.gas < 0 || option.gas > 0x7fffffff) {
    throw new RangeError(`${field}.gas must be a non-negative integer below 2^31, got ${option.gas}`);
  }
  if (!('execute' in option)) {
    if (table[code]! < 0)
      throw new RangeError(`${field}: only a defined opcode can be repriced without execute`);
    return;
  }
  if (instructionSize(code) > 1) throw new RangeError(`${field}: PUSH1..PUSH32 can only be repriced`);
  if (typeof option.execute !== 'function') throw new TypeError(`${field}.execute must be a function`);
  if (typeof option.name !== 'string' || option.name === '')
    throw new TypeError(`${field}.name must be a string`);
  for (const key of ['stackIn', 'stackOut'] as const) {
    const value = option[key];
    if (!Number.isInteger(value) || value < 0 || value > 1024) {
      throw new RangeError(`${field}.${key} must be an integer in [0, 1024], got ${value}`);
    }
  }
}

function checkPrecompile(option: PrecompileOption, index: number): void {
  const field = `options.precompiles[${index}]`;
  if (typeof option.address !== 'bigint' || option.address <= 0n || option.address >= 1n << 160n) {
    throw new RangeError(`${field}.address must be a non-zero 160-bit bigint`);
  }
  if (!('remove' in option) && typeof option.run !== 'function') {
    throw new TypeError(`${field}.run must be a function`);
  }
}

/** Resolves `createEvm`'s customisation options; bad options throw naming the field. */
export function resolveCustomisation(
  revision: Revision,
  eips: Readonly<Record<number, boolean>>,
  opcodes: readonly OpcodeOption[],
  precompiles: readonly PrecompileOption[],
  unlimitedCodeSize: boolean,
): Customisation {
  let rules: FrameRules | undefined;
  let replacesBuiltIns = false;
  if (Object.keys(eips).length > 0 || opcodes.length > 0 || unlimitedCodeSize) {
    const gasTable = gasTableWithEips(revision, eips);
    const instructions: (CustomInstruction | undefined)[] = new Array(256).fill(undefined);
    opcodes.forEach((option, index) => {
      checkOpcode(option, index, gasTable);
      if ('remove' in option) {
        gasTable[option.code] = -1;
        instructions[option.code] = undefined;
        return;
      }
      gasTable[option.code] = option.gas;
      if ('execute' in option) {
        instructions[option.code] = option;
        if (OPCODES[option.code] !== undefined) replacesBuiltIns = true;
      }
    });
    rules = { gasTable, instructions, eips: { ...eips }, unlimitedCodeSize };
  }
  let map: Map<Address, CustomPrecompile | null> | undefined;
  if (precompiles.length > 0) {
    map = new Map();
    precompiles.forEach((option, index) => {
      checkPrecompile(option, index);
      map!.set(option.address, 'remove' in option ? null : option);
    });
  }
  return { rules, precompiles: map, replacesBuiltIns };
}

/** The active precompile addresses, ascending: the revision's, less removed ones, plus custom ones. */
export function activePrecompiles(
  revision: Revision,
  custom: Map<Address, CustomPrecompile | null> | undefined,
): readonly Address[] {
  const builtIn = precompileAddresses(revision);
  if (custom === undefined) return builtIn;
  const addresses = new Set(builtIn);
  for (const [address, precompile] of custom) {
    if (precompile === null) addresses.delete(address);
    else addresses.add(address);
  }
  return Object.freeze([...addresses].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
}

const EMPTY = new Uint8Array(0);

/** Runs a custom precompile for `message`, turning its outcome into a frame result. */
export function runCustomPrecompile(
  precompile: CustomPrecompile,
  message: Message,
  host: Host,
  revision: Revision,
): Result {
  const { gas } = message;
  const outcome = precompile.run({ input: message.input, gas, message, host, revision });
  const { status, gasUsed } = outcome;
  if (typeof gasUsed !== 'bigint' || gasUsed < 0n) {
    throw new TypeError(
      `precompile 0x${precompile.address.toString(16)}: gasUsed must be a non-negative bigint`,
    );
  }
  if (gasUsed > gas) return { status: 'out-of-gas', gasLeft: 0n, gasRefund: 0n, output: EMPTY };
  if (status === 'success' || status === 'revert') {
    return { status, gasLeft: gas - gasUsed, gasRefund: 0n, output: outcome.output ?? EMPTY };
  }
  return { status, gasLeft: 0n, gasRefund: 0n, output: EMPTY };
}

/** How a frame of some code must run under an EVM's rules. */
export type CodeVerdict = 'any-engine' | 'interpreter' | 'stepping';

/**
 * Whether code can run in any engine, only in the interpreter (it uses an
 * opcode whose gas or existence differs from the revision's, which compiled
 * code would get wrong), or only in the stepping interpreter (it uses a
 * built-in opcode the EVM replaced).
 */
export function codeVerdict(
  code: Uint8Array,
  size: number,
  rules: FrameRules,
  revision: Revision,
): CodeVerdict {
  const standard = staticGasTable(revision);
  let verdict: CodeVerdict = 'any-engine';
  for (let pc = 0; pc < size; pc++) {
    const opcode = code[pc]!;
    if (rules.instructions[opcode] !== undefined && OPCODES[opcode] !== undefined) return 'stepping';
    if (rules.gasTable[opcode] !== standard[opcode]) verdict = 'interpreter';
    pc += instructionSize(opcode) - 1;
  }
  return verdict;
}
