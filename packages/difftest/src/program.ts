import { LATEST_REVISION, type Revision } from '@tandem-evm/host';
import { OP, opcodeInfo } from '@tandem-evm/opcodes';

/**
 * A small intermediate form for generated programs: raw bytes, labels and
 * references to labels and data blobs. Generators build snippets with labels
 * local to the snippet; `assembleProgram` renumbers them, lays the data
 * blobs after the code and resolves every reference to a PUSH2.
 */

/** One element of a snippet. */
export type Piece =
  /**
   * Bytes emitted as they are; with `opcodes`, every byte is an opcode (so a
   * strict program leaves out the snippet in a revision without one of them).
   */
  | { readonly bytes: readonly number[]; readonly opcodes?: true }
  /** A JUMPDEST that `pushLabel` with the same id refers to. */
  | { readonly label: number }
  /** PUSH2 of the position of the snippet's label `pushLabel`. */
  | { readonly pushLabel: number }
  /** PUSH2 of the position of the snippet's data blob `pushData` (laid after the code). */
  | { readonly pushData: number }
  /** PUSH2 of the size of the snippet's data blob `pushDataSize`, plus `delta` (at least 0). */
  | { readonly pushDataSize: number; readonly delta: number };

/** A data blob: bytes, or a program assembled for the same revision as the code holding it. */
export type Blob = Uint8Array | Program;

/** A stack-balanced piece of code, with the data blobs it copies from its own code. */
export interface Snippet {
  readonly pieces: readonly Piece[];
  readonly data?: readonly Blob[];
}

/**
 * A program before assembly. A strict program leaves out, in a revision,
 * the snippets using an opcode that revision lacks (so old revisions run
 * more than their first instructions); a lax one keeps them, and fails there
 * with an undefined instruction.
 */
export interface Program {
  readonly snippets: readonly Snippet[];
  readonly strict: boolean;
}

/** Bytes of the shortest PUSH of `value` (PUSH1 for 0, so that no PUSH0 sneaks into old revisions). */
export function pushBytes(value: bigint): number[] {
  if (value < 0n) throw new RangeError(`push of a negative value ${value}`);
  let size = 1;
  while (value >> BigInt(8 * size) !== 0n) size++;
  if (size > 32) throw new RangeError('push of a value wider than 256 bits');
  const out = [OP.PUSH0 + size];
  for (let i = size - 1; i >= 0; i--) out.push(Number((value >> BigInt(8 * i)) & 0xffn));
  return out;
}

export const push = (value: bigint | number): Piece => ({ bytes: pushBytes(BigInt(value)) });
export const op = (...bytes: number[]): Piece => ({ bytes, opcodes: true });
export const raw = (...bytes: number[]): Piece => ({ bytes });

function definedIn(snippet: Snippet, revision: Revision): boolean {
  for (const piece of snippet.pieces) {
    if ('opcodes' in piece && piece.bytes.some((code) => opcodeInfo(code, revision) === undefined))
      return false;
  }
  return true;
}

/** Assembles a program for `revision` (default: the latest): code first, then every data blob. */
export function assembleProgram(
  program: Program | readonly Snippet[],
  revision: Revision = LATEST_REVISION,
): Uint8Array {
  const all = 'snippets' in program ? program.snippets : program;
  const strict = 'snippets' in program && program.strict;
  const snippets = strict ? all.filter((snippet) => definedIn(snippet, revision)) : all;
  const labelIds = new Map<string, number>();
  const dataIds = new Map<string, Uint8Array>();
  // Pass 1: sizes and label positions.
  let pc = 0;
  snippets.forEach((snippet, s) => {
    for (const piece of snippet.pieces) {
      if ('bytes' in piece) pc += piece.bytes.length;
      else if ('label' in piece) labelIds.set(`${s}:${piece.label}`, pc++);
      else pc += 3;
    }
    snippet.data?.forEach((blob, d) => {
      dataIds.set(`${s}:${d}`, blob instanceof Uint8Array ? blob : assembleProgram(blob, revision));
    });
  });
  const dataPositions = new Map<string, number>();
  let dataEnd = pc;
  for (const [key, blob] of dataIds) {
    dataPositions.set(key, dataEnd);
    dataEnd += blob.length;
  }
  const out = new Uint8Array(dataEnd);
  let at = 0;
  const push2 = (position: number) => {
    out[at++] = OP.PUSH2;
    out[at++] = (position >> 8) & 0xff;
    out[at++] = position & 0xff;
  };
  snippets.forEach((snippet, s) => {
    for (const piece of snippet.pieces) {
      if ('bytes' in piece) {
        out.set(piece.bytes, at);
        at += piece.bytes.length;
      } else if ('label' in piece) {
        out[at++] = OP.JUMPDEST;
      } else if ('pushLabel' in piece) {
        push2(labelIds.get(`${s}:${piece.pushLabel}`) ?? 0);
      } else if ('pushData' in piece) {
        push2(dataPositions.get(`${s}:${piece.pushData}`) ?? 0);
      } else {
        push2(Math.max(0, (dataIds.get(`${s}:${piece.pushDataSize}`)?.length ?? 0) + piece.delta));
      }
    }
  });
  for (const [key, blob] of dataIds) out.set(blob, dataPositions.get(key)!);
  return out;
}

/** Labels of a compound snippet's own pieces use ids below this. */
const OWN_LABELS = 16;

/**
 * Builds one snippet from the compound's own pieces (arrays sharing one label
 * namespace with ids < 16, and data ids indexing `ownData`) and child
 * snippets, whose labels and data blobs are renumbered so they cannot clash.
 */
export function compound(
  parts: readonly (readonly Piece[] | Snippet)[],
  ownData: readonly Blob[] = [],
): Snippet {
  const pieces: Piece[] = [];
  const data: Blob[] = [...ownData];
  let nextLabel = OWN_LABELS;
  for (const part of parts) {
    if (Array.isArray(part)) {
      pieces.push(...(part as readonly Piece[]));
      continue;
    }
    const child = part as Snippet;
    const labelBase = nextLabel;
    const dataBase = data.length;
    for (const piece of child.pieces) {
      if ('label' in piece) {
        nextLabel = Math.max(nextLabel, labelBase + piece.label + 1);
        pieces.push({ label: labelBase + piece.label });
      } else if ('pushLabel' in piece) {
        nextLabel = Math.max(nextLabel, labelBase + piece.pushLabel + 1);
        pieces.push({ pushLabel: labelBase + piece.pushLabel });
      } else if ('pushData' in piece) {
        pieces.push({ pushData: dataBase + piece.pushData });
      } else if ('pushDataSize' in piece) {
        pieces.push({ pushDataSize: dataBase + piece.pushDataSize, delta: piece.delta });
      } else {
        pieces.push(piece);
      }
    }
    data.push(...(child.data ?? []));
  }
  return data.length > 0 ? { pieces, data } : { pieces };
}
