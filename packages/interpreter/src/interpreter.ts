import { type Engine, type ExecutionContext, RunOutcome, STACK_LIMIT } from '@tandem-evm/frame';
import { expCost, staticGasTable } from '@tandem-evm/gas';
import type { Result, Status } from '@tandem-evm/host';
import { OPCODES } from '@tandem-evm/opcodes';
import { ADDRESS_MASK, MAX_WORD } from '@tandem-evm/primitives';
import {
  applyChildResult,
  blobHash,
  blockHash,
  byte,
  callDataLoad,
  chargeAccountAccess,
  chargeGas,
  chargeMemoryEnd,
  chargeSlotAccess,
  clz,
  copyIntoMemory,
  drawReserve,
  exp,
  keccakOfMemory,
  log,
  mcopy,
  memoryOutput,
  offsetOf,
  prepareCall,
  prepareCreate,
  returnDataCopy,
  sar,
  sdiv,
  selfDestruct,
  signExtend,
  slt,
  smod,
  sstore,
} from '@tandem-evm/runtime';
import { executeCustomInstruction } from './custom.js';

/** Stack items each opcode needs, and the most items the stack may hold before it (for overflow). */
const STACK_REQUIRED = new Uint8Array(256);
const STACK_MAX_BEFORE = new Int16Array(256).fill(STACK_LIMIT);
for (const info of OPCODES) {
  if (info === undefined) continue;
  STACK_REQUIRED[info.code] = info.stackIn;
  STACK_MAX_BEFORE[info.code] = STACK_LIMIT - Math.max(0, info.stackOut - info.stackIn);
}

/** Small constants as bigints, so PUSH1 and the like allocate nothing. */
const SMALL = Array.from({ length: 256 }, (_, i) => BigInt(i));
const EMPTY = new Uint8Array(0);

/** Ends the frame with `status`; records where it stopped. */
function stop(
  context: ExecutionContext,
  pc: number,
  sp: number,
  status: Status,
  output: Uint8Array = EMPTY,
): RunOutcome {
  context.pc = pc;
  context.stackTop = sp;
  context.halt(status, output);
  return RunOutcome.Halted;
}

/** Hands the pending child frame to the frame loop; execution resumes at the next instruction. */
function suspend(context: ExecutionContext, pc: number, sp: number): RunOutcome {
  context.pc = pc + 1;
  context.stackTop = sp;
  return RunOutcome.Suspended;
}

/**
 * Runs the frame in `context` (see Engine). The operand stack is
 * `context.stack[0 .. sp)`, top at `sp - 1`; every value is in [0, 2^256).
 * Static gas and stack bounds are checked from the tables before each
 * instruction (evmone's check_requirements), so each case only does its work.
 */
export function run(context: ExecutionContext, childResult: Result | undefined): RunOutcome {
  const stack = context.stack;
  const code = context.code;
  const jumpdests = context.jumpdests;
  const pushValues = context.pushValues;
  const message = context.message;
  const host = context.host;
  const revision = context.revision;
  const gasTable = context.rules?.gasTable ?? staticGasTable(revision);
  let sp = context.stackTop;
  let pc = context.pc;

  if (childResult !== undefined) stack[sp++] = applyChildResult(context, childResult);

  for (;;) {
    const op = code[pc]!;
    const cost = gasTable[op]!;
    if (cost < 0) return stop(context, pc, sp, 'undefined-instruction');
    if (sp < STACK_REQUIRED[op]!) return stop(context, pc, sp, 'stack-underflow');
    if (sp > STACK_MAX_BEFORE[op]!) return stop(context, pc, sp, 'stack-overflow');
    if ((context.gasLeft -= cost) < 0 && !drawReserve(context)) return stop(context, pc, sp, 'out-of-gas');

    switch (op) {
      case 0x00: // STOP
        return stop(context, pc, sp, 'success');
      case 0x01: {
        // ADD: wrap only on overflow, rarer than a masking AND on every add (decision 0001).
        sp--;
        const sum = stack[sp]! + stack[sp - 1]!;
        stack[sp - 1] = sum > MAX_WORD ? sum & MAX_WORD : sum;
        break;
      }
      case 0x02: // MUL
        sp--;
        stack[sp - 1] = (stack[sp]! * stack[sp - 1]!) & MAX_WORD;
        break;
      case 0x03: {
        // SUB: wrap only on underflow.
        sp--;
        const difference = stack[sp]! - stack[sp - 1]!;
        stack[sp - 1] = difference < 0n ? difference & MAX_WORD : difference;
        break;
      }
      case 0x04: {
        // DIV
        sp--;
        const divisor = stack[sp - 1]!;
        stack[sp - 1] = divisor === 0n ? 0n : stack[sp]! / divisor;
        break;
      }
      case 0x05: // SDIV
        sp--;
        stack[sp - 1] = sdiv(stack[sp]!, stack[sp - 1]!);
        break;
      case 0x06: {
        // MOD
        sp--;
        const modulus = stack[sp - 1]!;
        stack[sp - 1] = modulus === 0n ? 0n : stack[sp]! % modulus;
        break;
      }
      case 0x07: // SMOD
        sp--;
        stack[sp - 1] = smod(stack[sp]!, stack[sp - 1]!);
        break;
      case 0x08: {
        // ADDMOD
        sp -= 2;
        const modulus = stack[sp - 1]!;
        stack[sp - 1] = modulus === 0n ? 0n : (stack[sp + 1]! + stack[sp]!) % modulus;
        break;
      }
      case 0x09: {
        // MULMOD
        sp -= 2;
        const modulus = stack[sp - 1]!;
        stack[sp - 1] = modulus === 0n ? 0n : (stack[sp + 1]! * stack[sp]!) % modulus;
        break;
      }
      case 0x0a: {
        // EXP
        sp--;
        const exponent = stack[sp - 1]!;
        if (!chargeGas(context, expCost(exponent, revision))) return stop(context, pc, sp, 'out-of-gas');
        stack[sp - 1] = exp(stack[sp]!, exponent);
        break;
      }
      case 0x0b: // SIGNEXTEND
        sp--;
        stack[sp - 1] = signExtend(stack[sp]!, stack[sp - 1]!);
        break;

      case 0x10: // LT
        sp--;
        stack[sp - 1] = stack[sp]! < stack[sp - 1]! ? 1n : 0n;
        break;
      case 0x11: // GT
        sp--;
        stack[sp - 1] = stack[sp]! > stack[sp - 1]! ? 1n : 0n;
        break;
      case 0x12: // SLT
        sp--;
        stack[sp - 1] = slt(stack[sp]!, stack[sp - 1]!) ? 1n : 0n;
        break;
      case 0x13: // SGT
        sp--;
        stack[sp - 1] = slt(stack[sp - 1]!, stack[sp]!) ? 1n : 0n;
        break;
      case 0x14: // EQ
        sp--;
        stack[sp - 1] = stack[sp]! === stack[sp - 1]! ? 1n : 0n;
        break;
      case 0x15: // ISZERO
        stack[sp - 1] = stack[sp - 1]! === 0n ? 1n : 0n;
        break;
      case 0x16: // AND
        sp--;
        stack[sp - 1] = stack[sp]! & stack[sp - 1]!;
        break;
      case 0x17: // OR
        sp--;
        stack[sp - 1] = stack[sp]! | stack[sp - 1]!;
        break;
      case 0x18: // XOR
        sp--;
        stack[sp - 1] = stack[sp]! ^ stack[sp - 1]!;
        break;
      case 0x19: // NOT
        stack[sp - 1] = MAX_WORD ^ stack[sp - 1]!;
        break;
      case 0x1a: // BYTE
        sp--;
        stack[sp - 1] = byte(stack[sp]!, stack[sp - 1]!);
        break;
      case 0x1b: {
        // SHL
        sp--;
        const shift = stack[sp]!;
        stack[sp - 1] = shift < 256n ? (stack[sp - 1]! << shift) & MAX_WORD : 0n;
        break;
      }
      case 0x1c: {
        // SHR
        sp--;
        const shift = stack[sp]!;
        stack[sp - 1] = shift < 256n ? stack[sp - 1]! >> shift : 0n;
        break;
      }
      case 0x1d: // SAR
        sp--;
        stack[sp - 1] = sar(stack[sp]!, stack[sp - 1]!);
        break;
      case 0x1e: // CLZ
        stack[sp - 1] = clz(stack[sp - 1]!);
        break;

      case 0x20: {
        // KECCAK256
        sp--;
        const hash = keccakOfMemory(context, stack[sp]!, stack[sp - 1]!);
        if (hash < 0n) return stop(context, pc, sp, 'out-of-gas');
        stack[sp - 1] = hash;
        break;
      }

      case 0x30: // ADDRESS
        stack[sp++] = message.recipient;
        break;
      case 0x31: {
        // BALANCE
        const address = stack[sp - 1]! & ADDRESS_MASK;
        if (!chargeAccountAccess(context, address)) return stop(context, pc, sp, 'out-of-gas');
        stack[sp - 1] = host.getBalance(address);
        break;
      }
      case 0x32: // ORIGIN
        stack[sp++] = host.getTxContext().origin;
        break;
      case 0x33: // CALLER
        stack[sp++] = message.sender;
        break;
      case 0x34: // CALLVALUE
        stack[sp++] = message.value;
        break;
      case 0x35: {
        // CALLDATALOAD
        stack[sp - 1] = callDataLoad(context, stack[sp - 1]!);
        break;
      }
      case 0x36: // CALLDATASIZE
        stack[sp++] = BigInt(message.input.length);
        break;
      case 0x37: {
        // CALLDATACOPY
        sp -= 3;
        const status = copyIntoMemory(context, message.input, stack[sp + 2]!, stack[sp + 1]!, stack[sp]!);
        if (status !== undefined) return stop(context, pc, sp, status);
        break;
      }
      case 0x38: // CODESIZE
        stack[sp++] = BigInt(context.codeSize);
        break;
      case 0x39: {
        // CODECOPY
        sp -= 3;
        const source = code.subarray(0, context.codeSize);
        const status = copyIntoMemory(context, source, stack[sp + 2]!, stack[sp + 1]!, stack[sp]!);
        if (status !== undefined) return stop(context, pc, sp, status);
        break;
      }
      case 0x3a: // GASPRICE
        stack[sp++] = host.getTxContext().gasPrice;
        break;
      case 0x3b: {
        // EXTCODESIZE
        const address = stack[sp - 1]! & ADDRESS_MASK;
        if (!chargeAccountAccess(context, address)) return stop(context, pc, sp, 'out-of-gas');
        stack[sp - 1] = BigInt(host.getCode(address).length);
        break;
      }
      case 0x3c: {
        // EXTCODECOPY
        sp -= 4;
        const address = stack[sp + 3]! & ADDRESS_MASK;
        if (!chargeAccountAccess(context, address)) return stop(context, pc, sp, 'out-of-gas');
        const status = copyIntoMemory(
          context,
          host.getCode(address),
          stack[sp + 2]!,
          stack[sp + 1]!,
          stack[sp]!,
        );
        if (status !== undefined) return stop(context, pc, sp, status);
        break;
      }
      case 0x3d: // RETURNDATASIZE
        stack[sp++] = BigInt(context.returnData.length);
        break;
      case 0x3e: {
        // RETURNDATACOPY
        sp -= 3;
        const status = returnDataCopy(context, stack[sp + 2]!, stack[sp + 1]!, stack[sp]!);
        if (status !== undefined) return stop(context, pc, sp, status);
        break;
      }
      case 0x3f: {
        // EXTCODEHASH: 0 for a missing or EIP-161-empty account (EIP-1052).
        const address = stack[sp - 1]! & ADDRESS_MASK;
        if (!chargeAccountAccess(context, address)) return stop(context, pc, sp, 'out-of-gas');
        stack[sp - 1] = host.isEmpty(address) ? 0n : host.getCodeHash(address);
        break;
      }

      case 0x40: {
        // BLOCKHASH
        stack[sp - 1] = blockHash(context, stack[sp - 1]!);
        break;
      }
      case 0x41: // COINBASE
        stack[sp++] = host.getTxContext().coinbase;
        break;
      case 0x42: // TIMESTAMP
        stack[sp++] = host.getTxContext().timestamp;
        break;
      case 0x43: // NUMBER
        stack[sp++] = host.getTxContext().number;
        break;
      case 0x44: // PREVRANDAO (DIFFICULTY before Paris)
        stack[sp++] = host.getTxContext().prevRandao;
        break;
      case 0x45: // GASLIMIT
        stack[sp++] = host.getTxContext().gasLimit;
        break;
      case 0x46: // CHAINID
        stack[sp++] = host.getTxContext().chainId;
        break;
      case 0x47: // SELFBALANCE
        stack[sp++] = host.getBalance(message.recipient);
        break;
      case 0x48: // BASEFEE
        stack[sp++] = host.getTxContext().baseFee;
        break;
      case 0x49: {
        // BLOBHASH
        stack[sp - 1] = blobHash(context, stack[sp - 1]!);
        break;
      }
      case 0x4a: // BLOBBASEFEE
        stack[sp++] = host.getTxContext().blobBaseFee;
        break;

      case 0x50: // POP
        sp--;
        break;
      case 0x51: {
        // MLOAD
        const offset = offsetOf(stack[sp - 1]!);
        if (offset < 0 || !chargeMemoryEnd(context, offset + 32)) return stop(context, pc, sp, 'out-of-gas');
        stack[sp - 1] = context.memory.loadWord(offset);
        break;
      }
      case 0x52: {
        // MSTORE
        sp -= 2;
        const offset = offsetOf(stack[sp + 1]!);
        if (offset < 0 || !chargeMemoryEnd(context, offset + 32)) return stop(context, pc, sp, 'out-of-gas');
        context.memory.storeWord(offset, stack[sp]!);
        break;
      }
      case 0x53: {
        // MSTORE8
        sp -= 2;
        const offset = offsetOf(stack[sp + 1]!);
        if (offset < 0 || !chargeMemoryEnd(context, offset + 1)) return stop(context, pc, sp, 'out-of-gas');
        context.memory.storeByte(offset, Number(stack[sp]! & 0xffn));
        break;
      }
      case 0x54: {
        // SLOAD
        const key = stack[sp - 1]!;
        if (!chargeSlotAccess(context, key)) return stop(context, pc, sp, 'out-of-gas');
        stack[sp - 1] = host.getStorage(message.recipient, key);
        break;
      }
      case 0x55: {
        // SSTORE
        sp -= 2;
        const status = sstore(context, stack[sp + 1]!, stack[sp]!);
        if (status !== undefined) return stop(context, pc, sp, status);
        break;
      }
      case 0x56: {
        // JUMP
        const destination = offsetOf(stack[--sp]!);
        if (destination < 0 || jumpdests[destination] !== 1)
          return stop(context, pc, sp, 'bad-jump-destination');
        pc = destination;
        continue;
      }
      case 0x57: {
        // JUMPI
        sp -= 2;
        if (stack[sp]! !== 0n) {
          const destination = offsetOf(stack[sp + 1]!);
          if (destination < 0 || jumpdests[destination] !== 1)
            return stop(context, pc, sp, 'bad-jump-destination');
          pc = destination;
          continue;
        }
        break;
      }
      case 0x58: // PC
        stack[sp++] = BigInt(pc);
        break;
      case 0x59: // MSIZE
        stack[sp++] = BigInt(context.memory.size);
        break;
      case 0x5a: // GAS
        stack[sp++] = context.totalGas;
        break;
      case 0x5b: // JUMPDEST
        break;
      case 0x5c: // TLOAD
        stack[sp - 1] = host.getTransientStorage(message.recipient, stack[sp - 1]!);
        break;
      case 0x5d: // TSTORE
        if (message.isStatic) return stop(context, pc, sp, 'static-mode-violation');
        sp -= 2;
        host.setTransientStorage(message.recipient, stack[sp + 1]!, stack[sp]!);
        break;
      case 0x5e: {
        // MCOPY
        sp -= 3;
        const status = mcopy(context, stack[sp + 2]!, stack[sp + 1]!, stack[sp]!);
        if (status !== undefined) return stop(context, pc, sp, status);
        break;
      }
      case 0x5f: // PUSH0
        stack[sp++] = 0n;
        break;
      case 0x60: // PUSH1
        stack[sp++] = SMALL[code[pc + 1]!]!;
        pc += 2;
        continue;
      case 0x61: // PUSH2
        stack[sp++] = BigInt((code[pc + 1]! << 8) | code[pc + 2]!);
        pc += 3;
        continue;
      case 0x62:
      case 0x63:
      case 0x64:
      case 0x65:
      case 0x66:
      case 0x67:
      case 0x68:
      case 0x69:
      case 0x6a:
      case 0x6b:
      case 0x6c:
      case 0x6d:
      case 0x6e:
      case 0x6f:
      case 0x70:
      case 0x71:
      case 0x72:
      case 0x73:
      case 0x74:
      case 0x75:
      case 0x76:
      case 0x77:
      case 0x78:
      case 0x79:
      case 0x7a:
      case 0x7b:
      case 0x7c:
      case 0x7d:
      case 0x7e:
      case 0x7f: {
        // PUSH3..PUSH32, decoded once by the code analysis
        stack[sp++] = pushValues[pc]!;
        pc += op - 0x5e;
        continue;
      }
      case 0x80:
      case 0x81:
      case 0x82:
      case 0x83:
      case 0x84:
      case 0x85:
      case 0x86:
      case 0x87:
      case 0x88:
      case 0x89:
      case 0x8a:
      case 0x8b:
      case 0x8c:
      case 0x8d:
      case 0x8e:
      case 0x8f:
        // DUP1..DUP16
        stack[sp] = stack[sp - (op - 0x7f)]!;
        sp++;
        break;
      case 0x90:
      case 0x91:
      case 0x92:
      case 0x93:
      case 0x94:
      case 0x95:
      case 0x96:
      case 0x97:
      case 0x98:
      case 0x99:
      case 0x9a:
      case 0x9b:
      case 0x9c:
      case 0x9d:
      case 0x9e:
      case 0x9f: {
        // SWAP1..SWAP16
        const other = sp - 1 - (op - 0x8f);
        const top = stack[sp - 1]!;
        stack[sp - 1] = stack[other]!;
        stack[other] = top;
        break;
      }
      case 0xa0:
      case 0xa1:
      case 0xa2:
      case 0xa3:
      case 0xa4: {
        // LOG0..LOG4
        const topicCount = op - 0xa0;
        const offset = stack[sp - 1]!;
        const size = stack[sp - 2]!;
        const topics: bigint[] = [];
        for (let i = 0; i < topicCount; i++) topics.push(stack[sp - 3 - i]!);
        sp -= 2 + topicCount;
        const status = log(context, offset, size, topics);
        if (status !== undefined) return stop(context, pc, sp, status);
        break;
      }

      case 0xf0: // CREATE
      case 0xf5: {
        // CREATE2
        const isCreate2 = op === 0xf5;
        const value = stack[sp - 1]!;
        const offset = stack[sp - 2]!;
        const size = stack[sp - 3]!;
        const salt = isCreate2 ? stack[sp - 4]! : 0n;
        sp -= isCreate2 ? 4 : 3;
        const status = prepareCreate(context, isCreate2 ? 'create2' : 'create', value, offset, size, salt);
        if (status !== undefined) return stop(context, pc, sp, status);
        return suspend(context, pc, sp);
      }
      case 0xf1: // CALL
      case 0xf2: {
        // CALLCODE
        const gas = stack[sp - 1]!;
        const address = stack[sp - 2]! & ADDRESS_MASK;
        const value = stack[sp - 3]!;
        sp -= 7;
        const kind = op === 0xf1 ? 'call' : 'callcode';
        const status = prepareCall(
          context,
          kind,
          gas,
          address,
          value,
          stack[sp + 3]!,
          stack[sp + 2]!,
          stack[sp + 1]!,
          stack[sp]!,
        );
        if (status !== undefined) return stop(context, pc, sp, status);
        return suspend(context, pc, sp);
      }
      case 0xf4: // DELEGATECALL
      case 0xfa: {
        // STATICCALL
        const gas = stack[sp - 1]!;
        const address = stack[sp - 2]! & ADDRESS_MASK;
        sp -= 6;
        const kind = op === 0xf4 ? 'delegatecall' : 'staticcall';
        const status = prepareCall(
          context,
          kind,
          gas,
          address,
          0n,
          stack[sp + 3]!,
          stack[sp + 2]!,
          stack[sp + 1]!,
          stack[sp]!,
        );
        if (status !== undefined) return stop(context, pc, sp, status);
        return suspend(context, pc, sp);
      }
      case 0xf3: // RETURN
      case 0xfd: {
        // REVERT
        sp -= 2;
        const output = memoryOutput(context, stack[sp + 1]!, stack[sp]!);
        if (output === undefined) return stop(context, pc, sp, 'out-of-gas');
        return stop(context, pc, sp, op === 0xf3 ? 'success' : 'revert', output);
      }
      case 0xfe: // INVALID
        return stop(context, pc, sp, 'invalid-instruction');
      case 0xff: // SELFDESTRUCT
        return stop(context, pc, sp - 1, selfDestruct(context, stack[sp - 1]! & ADDRESS_MASK));
      default: {
        // A byte without a case: the gas table marks it undefined unless the EVM was given an instruction for it.
        const height = executeCustomInstruction(context, op, pc, sp);
        if (height < 0) return RunOutcome.Halted;
        sp = height;
        break;
      }
    }
    pc++;
  }
}

/** The interpreter engine. */
export const interpreter: Engine = { name: 'interpreter', run };
