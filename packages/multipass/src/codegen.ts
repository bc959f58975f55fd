import { chunkCost, endsGasChunk, staticGasTable } from '@tandem-evm/gas';
import type { Revision } from '@tandem-evm/host';
import { type Block, type BlockInstruction, isPush, OP } from '@tandem-evm/opcodes';
import { MAX_WORD } from '@tandem-evm/primitives';
import { add, byte, clz, exp, sar, sdiv, signExtend, slt, smod, sub } from '@tandem-evm/runtime';

/**
 * What a block function returns when it does not continue at a pc (a pc is
 * always >= 0): the frame halted, suspended for a child frame, or must fall
 * back to the interpreter.
 */
export const BLOCK_HALTED = -1;
export const BLOCK_SUSPENDED = -2;
export const BLOCK_FALLBACK = -3;

/**
 * A symbolic stack item: a JS expression that is a literal, a local, or a
 * boolean condition not yet turned into a word (so LT + JUMPI becomes `if (a < b)`).
 */
interface Item {
  readonly code: string;
  readonly constant?: bigint;
  readonly condition?: string;
  /**
   * For an item read from the real stack: its depth below the block's entry
   * height. Its load is emitted the first time its code is used, so an item
   * that only stays where it was costs neither a load nor a store.
   */
  readonly slot?: number;
  /**
   * For `base + addend` with a small constant addend, computed as a word only
   * when its code is first used (see BlockWriter.sum): `pending` is its word
   * expression for a cold path until then, and `sum` what its offset form is
   * made of, so that a memory offset computed by ADDs costs no BigInt.
   */
  readonly pending?: string | undefined;
  readonly sum?: { readonly base: Item; readonly addend: number };
}

/**
 * Offset forms (see BlockWriter.offsetForm) stay below it, in V8's small
 * integers: a value that is sometimes a heap number made every memory access
 * slower, the interpreter's too, since they share Memory's methods. A memory
 * of 1 GiB costs some 2^41 gas, so offsets this large take the exact path.
 */
const FAST_OFFSET_LIMIT = 2 ** 30;

const literal = (value: bigint): Item => ({ code: `0x${value.toString(16)}n`, constant: value });
const TRUE = literal(1n);
const FALSE = literal(0n);

type Fold = (a: bigint, b: bigint) => bigint;

/**
 * Pure binary operations: how to fold constants, and the code for the general
 * case (a is the top). `wrap` says the code's result may leave the word's
 * range upwards or downwards; the writer then reduces it mod 2^256 only when
 * it did, one BigInt allocation fewer than an unconditional `& M`. The common
 * ones are written out rather than called through `rt`: V8 stops inlining
 * calls into a function after a small budget, and a group function has many.
 */
const BINARY: Record<
  number,
  { fold: Fold; code: (a: string, b: string) => string; wrap?: 'above' | 'below' }
> = {
  [OP.ADD]: { fold: add, code: (a, b) => `${a} + ${b}`, wrap: 'above' },
  [OP.MUL]: { fold: (a, b) => (a * b) & MAX_WORD, code: (a, b) => `${a} * ${b}`, wrap: 'above' },
  [OP.SUB]: { fold: sub, code: (a, b) => `${a} - ${b}`, wrap: 'below' },
  [OP.DIV]: { fold: (a, b) => (b === 0n ? 0n : a / b), code: (a, b) => `${b} === 0n ? 0n : ${a} / ${b}` },
  [OP.SDIV]: { fold: sdiv, code: (a, b) => `rt.sdiv(${a}, ${b})` },
  [OP.MOD]: { fold: (a, b) => (b === 0n ? 0n : a % b), code: (a, b) => `${b} === 0n ? 0n : ${a} % ${b}` },
  [OP.SMOD]: { fold: smod, code: (a, b) => `rt.smod(${a}, ${b})` },
  [OP.SIGNEXTEND]: { fold: signExtend, code: (a, b) => `rt.signExtend(${a}, ${b})` },
  [OP.AND]: { fold: (a, b) => a & b, code: (a, b) => `${a} & ${b}` },
  [OP.OR]: { fold: (a, b) => a | b, code: (a, b) => `${a} | ${b}` },
  [OP.XOR]: { fold: (a, b) => a ^ b, code: (a, b) => `${a} ^ ${b}` },
  [OP.BYTE]: { fold: byte, code: (a, b) => `rt.byte(${a}, ${b})` },
  [OP.SHL]: {
    fold: (a, b) => (a < 256n ? (b << a) & MAX_WORD : 0n),
    code: (a, b) => `${a} < 256n ? ${b} << ${a} : 0n`,
    wrap: 'above',
  },
  [OP.SHR]: { fold: (a, b) => (a < 256n ? b >> a : 0n), code: (a, b) => `${a} < 256n ? ${b} >> ${a} : 0n` },
  [OP.SAR]: { fold: sar, code: (a, b) => `rt.sar(${a}, ${b})` },
};

/** The operand value that leaves the other operand as it is (for SUB only as the subtrahend). */
const IDENTITY: Record<number, bigint> = {
  [OP.ADD]: 0n,
  [OP.SUB]: 0n,
  [OP.OR]: 0n,
  [OP.XOR]: 0n,
  [OP.AND]: MAX_WORD,
};

/** log2 of a power of two, or -1. */
function log2(value: bigint): number {
  return value > 0n && (value & (value - 1n)) === 0n ? value.toString(2).length - 1 : -1;
}

/**
 * Strength reduction when one operand of MUL, DIV, MOD, SHL or SHR is a
 * constant (a is the top): no zero test for a constant divisor, a shift or
 * mask for a power of two (compilers before EIP-145 shift with MUL and DIV),
 * the answer itself for a zero. Returns an item, code with its `wrap` (as in
 * BINARY), or undefined to use the general code.
 */
function withConstantOperand(
  opcode: number,
  a: Item,
  b: Item,
): Item | { code: string; wrap: 'above' | undefined } | undefined {
  const identity = IDENTITY[opcode];
  if (identity !== undefined) {
    // x op e = x: no operation, no BigInt (Solidity's `x + 0`, `x | 0`, masks of all ones).
    if (b.constant === identity) return a;
    if (a.constant === identity && opcode !== OP.SUB) return b;
  }
  switch (opcode) {
    case OP.MUL: {
      const [constant, other] = a.constant !== undefined ? [a.constant, b] : [b.constant, a];
      if (constant === undefined) return undefined;
      if (constant === 0n) return FALSE;
      if (constant === 1n) return other;
      const shift = log2(constant);
      return shift > 0 ? { code: `${other.code} << ${shift}n`, wrap: 'above' } : undefined;
    }
    case OP.DIV:
    case OP.MOD: {
      if (b.constant === undefined) return undefined;
      if (b.constant === 0n) return FALSE;
      if (b.constant === 1n) return opcode === OP.DIV ? a : FALSE;
      const shift = log2(b.constant);
      if (opcode === OP.DIV) {
        return { code: shift >= 0 ? `${a.code} >> ${shift}n` : `${a.code} / ${b.code}`, wrap: undefined };
      }
      return {
        code: shift >= 0 ? `${a.code} & ${literal(b.constant - 1n).code}` : `${a.code} % ${b.code}`,
        wrap: undefined,
      };
    }
    case OP.SHL:
    case OP.SHR: {
      if (a.constant === undefined) return undefined;
      if (a.constant >= 256n) return FALSE;
      if (a.constant === 0n) return b;
      return opcode === OP.SHL
        ? { code: `${b.code} << ${a.code}`, wrap: 'above' }
        : { code: `${b.code} >> ${a.code}`, wrap: undefined };
    }
    default:
      return undefined;
  }
}

/** a < b as signed words, with no BigInt allocated: same signs compare as unsigned; otherwise a is less when negative. */
function signedLess(a: string, b: string): string {
  return `((${a} >= S) === (${b} >= S) ? ${a} < ${b} : ${a} >= S)`;
}

/** Comparisons produce conditions. */
const COMPARE: Record<
  number,
  { fold: (a: bigint, b: bigint) => boolean; code: (a: string, b: string) => string }
> = {
  [OP.LT]: { fold: (a, b) => a < b, code: (a, b) => `${a} < ${b}` },
  [OP.GT]: { fold: (a, b) => a > b, code: (a, b) => `${a} > ${b}` },
  [OP.SLT]: { fold: slt, code: (a, b) => signedLess(a, b) },
  [OP.SGT]: { fold: (a, b) => slt(b, a), code: (a, b) => signedLess(b, a) },
  [OP.EQ]: { fold: (a, b) => a === b, code: (a, b) => `${a} === ${b}` },
};

/** Context fields pushed as they are. */
const CONTEXT_READS: Record<number, string> = {
  [OP.ADDRESS]: 'ctx.message.recipient',
  [OP.ORIGIN]: 'ctx.host.getTxContext().origin',
  [OP.CALLER]: 'ctx.message.sender',
  [OP.CALLVALUE]: 'ctx.message.value',
  [OP.CALLDATASIZE]: 'BigInt(ctx.message.input.length)',
  [OP.GASPRICE]: 'ctx.host.getTxContext().gasPrice',
  [OP.RETURNDATASIZE]: 'BigInt(ctx.returnData.length)',
  [OP.COINBASE]: 'ctx.host.getTxContext().coinbase',
  [OP.TIMESTAMP]: 'ctx.host.getTxContext().timestamp',
  [OP.NUMBER]: 'ctx.host.getTxContext().number',
  [OP.PREVRANDAO]: 'ctx.host.getTxContext().prevRandao',
  [OP.GASLIMIT]: 'ctx.host.getTxContext().gasLimit',
  [OP.CHAINID]: 'ctx.host.getTxContext().chainId',
  [OP.SELFBALANCE]: 'ctx.host.getBalance(ctx.message.recipient)',
  [OP.BASEFEE]: 'ctx.host.getTxContext().baseFee',
  [OP.BLOBBASEFEE]: 'ctx.host.getTxContext().blobBaseFee',
  [OP.MSIZE]: 'BigInt(ctx.memory.size)',
  [OP.GAS]: 'ctx.gasLeft',
};

/** Instructions whose work is one runtime call taking popped operands and returning a status or undefined. */
const RUNTIME_STATUS_CALLS: Record<number, { operands: number; call: (args: string[]) => string }> = {
  [OP.CALLDATACOPY]: {
    operands: 3,
    call: ([m, d, s]) => `rt.copyIntoMemory(ctx, ctx.message.input, ${m}, ${d}, ${s})`,
  },
  [OP.CODECOPY]: {
    operands: 3,
    call: ([m, d, s]) => `rt.copyIntoMemory(ctx, rt.codeOf(ctx), ${m}, ${d}, ${s})`,
  },
  [OP.RETURNDATACOPY]: { operands: 3, call: ([m, d, s]) => `rt.returnDataCopy(ctx, ${m}, ${d}, ${s})` },
  [OP.SSTORE]: { operands: 2, call: ([k, v]) => `rt.sstore(ctx, ${k}, ${v})` },
  [OP.MCOPY]: { operands: 3, call: ([d, s, n]) => `rt.mcopy(ctx, ${d}, ${s}, ${n})` },
};

/**
 * How a cold path leaves a block (see BlockWriter.coldExit): the items to
 * write, each at its depth below the block's entry height, from a constant
 * or from the stub's value argument of that index; then `sp` moves by `delta`.
 */
export interface ColdExit {
  readonly pc: number;
  readonly gasBack: number;
  readonly delta: number;
  readonly depths: number[];
  readonly sources: (bigint | number)[];
}

/**
 * Where a block sits in its group function: how it is entered and left.
 * A block that runs into the next case of the switch falls through to it
 * without a dispatch and, when the chunk it ends with is still open, charges
 * that block's first chunk with its own: the next block then charges it again
 * only when entered by a jump, which it tells by `pc` (the pc the group
 * function was entered or jumped to, never a block fallen into).
 */
export interface BlockLayout {
  /** Start pcs of the blocks in the same group function. */
  readonly group: ReadonlySet<number>;
  /** The next case of the switch starts at this block's fallthrough pc. */
  readonly fallsIntoNextCase: boolean;
  /** Static gas of the next block's first chunk that this block's last chunk charges (0 for none). */
  readonly nextChunkCost: number;
  /** The previous block charges this block's first chunk when it falls through into it. */
  readonly chargedByPrevious: boolean;
}

/**
 * Generates the JS source of one block: the body of a `case start:` in a
 * group function `(ctx, stack, sp, pc) => pc or a BLOCK_* code` whose loop
 * dispatches on `pc`. A jump to a block of the same group continues the loop;
 * any other transfer returns the pc to the caller's dispatch.
 */
export class BlockWriter {
  private readonly lines: string[] = [];
  private items: Item[] = [];
  /** Real stack items below the entry height that the symbolic stack has taken over. */
  private consumed = 0;
  private temporaries = 0;
  /** Static gas charged for the current chunk from the current instruction on. */
  private chunkRemaining = 0;
  /**
   * Words this block stored to or loaded from memory at constant offsets, by
   * offset: a later MLOAD there reads the value without converting bytes
   * (the store itself still happens). Forgotten when memory may have changed.
   */
  private readonly knownWords = new Map<number, Item>();
  /** Offset forms (see offsetForm) emitted so far, by item. */
  private readonly offsetForms = new Map<Item, string>();
  private readonly staticGas: Int32Array;

  constructor(
    private readonly block: Block,
    private readonly codeSize: number,
    private readonly jumpdests: Uint8Array,
    private readonly revision: Revision,
    private readonly layout: BlockLayout,
    /** The code's exit table, which this writer's cold paths add to. */
    private readonly exits: ColdExit[],
  ) {
    this.staticGas = staticGasTable(revision);
  }

  generate(): string {
    const { block } = this;
    this.checkStack();
    const instructions = block.instructions;
    let chunkStart = true;
    for (let i = 0; i < instructions.length; i++) {
      const instruction = instructions[i]!;
      if (!instruction.defined) {
        this.halt(instruction.pc, "'undefined-instruction'");
        return this.finish();
      }
      if (chunkStart) {
        this.chargeChunk(instructions, i);
        chunkStart = false;
      }
      if (this.instruction(instruction)) return this.finish();
      this.chunkRemaining -= this.staticGas[instruction.opcode]!;
      if (endsGasChunk(instruction.opcode)) chunkStart = true;
    }
    this.spill();
    if (block.fallthrough === undefined) throw new Error('multipass: block without an end');
    if (block.fallthrough >= this.codeSize)
      this.emit(`return rt.halt(ctx, ${block.fallthrough}, sp, 'success');`);
    else if (!this.layout.fallsIntoNextCase) this.emit(this.transfer(block.fallthrough));
    return this.finish();
  }

  /**
   * Hands the block to the interpreter when the stack cannot hold it; a check
   * that cannot fail is left out. A block fallen into gives back the gas its
   * previous block charged for it.
   */
  private checkStack(): void {
    const { start, stackRequired, stackGrowth, instructions } = this.block;
    const tests = [
      ...(stackRequired > 0 ? [`sp < ${stackRequired}`] : []),
      ...(stackGrowth > 0 ? [`sp > ${1024 - stackGrowth}`] : []),
    ];
    if (tests.length === 0) return;
    const refund = this.layout.chargedByPrevious
      ? `if (pc !== ${start}) ctx.gasCounter += ${this.chunkCharge(instructions, 0)}; `
      : '';
    this.emit(`if (${tests.join(' || ')}) { ${refund}return rt.fallback(ctx, ${start}, sp); }`);
  }

  private finish(): string {
    return `case ${this.block.start}: {\n    ${this.lines.join('\n    ')}\n  }`;
  }

  /** Code that continues at block `pc` (the stack is spilled). */
  private transfer(pc: number): string {
    return this.layout.group.has(pc) ? `pc = ${pc}; continue;` : `ctx.stackTop = sp; return ${pc};`;
  }

  private emit(line: string): void {
    this.lines.push(line);
  }

  private temporary(code: string): Item {
    const name = `t${this.temporaries++}`;
    this.emit(`const ${name} = ${code};`);
    return { code: name };
  }

  /** Makes sure the symbolic stack holds at least `count` items, loading real ones beneath it. */
  private ensure(count: number): void {
    while (this.items.length < count) {
      const slot = ++this.consumed;
      let name: string | undefined;
      const load = (): string => {
        if (name === undefined) {
          name = `t${this.temporaries++}`;
          this.emit(`const ${name} = stack[sp - ${slot}];`);
        }
        return name;
      };
      this.items.unshift({
        slot,
        get code() {
          return load();
        },
      });
    }
  }

  /**
   * Pops a word; a pending condition becomes 1 or 0. The item's load, if it
   * has one, is emitted now: its code may next be used after a spill has
   * overwritten its slot.
   */
  private pop(): Item {
    const item = this.popCondition();
    return item.condition !== undefined ? this.temporary(`${item.condition} ? 1n : 0n`) : item;
  }

  private popCondition(): Item {
    this.ensure(1);
    const item = this.items.pop()!;
    // A sum's operands are emitted already; it is computed where its code is first used, if ever.
    if (item.condition === undefined && item.sum === undefined) void item.code;
    return item;
  }

  /**
   * The items a spill must write: those not still in the slot they were read
   * from; their loads emitted first. For a cold path, a sum not computed yet
   * is written from its pending expression, leaving the hot path without it.
   */
  private spillStores(cold = false): { item: Item; code: string; depth: number }[] {
    const base = this.consumed;
    const stores = this.items
      .map((item, i) => ({ item, depth: base - i }))
      .filter(({ item, depth }) => item.slot !== depth);
    return stores.map(({ item, depth }) => ({
      item,
      code:
        item.condition !== undefined
          ? `(${item.condition} ? 1n : 0n)`
          : cold && item.pending !== undefined
            ? item.pending
            : item.code,
      depth,
    }));
  }

  private push(item: Item): void {
    this.items.push(item);
  }

  /** Writes the symbolic stack to the real stack and makes `sp` current. */
  private spill(): void {
    const base = this.consumed;
    for (const { code, depth } of this.spillStores()) this.emit(`stack[sp - ${depth}] = ${code};`);
    const delta = this.items.length - base;
    if (delta !== 0) this.emit(`sp += ${delta};`);
    this.items = [];
    this.consumed = 0;
  }

  /**
   * Code for a cold path that leaves the block at `pc`: it gives back
   * `gasBack` (static gas charged ahead), writes the symbolic stack to the
   * real one, and falls back to the interpreter or, with `status`, halts.
   * The writes go through a shared runtime stub and the exit's entry in the
   * code's exit table (constants and depths), not through a store per item
   * per exit: cold paths made up a quarter of the generated code. The
   * writer's state stays as it was.
   */
  private coldExit(pc: number, gasBack: number, status?: string): string {
    // Loads go on the hot path, where later code may use them, not into the cold path.
    const stores = this.spillStores(true);
    const delta = this.items.length - this.consumed;
    const refund = gasBack > 0 ? `ctx.gasCounter += ${gasBack}; ` : '';
    if (stores.length === 0 && delta === 0) {
      return status === undefined
        ? `${refund}return rt.fallback(ctx, ${pc}, sp);`
        : `return rt.halt(ctx, ${pc}, sp, ${status});`;
    }
    const values: string[] = [];
    const exit: ColdExit = { pc, gasBack, delta, depths: [], sources: [] };
    for (const { item, code, depth } of stores) {
      exit.depths.push(depth);
      if (item.constant !== undefined) exit.sources.push(item.constant);
      else exit.sources.push(values.push(code) - 1);
    }
    const id = this.exits.push(exit) - 1;
    const args = values.map((value) => `, ${value}`).join('');
    return status === undefined
      ? `return rt.exitToInterpreter(ctx, sp, E[${id}]${args});`
      : `return rt.exitHalted(ctx, sp, E[${id}], ${status}${args});`;
  }

  /** Static gas the chunk starting at instruction `from` charges: its own, and the next block's first chunk when it runs on into it. */
  private chunkCharge(instructions: BlockInstruction[], from: number): number {
    const { cost, open } = chunkCost(instructions, from, this.staticGas);
    return open ? cost + this.layout.nextChunkCost : cost;
  }

  /** Charges the static gas of the chunk starting at instruction `from` at once, or falls back for exact charging. */
  private chargeChunk(instructions: BlockInstruction[], from: number): void {
    const cost = this.chunkCharge(instructions, from);
    this.chunkRemaining = cost;
    if (cost === 0) return;
    const pc = instructions[from]!.pc;
    if (from === 0 && this.layout.chargedByPrevious) {
      this.emit(`if (pc === ${pc} && !rt.tryChargeGas(ctx, ${cost})) return rt.fallback(ctx, ${pc}, sp);`);
      return;
    }
    this.emit(`if ((ctx.gasCounter -= ${cost}) < 0 && !rt.drawReserve(ctx)) { ${this.coldExit(pc, cost)} }`);
  }

  /**
   * Cold path that gives the instruction at `pc` to the interpreter as if it
   * had not started: the chunk's unspent static gas back, operands still on
   * the stack. Call it before popping the operands.
   */
  private fallbackBefore(pc: number): string {
    return this.coldExit(pc, this.chunkRemaining);
  }

  /** A memory end offset as code: a folded number for a constant offset. */
  private memoryEnd(offset: Item, width: number): { start: string; check: string } {
    if (offset.constant !== undefined && offset.constant <= 0xffffffffn) {
      const start = Number(offset.constant);
      return {
        start: `${start}`,
        check: `ctx.memory.size < ${start + width} && !rt.tryExpandMemory(ctx, ${start + width})`,
      };
    }
    const start = this.offsetForm(offset);
    return {
      start,
      check: `${start} === ${FAST_OFFSET_LIMIT} || (ctx.memory.size < ${start} + ${width} && !rt.tryExpandMemory(ctx, ${start} + ${width}))`,
    };
  }

  /**
   * The item as a memory offset: a JS number that equals the word when it is
   * below FAST_OFFSET_LIMIT, and is FAST_OFFSET_LIMIT otherwise (also when a
   * sum of the offset may have wrapped): the memory access then takes the
   * exact path. A sum's offset form adds numbers, with no BigInt. Emitted
   * once per item.
   */
  private offsetForm(item: Item): string {
    const known = this.offsetForms.get(item);
    if (known !== undefined) return known;
    const name = `t${this.temporaries++}`;
    if (item.sum !== undefined) {
      // Both terms are below 2^30, so the sum is a small integer too before it is capped.
      this.emit(
        `const ${name} = Math.min(${this.offsetForm(item.sum.base)} + ${item.sum.addend}, ${FAST_OFFSET_LIMIT});`,
      );
    } else {
      const limit = `0x${FAST_OFFSET_LIMIT.toString(16)}n`;
      this.emit(`const ${name} = ${item.code} < ${limit} ? Number(${item.code}) : ${FAST_OFFSET_LIMIT};`);
    }
    this.offsetForms.set(item, name);
    return name;
  }

  /**
   * `base + addend` for a constant addend below FAST_OFFSET_LIMIT, as an item whose word
   * is computed only where its code is first used, and whose offset form
   * (offsetForm) is a number addition. Solidity computes memory offsets as
   * such sums of a pointer; most are used only as offsets.
   */
  private sum(base: Item, addend: bigint): Item {
    if (base.sum === undefined) void base.code;
    const writer = this;
    const word = literal(addend).code;
    let name: string | undefined;
    return {
      sum: { base, addend: Number(addend) },
      get code(): string {
        if (name === undefined) {
          const total = writer.temporary(`${base.code} + ${word}`).code;
          name = writer.temporary(`${total} > M ? ${total} & M : ${total}`).code;
        }
        return name;
      },
      get pending(): string | undefined {
        return name === undefined ? `rt.add(${base.pending ?? base.code}, ${word})` : undefined;
      },
    };
  }

  /** Forgets the known words a write of `width` bytes at `offset` overlaps (all of them for an offset known only at run time). */
  private forgetWords(offset: bigint | undefined, width: number): void {
    if (offset === undefined || offset > 0xffffffffn) {
      this.knownWords.clear();
      return;
    }
    const start = Number(offset);
    for (const known of this.knownWords.keys()) {
      if (known < start + width && start < known + 32) this.knownWords.delete(known);
    }
  }

  private halt(pc: number, status: string, output?: string): void {
    this.spill();
    this.emit(
      output === undefined
        ? `return rt.halt(ctx, ${pc}, sp, ${status});`
        : `return rt.halt(ctx, ${pc}, sp, ${status}, ${output});`,
    );
  }

  private haltIfStatus(pc: number, call: string): void {
    this.emit(`{ const status = ${call}; if (status !== undefined) { ${this.coldExit(pc, 0, 'status')} } }`);
  }

  private haltIfFalse(pc: number, condition: string, status: string): void {
    this.emit(`if (!(${condition})) { ${this.coldExit(pc, 0, status)} }`);
  }

  private isJumpdest(target: bigint): boolean {
    return target < BigInt(this.codeSize) && this.jumpdests[Number(target)] === 1;
  }

  /** Emits one instruction; returns true when it ends the block's code. */
  private instruction({ pc, opcode, immediate }: BlockInstruction): boolean {
    const binary = BINARY[opcode];
    if (binary !== undefined) {
      const a = this.pop();
      const b = this.pop();
      if (a.constant !== undefined && b.constant !== undefined) {
        this.push(literal(binary.fold(a.constant, b.constant)));
        return false;
      }
      const reduced = withConstantOperand(opcode, a, b);
      if (reduced !== undefined && !('wrap' in reduced)) {
        this.push(reduced);
        return false;
      }
      if (opcode === OP.ADD) {
        const [addend, base] = a.constant !== undefined ? [a.constant, b] : [b.constant, a];
        if (addend !== undefined && addend < BigInt(FAST_OFFSET_LIMIT)) {
          this.push(this.sum(base, addend));
          return false;
        }
      }
      const { code, wrap } = reduced ?? { code: binary.code(a.code, b.code), wrap: binary.wrap };
      const result = this.temporary(code);
      if (wrap === undefined) this.push(result);
      else {
        const r = result.code;
        this.push(
          this.temporary(wrap === 'above' ? `${r} > M ? ${r} & M : ${r}` : `${r} < 0n ? ${r} & M : ${r}`),
        );
      }
      return false;
    }
    const compare = COMPARE[opcode];
    if (compare !== undefined) {
      const a = this.pop();
      const b = this.pop();
      if (a.constant !== undefined && b.constant !== undefined)
        this.push(compare.fold(a.constant, b.constant) ? TRUE : FALSE);
      else this.push({ code: '', condition: compare.code(a.code, b.code) });
      return false;
    }
    const read = CONTEXT_READS[opcode];
    if (read !== undefined) {
      this.push(this.temporary(read));
      return false;
    }
    const statusCall = RUNTIME_STATUS_CALLS[opcode];
    if (statusCall !== undefined) {
      // All but SSTORE write memory at offsets known only at run time.
      if (opcode !== OP.SSTORE) this.knownWords.clear();
      const args = Array.from({ length: statusCall.operands }, () => this.pop().code);
      this.haltIfStatus(pc, statusCall.call(args));
      return false;
    }
    if (isPush(opcode)) {
      this.push(literal(immediate));
      return false;
    }
    if (opcode >= OP.DUP1 && opcode <= OP.DUP16) {
      const depth = opcode - OP.DUP1 + 1;
      this.ensure(depth);
      const item = this.items[this.items.length - depth]!;
      this.push(item);
      return false;
    }
    if (opcode >= OP.SWAP1 && opcode <= OP.SWAP16) {
      const depth = opcode - OP.SWAP1 + 1;
      this.ensure(depth + 1);
      const top = this.items.length - 1;
      const other = top - depth;
      [this.items[top], this.items[other]] = [this.items[other]!, this.items[top]!];
      return false;
    }
    if (opcode >= OP.LOG0 && opcode <= OP.LOG4) {
      const offset = this.pop().code;
      const size = this.pop().code;
      const topics = Array.from({ length: opcode - OP.LOG0 }, () => this.pop().code);
      this.haltIfStatus(pc, `rt.log(ctx, ${offset}, ${size}, [${topics.join(', ')}])`);
      return false;
    }
    return this.special(pc, opcode);
  }

  /** The instructions with a shape of their own. */
  private special(pc: number, opcode: number): boolean {
    switch (opcode) {
      case OP.STOP:
        this.halt(pc, "'success'");
        return true;
      case OP.ADDMOD:
      case OP.MULMOD: {
        const a = this.pop().code;
        const b = this.pop().code;
        const n = this.pop().code;
        const op = opcode === OP.ADDMOD ? '+' : '*';
        this.push(this.temporary(`${n} === 0n ? 0n : (${a} ${op} ${b}) % ${n}`));
        return false;
      }
      case OP.EXP: {
        this.ensure(2);
        const fallback = this.fallbackBefore(pc);
        const base = this.pop();
        const exponent = this.pop();
        this.emit(
          `if (!rt.tryChargeGas(ctx, rt.expCost(${exponent.code}, ${this.revision}))) { ${fallback} }`,
        );
        this.push(
          base.constant !== undefined && exponent.constant !== undefined
            ? literal(exp(base.constant, exponent.constant))
            : this.temporary(`rt.exp(${base.code}, ${exponent.code})`),
        );
        return false;
      }
      case OP.ISZERO: {
        const item = this.popCondition();
        if (item.constant !== undefined) this.push(item.constant === 0n ? TRUE : FALSE);
        else if (item.condition !== undefined) this.push({ code: '', condition: `!(${item.condition})` });
        else this.push({ code: '', condition: `${item.code} === 0n` });
        return false;
      }
      case OP.NOT: {
        const a = this.pop();
        this.push(
          a.constant !== undefined ? literal(MAX_WORD ^ a.constant) : this.temporary(`M ^ ${a.code}`),
        );
        return false;
      }
      case OP.CLZ: {
        const a = this.pop();
        this.push(a.constant !== undefined ? literal(clz(a.constant)) : this.temporary(`rt.clz(${a.code})`));
        return false;
      }
      case OP.KECCAK256: {
        const offset = this.pop().code;
        const size = this.pop().code;
        this.push(this.temporary(`rt.keccak(ctx, ${offset}, ${size})`));
        this.haltIfFalse(pc, `${this.items[this.items.length - 1]!.code} >= 0n`, "'out-of-gas'");
        return false;
      }
      case OP.BALANCE:
      case OP.EXTCODESIZE:
      case OP.EXTCODEHASH: {
        const address = this.pop().code;
        const name = `t${this.temporaries++}`;
        this.emit(`const ${name} = ${address} & A;`);
        this.haltIfFalse(pc, `rt.chargeAccountAccess(ctx, ${name})`, "'out-of-gas'");
        const read =
          opcode === OP.BALANCE
            ? `ctx.host.getBalance(${name})`
            : opcode === OP.EXTCODESIZE
              ? `BigInt(ctx.host.getCode(${name}).length)`
              : `ctx.host.isEmpty(${name}) ? 0n : ctx.host.getCodeHash(${name})`;
        this.push(this.temporary(read));
        return false;
      }
      case OP.CALLDATALOAD: {
        const offset = this.pop().code;
        this.push(this.temporary(`rt.callDataLoad(ctx, ${offset})`));
        return false;
      }
      case OP.CODESIZE:
        this.push(literal(BigInt(this.codeSize)));
        return false;
      case OP.EXTCODECOPY: {
        this.knownWords.clear();
        const address = this.pop().code;
        const memoryOffset = this.pop().code;
        const codeOffset = this.pop().code;
        const size = this.pop().code;
        const name = `t${this.temporaries++}`;
        this.emit(`const ${name} = ${address} & A;`);
        this.haltIfFalse(pc, `rt.chargeAccountAccess(ctx, ${name})`, "'out-of-gas'");
        this.haltIfStatus(
          pc,
          `rt.copyIntoMemory(ctx, ctx.host.getCode(${name}), ${memoryOffset}, ${codeOffset}, ${size})`,
        );
        return false;
      }
      case OP.BLOCKHASH: {
        const number = this.pop().code;
        this.push(this.temporary(`rt.blockHash(ctx, ${number})`));
        return false;
      }
      case OP.BLOBHASH: {
        const index = this.pop().code;
        this.push(this.temporary(`rt.blobHash(ctx, ${index})`));
        return false;
      }
      case OP.POP:
        // Dropped unread: an item from the real stack is never loaded.
        this.ensure(1);
        this.items.pop();
        return false;
      case OP.MLOAD: {
        this.ensure(1);
        const offset = this.items[this.items.length - 1]!.constant;
        const known = offset === undefined ? undefined : this.knownWords.get(Number(offset));
        if (known !== undefined) {
          // Memory already covers a word this block stored or loaded: no expansion, no dynamic gas.
          this.pop();
          this.push(known);
          return false;
        }
        const fallback = this.fallbackBefore(pc);
        const { start, check } = this.memoryEnd(this.pop(), 32);
        this.emit(`if (${check}) { ${fallback} }`);
        const word = this.temporary(`ctx.memory.loadWord(${start})`);
        if (offset !== undefined && offset <= 0xffffffffn) this.knownWords.set(Number(offset), word);
        this.push(word);
        return false;
      }
      case OP.MSTORE:
      case OP.MSTORE8: {
        this.ensure(2);
        const fallback = this.fallbackBefore(pc);
        const offset = this.pop();
        const value = this.pop();
        const width = opcode === OP.MSTORE ? 32 : 1;
        const { start, check } = this.memoryEnd(offset, width);
        this.emit(`if (${check}) { ${fallback} }`);
        this.emit(
          opcode === OP.MSTORE
            ? `ctx.memory.storeWord(${start}, ${value.code});`
            : `ctx.memory.storeByte(${start}, Number(${value.code} & 0xffn));`,
        );
        this.forgetWords(offset.constant, width);
        if (opcode === OP.MSTORE && offset.constant !== undefined && offset.constant <= 0xffffffffn)
          this.knownWords.set(Number(offset.constant), value);
        return false;
      }
      case OP.SLOAD: {
        const key = this.pop().code;
        this.haltIfFalse(pc, `rt.chargeSlotAccess(ctx, ${key})`, "'out-of-gas'");
        this.push(this.temporary(`ctx.host.getStorage(ctx.message.recipient, ${key})`));
        return false;
      }
      case OP.JUMP: {
        const target = this.pop();
        this.spill();
        this.jump(pc, target);
        return true;
      }
      case OP.JUMPI: {
        const target = this.pop();
        const condition = this.popCondition();
        this.spill();
        if (condition.constant !== undefined) {
          if (condition.constant !== 0n) {
            this.jump(pc, target);
            return true;
          }
          return false;
        }
        const test = condition.condition ?? `${condition.code} !== 0n`;
        this.emit(`if (${test}) {`);
        this.jump(pc, target);
        this.emit('}');
        return false;
      }
      case OP.PC:
        this.push(literal(BigInt(pc)));
        return false;
      case OP.JUMPDEST:
        return false;
      case OP.TLOAD: {
        const key = this.pop().code;
        this.push(this.temporary(`ctx.host.getTransientStorage(ctx.message.recipient, ${key})`));
        return false;
      }
      case OP.TSTORE: {
        const key = this.pop().code;
        const value = this.pop().code;
        this.haltIfFalse(pc, '!ctx.message.isStatic', "'static-mode-violation'");
        this.emit(`ctx.host.setTransientStorage(ctx.message.recipient, ${key}, ${value});`);
        return false;
      }
      case OP.CREATE:
      case OP.CREATE2: {
        const value = this.pop().code;
        const offset = this.pop().code;
        const size = this.pop().code;
        const salt = opcode === OP.CREATE2 ? this.pop().code : '0n';
        const kind = opcode === OP.CREATE2 ? "'create2'" : "'create'";
        this.suspend(pc, `rt.prepareCreate(ctx, ${kind}, ${value}, ${offset}, ${size}, ${salt})`);
        return true;
      }
      case OP.CALL:
      case OP.CALLCODE:
      case OP.DELEGATECALL:
      case OP.STATICCALL: {
        const withValue = opcode === OP.CALL || opcode === OP.CALLCODE;
        const gas = this.pop().code;
        const address = this.pop().code;
        const value = withValue ? this.pop().code : '0n';
        const args = [this.pop().code, this.pop().code, this.pop().code, this.pop().code];
        const kind = { 241: "'call'", 242: "'callcode'", 244: "'delegatecall'", 250: "'staticcall'" }[opcode];
        this.suspend(
          pc,
          `rt.prepareCall(ctx, ${kind}, ${gas}, ${address} & A, ${value}, ${args.join(', ')})`,
        );
        return true;
      }
      case OP.RETURN:
      case OP.REVERT: {
        const offset = this.pop().code;
        const size = this.pop().code;
        const status = opcode === OP.RETURN ? "'success'" : "'revert'";
        this.spill();
        this.emit(`return rt.returnOrRevert(ctx, ${pc}, sp, ${status}, ${offset}, ${size});`);
        return true;
      }
      case OP.INVALID:
        this.halt(pc, "'invalid-instruction'");
        return true;
      case OP.SELFDESTRUCT: {
        const beneficiary = this.pop().code;
        this.spill();
        this.emit(`return rt.halt(ctx, ${pc}, sp, rt.selfDestruct(ctx, ${beneficiary} & A));`);
        return true;
      }
      default:
        throw new Error(`multipass: no code generator for opcode 0x${opcode.toString(16)}`);
    }
  }

  private jump(pc: number, target: Item): void {
    if (target.constant !== undefined) {
      this.emit(
        this.isJumpdest(target.constant)
          ? this.transfer(Number(target.constant))
          : `return rt.halt(ctx, ${pc}, sp, 'bad-jump-destination');`,
      );
    } else {
      // The loop's default case hands a pc outside the group back to the caller.
      this.emit(`pc = rt.jump(ctx, ${pc}, sp, ${target.code}); if (pc < 0) return pc; continue;`);
    }
  }

  private suspend(pc: number, prepare: string): void {
    this.spill();
    this.emit(
      `{ const status = ${prepare}; if (status !== undefined) return rt.halt(ctx, ${pc}, sp, status); }`,
    );
    this.emit(`ctx.pc = ${pc + 1}; ctx.stackTop = sp; return ${BLOCK_SUSPENDED};`);
  }
}
