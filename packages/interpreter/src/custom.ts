import { type ExecutionContext, STACK_LIMIT } from '@tandem-evm/frame';

/**
 * Runs the custom instruction at `pc` (see `CustomInstruction`), its static
 * gas already charged: checks its stack bounds, pops its inputs, calls it and
 * pushes what it returns. Returns the new stack height, or -1 when the frame
 * halted (no such instruction, a stack bound, or the status it returned).
 */
export function executeCustomInstruction(
  context: ExecutionContext,
  opcode: number,
  pc: number,
  sp: number,
): number {
  const instruction = context.rules?.instructions[opcode];
  const stack = context.stack;
  context.pc = pc;
  context.stackTop = sp;
  if (instruction === undefined) return halt(context, 'undefined-instruction');
  const { stackIn, stackOut } = instruction;
  if (sp < stackIn) return halt(context, 'stack-underflow');
  if (sp - stackIn + stackOut > STACK_LIMIT) return halt(context, 'stack-overflow');
  const inputs = new Array<bigint>(stackIn);
  for (let i = 0; i < stackIn; i++) inputs[i] = stack[sp - 1 - i]!;
  sp -= stackIn;
  context.stackTop = sp;
  const outcome = instruction.execute(context, inputs);
  if (typeof outcome === 'string') return halt(context, outcome);
  if (outcome.length !== stackOut) {
    throw new TypeError(
      `opcode ${instruction.name} returned ${outcome.length} stack items, its definition says ${stackOut}`,
    );
  }
  for (let i = stackOut - 1; i >= 0; i--) stack[sp++] = BigInt.asUintN(256, outcome[i]!);
  context.stackTop = sp;
  return sp;
}

function halt(context: ExecutionContext, status: Parameters<ExecutionContext['halt']>[0]): number {
  context.halt(status);
  return -1;
}
