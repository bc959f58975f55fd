import { type Engine, type ExecutionContext, RunOutcome } from '@tandem-evm/frame';
import { staticGasTable } from '@tandem-evm/gas';
import type { Inspector, Result } from '@tandem-evm/host';
import { instructionSize, OP, OPCODES } from '@tandem-evm/opcodes';
import { ADDRESS_MASK } from '@tandem-evm/primitives';
import { applyChildResult, chargeGas, copyToMemory } from '@tandem-evm/runtime';
import { executeCustomInstruction } from './custom.js';
import { run } from './interpreter.js';

function opcodeName(context: ExecutionContext, opcode: number): string {
  const name = context.rules?.instructions[opcode]?.name ?? OPCODES[opcode]?.name;
  return name ?? `0x${opcode.toString(16).padStart(2, '0')}`;
}

/**
 * An interpreter that runs one instruction at a time, for what the plain
 * loop must not pay for: an inspector's `step` after every instruction, and
 * built-in opcodes an EVM replaced with its own (`createEvm({ opcodes })`).
 *
 * It shares every instruction body with the plain interpreter by running the
 * plain loop itself on a step buffer: a zeroed copy of the code's length that
 * holds only the current instruction's bytes. The plain loop executes that
 * instruction with all its checks, moves to the next pc, finds a zero byte
 * there and stops as at STOP, keeping gas, stack, memory and pc. A STOP at
 * another pc than the instruction's is this step's end; a halt at the
 * instruction's own pc, or a suspension for a CALL/CREATE, is the frame's.
 * The plain loop reads code bytes only to decode instructions (later PUSHes
 * come decoded from the analysis) and for CODECOPY, whose copy this engine
 * redoes from the real code. STOP (0x00) is the one opcode an EVM may not
 * replace, since the step buffer relies on it.
 */
export function createSteppingInterpreter(inspector: Inspector | undefined): Engine {
  let buffer = new Uint8Array(0);

  /** Runs the built-in instruction at `pc` in the plain loop; returns its outcome, or -1 when the frame goes on. */
  function stepBuiltIn(context: ExecutionContext, code: Uint8Array, pc: number, opcode: number): number {
    const size = instructionSize(opcode);
    if (buffer.length < code.length) buffer = new Uint8Array(code.length);
    const step = buffer;
    step.set(code.subarray(pc, pc + size), pc);
    let codeCopy: bigint[] | undefined;
    if (opcode === OP.CODECOPY && context.stackTop >= 3) {
      const stack = context.stack;
      const top = context.stackTop;
      codeCopy = [stack[top - 1]!, stack[top - 2]!, stack[top - 3]!];
    }
    let outcome: RunOutcome;
    context.code = step;
    try {
      outcome = run(context, undefined);
    } finally {
      context.code = code;
      step.fill(0, pc, pc + size);
    }
    if (outcome !== RunOutcome.Halted || context.pc === pc) return outcome;
    if (codeCopy !== undefined && codeCopy[2]! > 0n) {
      // The plain loop copied from the step buffer; the region is charged and grown, so copy the real code.
      const [memoryOffset, codeOffset, size] = codeCopy as [bigint, bigint, bigint];
      copyToMemory(
        context,
        Number(memoryOffset),
        code.subarray(0, context.codeSize),
        codeOffset,
        Number(size),
      );
    }
    return -1;
  }

  /** Runs a custom instruction that replaced a built-in one; same contract as stepBuiltIn. */
  function stepReplaced(context: ExecutionContext, pc: number, opcode: number, gasTable: Int32Array): number {
    if (!chargeGas(context, gasTable[opcode]!)) {
      context.pc = pc;
      context.halt('out-of-gas');
      return RunOutcome.Halted;
    }
    if (executeCustomInstruction(context, opcode, pc, context.stackTop) < 0) return RunOutcome.Halted;
    context.pc = pc + 1;
    return -1;
  }

  function runFrame(context: ExecutionContext, childResult: Result | undefined): RunOutcome {
    if (childResult !== undefined) {
      context.stack[context.stackTop] = applyChildResult(context, childResult);
      context.stackTop++;
    }
    const code = context.code;
    const rules = context.rules;
    const gasTable = rules?.gasTable ?? staticGasTable(context.revision);
    for (;;) {
      const pc = context.pc;
      const opcode = code[pc]!;
      const replaced =
        rules !== undefined && rules.instructions[opcode] !== undefined && OPCODES[opcode] !== undefined;
      if (inspector === undefined) {
        const outcome = replaced
          ? stepReplaced(context, pc, opcode, gasTable)
          : stepBuiltIn(context, code, pc, opcode);
        if (outcome >= 0) return outcome as RunOutcome;
        continue;
      }
      const stack = context.stack.slice(0, context.stackTop);
      const gas = context.gasLeft;
      const memorySize = context.memory.size;
      const refund = context.gasRefund;
      const balance = opcode === OP.SELFDESTRUCT ? context.host.getBalance(context.message.recipient) : 0n;
      const outcome = replaced
        ? stepReplaced(context, pc, opcode, gasTable)
        : stepBuiltIn(context, code, pc, opcode);
      const status = context.status;
      const failed = outcome === RunOutcome.Halted && status !== 'success' && status !== 'revert';
      const staticCost = gasTable[opcode]!;
      inspector.step?.({
        pc,
        opcode,
        opName: opcodeName(context, opcode),
        gas,
        gasCost: failed ? BigInt(Math.max(0, staticCost)) : gas - context.gasLeft,
        stack,
        memorySize,
        depth: context.message.depth,
        refund: opcode === OP.SSTORE && !replaced ? context.gasRefund : refund,
        error: outcome === RunOutcome.Halted && status !== 'success' ? status : undefined,
      });
      if (!failed) reportEffects(inspector, context, opcode, stack, balance, replaced);
      if (outcome >= 0) return outcome as RunOutcome;
    }
  }

  return { name: inspector === undefined ? 'interpreter (stepping)' : 'interpreter (traced)', run: runFrame };
}

/** The log and self-destruct hooks, for an instruction that succeeded; `stack` is the stack before it. */
function reportEffects(
  inspector: Inspector,
  context: ExecutionContext,
  opcode: number,
  stack: readonly bigint[],
  balance: bigint,
  replaced: boolean,
): void {
  if (replaced) return;
  const top = stack.length;
  const address = context.message.recipient;
  if (opcode >= OP.LOG0 && opcode <= OP.LOG4 && inspector.log !== undefined) {
    const offset = stack[top - 1]!;
    const size = stack[top - 2]!;
    const topics: bigint[] = [];
    for (let i = 0; i < opcode - OP.LOG0; i++) topics.push(stack[top - 3 - i]!);
    const start = Number(offset);
    const data =
      size === 0n ? new Uint8Array(0) : context.memory.readable(start, start + Number(size)).slice();
    inspector.log({ address, topics, data });
  } else if (opcode === OP.SELFDESTRUCT && inspector.selfDestruct !== undefined) {
    inspector.selfDestruct(address, stack[top - 1]! & ADDRESS_MASK, balance);
  }
}
