import { type Engine, type ExecutionContext, RunOutcome, STACK_LIMIT } from '@tandem-evm/frame';
import { expCost, staticGasTable } from '@tandem-evm/gas';
import type { Result, Status } from '@tandem-evm/host';
import { instructionSize, OP, OPCODES } from '@tandem-evm/opcodes';
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

// Opcodes as constants of this module: V8 compiles a switch to a jump table only
// when its labels are literals or such constants (a label like `OP.ADD` reads a
// property per case, and dispatch became a chain of comparisons, 20x slower).
const {
  STOP,
  ADD,
  MUL,
  SUB,
  DIV,
  SDIV,
  MOD,
  SMOD,
  ADDMOD,
  MULMOD,
  EXP,
  SIGNEXTEND,
  LT,
  GT,
  SLT,
  SGT,
  EQ,
  ISZERO,
  AND,
  OR,
  XOR,
  NOT,
  BYTE,
  SHL,
  SHR,
  SAR,
  CLZ,
  KECCAK256,
  ADDRESS,
  BALANCE,
  ORIGIN,
  CALLER,
  CALLVALUE,
  CALLDATALOAD,
  CALLDATASIZE,
  CALLDATACOPY,
  CODESIZE,
  CODECOPY,
  GASPRICE,
  EXTCODESIZE,
  EXTCODECOPY,
  RETURNDATASIZE,
  RETURNDATACOPY,
  EXTCODEHASH,
  BLOCKHASH,
  COINBASE,
  TIMESTAMP,
  NUMBER,
  PREVRANDAO,
  GASLIMIT,
  CHAINID,
  SELFBALANCE,
  BASEFEE,
  BLOBHASH,
  BLOBBASEFEE,
  POP,
  MLOAD,
  MSTORE,
  MSTORE8,
  SLOAD,
  SSTORE,
  JUMP,
  JUMPI,
  PC,
  MSIZE,
  GAS,
  JUMPDEST,
  TLOAD,
  TSTORE,
  MCOPY,
  PUSH0,
  PUSH1,
  PUSH2,
  PUSH3,
  PUSH4,
  PUSH5,
  PUSH6,
  PUSH7,
  PUSH8,
  PUSH9,
  PUSH10,
  PUSH11,
  PUSH12,
  PUSH13,
  PUSH14,
  PUSH15,
  PUSH16,
  PUSH17,
  PUSH18,
  PUSH19,
  PUSH20,
  PUSH21,
  PUSH22,
  PUSH23,
  PUSH24,
  PUSH25,
  PUSH26,
  PUSH27,
  PUSH28,
  PUSH29,
  PUSH30,
  PUSH31,
  PUSH32,
  DUP1,
  DUP2,
  DUP3,
  DUP4,
  DUP5,
  DUP6,
  DUP7,
  DUP8,
  DUP9,
  DUP10,
  DUP11,
  DUP12,
  DUP13,
  DUP14,
  DUP15,
  DUP16,
  SWAP1,
  SWAP2,
  SWAP3,
  SWAP4,
  SWAP5,
  SWAP6,
  SWAP7,
  SWAP8,
  SWAP9,
  SWAP10,
  SWAP11,
  SWAP12,
  SWAP13,
  SWAP14,
  SWAP15,
  SWAP16,
  LOG0,
  LOG1,
  LOG2,
  LOG3,
  LOG4,
  CREATE,
  CALL,
  CALLCODE,
  RETURN,
  DELEGATECALL,
  CREATE2,
  STATICCALL,
  REVERT,
  INVALID,
  SELFDESTRUCT,
} = OP;

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

/** Hands the frame back to the engine that left it to the interpreter, at jump destination `pc`. */
function hot(context: ExecutionContext, pc: number, sp: number): RunOutcome {
  context.pc = pc;
  context.stackTop = sp;
  return RunOutcome.Hot;
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
    if ((context.gasCounter -= cost) < 0 && !drawReserve(context)) return stop(context, pc, sp, 'out-of-gas');

    switch (op) {
      case STOP:
        return stop(context, pc, sp, 'success');
      case ADD: {
        // Wrap only on overflow, rarer than a masking AND on every add (decision 0001).
        sp--;
        const sum = stack[sp]! + stack[sp - 1]!;
        stack[sp - 1] = sum > MAX_WORD ? sum & MAX_WORD : sum;
        break;
      }
      case MUL:
        sp--;
        stack[sp - 1] = (stack[sp]! * stack[sp - 1]!) & MAX_WORD;
        break;
      case SUB: {
        // Wrap only on underflow.
        sp--;
        const difference = stack[sp]! - stack[sp - 1]!;
        stack[sp - 1] = difference < 0n ? difference & MAX_WORD : difference;
        break;
      }
      case DIV: {
        sp--;
        const divisor = stack[sp - 1]!;
        stack[sp - 1] = divisor === 0n ? 0n : stack[sp]! / divisor;
        break;
      }
      case SDIV:
        sp--;
        stack[sp - 1] = sdiv(stack[sp]!, stack[sp - 1]!);
        break;
      case MOD: {
        sp--;
        const modulus = stack[sp - 1]!;
        stack[sp - 1] = modulus === 0n ? 0n : stack[sp]! % modulus;
        break;
      }
      case SMOD:
        sp--;
        stack[sp - 1] = smod(stack[sp]!, stack[sp - 1]!);
        break;
      case ADDMOD: {
        sp -= 2;
        const modulus = stack[sp - 1]!;
        stack[sp - 1] = modulus === 0n ? 0n : (stack[sp + 1]! + stack[sp]!) % modulus;
        break;
      }
      case MULMOD: {
        sp -= 2;
        const modulus = stack[sp - 1]!;
        stack[sp - 1] = modulus === 0n ? 0n : (stack[sp + 1]! * stack[sp]!) % modulus;
        break;
      }
      case EXP: {
        sp--;
        const exponent = stack[sp - 1]!;
        if (!chargeGas(context, expCost(exponent, revision))) return stop(context, pc, sp, 'out-of-gas');
        stack[sp - 1] = exp(stack[sp]!, exponent);
        break;
      }
      case SIGNEXTEND:
        sp--;
        stack[sp - 1] = signExtend(stack[sp]!, stack[sp - 1]!);
        break;

      case LT:
        sp--;
        stack[sp - 1] = stack[sp]! < stack[sp - 1]! ? 1n : 0n;
        break;
      case GT:
        sp--;
        stack[sp - 1] = stack[sp]! > stack[sp - 1]! ? 1n : 0n;
        break;
      case SLT:
        sp--;
        stack[sp - 1] = slt(stack[sp]!, stack[sp - 1]!) ? 1n : 0n;
        break;
      case SGT:
        sp--;
        stack[sp - 1] = slt(stack[sp - 1]!, stack[sp]!) ? 1n : 0n;
        break;
      case EQ:
        sp--;
        stack[sp - 1] = stack[sp]! === stack[sp - 1]! ? 1n : 0n;
        break;
      case ISZERO:
        stack[sp - 1] = stack[sp - 1]! === 0n ? 1n : 0n;
        break;
      case AND:
        sp--;
        stack[sp - 1] = stack[sp]! & stack[sp - 1]!;
        break;
      case OR:
        sp--;
        stack[sp - 1] = stack[sp]! | stack[sp - 1]!;
        break;
      case XOR:
        sp--;
        stack[sp - 1] = stack[sp]! ^ stack[sp - 1]!;
        break;
      case NOT:
        stack[sp - 1] = MAX_WORD ^ stack[sp - 1]!;
        break;
      case BYTE:
        sp--;
        stack[sp - 1] = byte(stack[sp]!, stack[sp - 1]!);
        break;
      case SHL: {
        sp--;
        const shift = stack[sp]!;
        stack[sp - 1] = shift < 256n ? (stack[sp - 1]! << shift) & MAX_WORD : 0n;
        break;
      }
      case SHR: {
        sp--;
        const shift = stack[sp]!;
        stack[sp - 1] = shift < 256n ? stack[sp - 1]! >> shift : 0n;
        break;
      }
      case SAR:
        sp--;
        stack[sp - 1] = sar(stack[sp]!, stack[sp - 1]!);
        break;
      case CLZ:
        stack[sp - 1] = clz(stack[sp - 1]!);
        break;

      case KECCAK256: {
        sp--;
        const hash = keccakOfMemory(context, stack[sp]!, stack[sp - 1]!);
        if (hash < 0n) return stop(context, pc, sp, 'out-of-gas');
        stack[sp - 1] = hash;
        break;
      }

      case ADDRESS:
        stack[sp++] = message.recipient;
        break;
      case BALANCE: {
        const address = stack[sp - 1]! & ADDRESS_MASK;
        if (!chargeAccountAccess(context, address)) return stop(context, pc, sp, 'out-of-gas');
        stack[sp - 1] = host.getBalance(address);
        break;
      }
      case ORIGIN:
        stack[sp++] = host.getTxContext().origin;
        break;
      case CALLER:
        stack[sp++] = message.sender;
        break;
      case CALLVALUE:
        stack[sp++] = message.value;
        break;
      case CALLDATALOAD: {
        stack[sp - 1] = callDataLoad(context, stack[sp - 1]!);
        break;
      }
      case CALLDATASIZE:
        stack[sp++] = BigInt(message.input.length);
        break;
      case CALLDATACOPY: {
        sp -= 3;
        const status = copyIntoMemory(context, message.input, stack[sp + 2]!, stack[sp + 1]!, stack[sp]!);
        if (status !== undefined) return stop(context, pc, sp, status);
        break;
      }
      case CODESIZE:
        stack[sp++] = BigInt(context.codeSize);
        break;
      case CODECOPY: {
        sp -= 3;
        const source = code.subarray(0, context.codeSize);
        const status = copyIntoMemory(context, source, stack[sp + 2]!, stack[sp + 1]!, stack[sp]!);
        if (status !== undefined) return stop(context, pc, sp, status);
        break;
      }
      case GASPRICE:
        stack[sp++] = host.getTxContext().gasPrice;
        break;
      case EXTCODESIZE: {
        const address = stack[sp - 1]! & ADDRESS_MASK;
        if (!chargeAccountAccess(context, address)) return stop(context, pc, sp, 'out-of-gas');
        stack[sp - 1] = BigInt(host.getCode(address).length);
        break;
      }
      case EXTCODECOPY: {
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
      case RETURNDATASIZE:
        stack[sp++] = BigInt(context.returnData.length);
        break;
      case RETURNDATACOPY: {
        sp -= 3;
        const status = returnDataCopy(context, stack[sp + 2]!, stack[sp + 1]!, stack[sp]!);
        if (status !== undefined) return stop(context, pc, sp, status);
        break;
      }
      case EXTCODEHASH: {
        // 0 for a missing or EIP-161-empty account (EIP-1052).
        const address = stack[sp - 1]! & ADDRESS_MASK;
        if (!chargeAccountAccess(context, address)) return stop(context, pc, sp, 'out-of-gas');
        stack[sp - 1] = host.isEmpty(address) ? 0n : host.getCodeHash(address);
        break;
      }

      case BLOCKHASH: {
        stack[sp - 1] = blockHash(context, stack[sp - 1]!);
        break;
      }
      case COINBASE:
        stack[sp++] = host.getTxContext().coinbase;
        break;
      case TIMESTAMP:
        stack[sp++] = host.getTxContext().timestamp;
        break;
      case NUMBER:
        stack[sp++] = host.getTxContext().number;
        break;
      case PREVRANDAO: // PREVRANDAO (DIFFICULTY before Paris)
        stack[sp++] = host.getTxContext().prevRandao;
        break;
      case GASLIMIT:
        stack[sp++] = host.getTxContext().gasLimit;
        break;
      case CHAINID:
        stack[sp++] = host.getTxContext().chainId;
        break;
      case SELFBALANCE:
        stack[sp++] = host.getBalance(message.recipient);
        break;
      case BASEFEE:
        stack[sp++] = host.getTxContext().baseFee;
        break;
      case BLOBHASH: {
        stack[sp - 1] = blobHash(context, stack[sp - 1]!);
        break;
      }
      case BLOBBASEFEE:
        stack[sp++] = host.getTxContext().blobBaseFee;
        break;

      case POP:
        sp--;
        break;
      case MLOAD: {
        const offset = offsetOf(stack[sp - 1]!);
        if (offset < 0 || !chargeMemoryEnd(context, offset + 32)) return stop(context, pc, sp, 'out-of-gas');
        stack[sp - 1] = context.memory.loadWord(offset);
        break;
      }
      case MSTORE: {
        sp -= 2;
        const offset = offsetOf(stack[sp + 1]!);
        if (offset < 0 || !chargeMemoryEnd(context, offset + 32)) return stop(context, pc, sp, 'out-of-gas');
        context.memory.storeWord(offset, stack[sp]!);
        break;
      }
      case MSTORE8: {
        sp -= 2;
        const offset = offsetOf(stack[sp + 1]!);
        if (offset < 0 || !chargeMemoryEnd(context, offset + 1)) return stop(context, pc, sp, 'out-of-gas');
        context.memory.storeByte(offset, Number(stack[sp]! & 0xffn));
        break;
      }
      case SLOAD: {
        const key = stack[sp - 1]!;
        if (!chargeSlotAccess(context, key)) return stop(context, pc, sp, 'out-of-gas');
        stack[sp - 1] = host.getStorage(message.recipient, key);
        break;
      }
      case SSTORE: {
        sp -= 2;
        const status = sstore(context, stack[sp + 1]!, stack[sp]!);
        if (status !== undefined) return stop(context, pc, sp, status);
        break;
      }
      case JUMP: {
        const destination = offsetOf(stack[--sp]!);
        if (destination < 0 || jumpdests[destination] !== 1)
          return stop(context, pc, sp, 'bad-jump-destination');
        if (--context.jumpsUntilHot === 0) return hot(context, destination, sp);
        pc = destination;
        continue;
      }
      case JUMPI: {
        sp -= 2;
        if (stack[sp]! !== 0n) {
          const destination = offsetOf(stack[sp + 1]!);
          if (destination < 0 || jumpdests[destination] !== 1)
            return stop(context, pc, sp, 'bad-jump-destination');
          if (--context.jumpsUntilHot === 0) return hot(context, destination, sp);
          pc = destination;
          continue;
        }
        break;
      }
      case PC:
        stack[sp++] = BigInt(pc);
        break;
      case MSIZE:
        stack[sp++] = BigInt(context.memory.size);
        break;
      case GAS:
        stack[sp++] = context.gasLeft;
        break;
      case JUMPDEST: {
        // A run of jump destinations only charges gas: it takes one dispatch when the
        // counter covers it, else one each, so that running out stops at the right one.
        let end = pc + 1;
        while (code[end] === JUMPDEST) end++;
        const runCost = (end - pc - 1) * cost;
        if (runCost > context.gasCounter) break;
        context.gasCounter -= runCost;
        pc = end;
        continue;
      }
      case TLOAD:
        stack[sp - 1] = host.getTransientStorage(message.recipient, stack[sp - 1]!);
        break;
      case TSTORE:
        if (message.isStatic) return stop(context, pc, sp, 'static-mode-violation');
        sp -= 2;
        host.setTransientStorage(message.recipient, stack[sp + 1]!, stack[sp]!);
        break;
      case MCOPY: {
        sp -= 3;
        const status = mcopy(context, stack[sp + 2]!, stack[sp + 1]!, stack[sp]!);
        if (status !== undefined) return stop(context, pc, sp, status);
        break;
      }
      case PUSH0:
        stack[sp++] = 0n;
        break;
      case PUSH1:
        stack[sp++] = SMALL[code[pc + 1]!]!;
        pc += 2;
        continue;
      case PUSH2: {
        // PUSH2 dest JUMP and PUSH2 dest JUMPI, how compilers jump, run the jump here: one
        // dispatch, and the destination never becomes a BigInt on the stack.
        const next = code[pc + 3]!;
        if ((next === JUMP || (next === JUMPI && sp > 0)) && gasTable[next]! >= 0) {
          pc += 3;
          if ((context.gasCounter -= gasTable[next]!) < 0 && !drawReserve(context)) {
            stack[sp++] = pushValues[pc - 3]!;
            return stop(context, pc, sp, 'out-of-gas');
          }
          if (next === JUMPI && stack[--sp]! === 0n) {
            pc++;
            continue;
          }
          const destination = (code[pc - 2]! << 8) | code[pc - 1]!;
          if (jumpdests[destination] !== 1) return stop(context, pc, sp, 'bad-jump-destination');
          if (--context.jumpsUntilHot === 0) return hot(context, destination, sp);
          pc = destination;
          continue;
        }
        stack[sp++] = pushValues[pc]!;
        pc += 3;
        continue;
      }
      case PUSH3:
      case PUSH4:
      case PUSH5:
      case PUSH6:
      case PUSH7:
      case PUSH8:
      case PUSH9:
      case PUSH10:
      case PUSH11:
      case PUSH12:
      case PUSH13:
      case PUSH14:
      case PUSH15:
      case PUSH16:
      case PUSH17:
      case PUSH18:
      case PUSH19:
      case PUSH20:
      case PUSH21:
      case PUSH22:
      case PUSH23:
      case PUSH24:
      case PUSH25:
      case PUSH26:
      case PUSH27:
      case PUSH28:
      case PUSH29:
      case PUSH30:
      case PUSH31:
      case PUSH32: {
        // PUSH3..PUSH32, decoded once by the code analysis
        stack[sp++] = pushValues[pc]!;
        pc += instructionSize(op);
        continue;
      }
      case DUP1:
      case DUP2:
      case DUP3:
      case DUP4:
      case DUP5:
      case DUP6:
      case DUP7:
      case DUP8:
      case DUP9:
      case DUP10:
      case DUP11:
      case DUP12:
      case DUP13:
      case DUP14:
      case DUP15:
      case DUP16:
        // DUP1..DUP16
        stack[sp] = stack[sp - (op - DUP1 + 1)]!;
        sp++;
        break;
      case SWAP1:
      case SWAP2:
      case SWAP3:
      case SWAP4:
      case SWAP5:
      case SWAP6:
      case SWAP7:
      case SWAP8:
      case SWAP9:
      case SWAP10:
      case SWAP11:
      case SWAP12:
      case SWAP13:
      case SWAP14:
      case SWAP15:
      case SWAP16: {
        // SWAP1..SWAP16
        const other = sp - 1 - (op - SWAP1 + 1);
        const top = stack[sp - 1]!;
        stack[sp - 1] = stack[other]!;
        stack[other] = top;
        break;
      }
      case LOG0:
      case LOG1:
      case LOG2:
      case LOG3:
      case LOG4: {
        // LOG0..LOG4
        const topicCount = op - LOG0;
        const offset = stack[sp - 1]!;
        const size = stack[sp - 2]!;
        const topics: bigint[] = [];
        for (let i = 0; i < topicCount; i++) topics.push(stack[sp - 3 - i]!);
        sp -= 2 + topicCount;
        const status = log(context, offset, size, topics);
        if (status !== undefined) return stop(context, pc, sp, status);
        break;
      }

      case CREATE:
      case CREATE2: {
        const isCreate2 = op === CREATE2;
        const value = stack[sp - 1]!;
        const offset = stack[sp - 2]!;
        const size = stack[sp - 3]!;
        const salt = isCreate2 ? stack[sp - 4]! : 0n;
        sp -= isCreate2 ? 4 : 3;
        const status = prepareCreate(context, isCreate2 ? 'create2' : 'create', value, offset, size, salt);
        if (status !== undefined) return stop(context, pc, sp, status);
        return suspend(context, pc, sp);
      }
      case CALL:
      case CALLCODE: {
        const gas = stack[sp - 1]!;
        const address = stack[sp - 2]! & ADDRESS_MASK;
        const value = stack[sp - 3]!;
        sp -= 7;
        const kind = op === CALL ? 'call' : 'callcode';
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
      case DELEGATECALL:
      case STATICCALL: {
        const gas = stack[sp - 1]!;
        const address = stack[sp - 2]! & ADDRESS_MASK;
        sp -= 6;
        const kind = op === DELEGATECALL ? 'delegatecall' : 'staticcall';
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
      case RETURN:
      case REVERT: {
        sp -= 2;
        const output = memoryOutput(context, stack[sp + 1]!, stack[sp]!);
        if (output === undefined) return stop(context, pc, sp, 'out-of-gas');
        return stop(context, pc, sp, op === RETURN ? 'success' : 'revert', output);
      }
      case INVALID:
        return stop(context, pc, sp, 'invalid-instruction');
      case SELFDESTRUCT:
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
