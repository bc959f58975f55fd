/**
 * A small EVM assembler with labels, for the hand-written `call/…` contracts.
 * A program is a list of items: a mnemonic (`'CALL'`), a push of a number
 * (`push(1000)`, the smallest PUSHn that fits, or `push(x, 20)` for a fixed
 * size), a push of a label's offset (`pushLabel('loop')`, always PUSH2), or a
 * label (`label('loop')`, which also emits the JUMPDEST).
 */
import { instructionSize, OP, OPCODE_BY_NAME } from '@tandem-evm/opcodes';

type Item =
  | { readonly kind: 'op'; readonly name: string }
  | { readonly kind: 'push'; readonly value: bigint; readonly size: number }
  | { readonly kind: 'push-label'; readonly label: string }
  | { readonly kind: 'label'; readonly label: string };

export type AsmItem = string | Item;

export function push(value: bigint | number, size?: number): Item {
  const word = BigInt(value);
  if (word < 0n || word >= 1n << 256n) throw new RangeError(`push: ${value} is not a word`);
  const minimal = Math.max(1, Math.ceil(word.toString(16).length / 2));
  const width = size ?? minimal;
  if (width < minimal || width > 32) throw new RangeError(`push: ${value} does not fit ${width} bytes`);
  return { kind: 'push', value: word, size: width };
}

export function pushLabel(label: string): Item {
  return { kind: 'push-label', label };
}

export function label(name: string): Item {
  return { kind: 'label', label: name };
}

function sizeOf(item: Item): number {
  if (item.kind === 'push') return 1 + item.size;
  if (item.kind === 'push-label') return 3;
  return 1;
}

function pushBytes(out: number[], value: bigint, size: number): void {
  out.push(OP.PUSH1 + size - 1);
  for (let i = size - 1; i >= 0; i--) out.push(Number((value >> BigInt(8 * i)) & 0xffn));
}

export function assemble(program: readonly AsmItem[]): Uint8Array {
  const items: Item[] = program.map((item) => (typeof item === 'string' ? { kind: 'op', name: item } : item));
  const labels = new Map<string, number>();
  let offset = 0;
  for (const item of items) {
    if (item.kind === 'label') {
      if (labels.has(item.label)) throw new Error(`assemble: label '${item.label}' defined twice`);
      labels.set(item.label, offset);
    }
    offset += sizeOf(item);
  }
  const out: number[] = [];
  for (const item of items) {
    switch (item.kind) {
      case 'op': {
        const opcode = OPCODE_BY_NAME.get(item.name);
        if (opcode === undefined) throw new Error(`assemble: unknown mnemonic '${item.name}'`);
        if (instructionSize(opcode) > 1) throw new Error(`assemble: use push() for ${item.name}`);
        out.push(opcode);
        break;
      }
      case 'push':
        pushBytes(out, item.value, item.size);
        break;
      case 'push-label': {
        const target = labels.get(item.label);
        if (target === undefined) throw new Error(`assemble: unknown label '${item.label}'`);
        pushBytes(out, BigInt(target), 2);
        break;
      }
      case 'label':
        out.push(OPCODE_BY_NAME.get('JUMPDEST')!);
        break;
    }
  }
  return Uint8Array.from(out);
}
