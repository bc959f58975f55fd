import { bigintToMinimalBytes, keccak256, keccak256Word } from '@tandem-evm/primitives';
import { encodeRlpBytes, encodeRlpList } from './rlp.js';

/** Root of a trie with no entries: keccak-256 of the RLP of the empty string. */
export const EMPTY_TRIE_ROOT = 0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421n;

/** RLP of the empty string: an empty branch slot or an empty branch value. */
const EMPTY_STRING_RLP = encodeRlpBytes(new Uint8Array(0));

interface Entry {
  /** The key as nibbles (half-bytes), high nibble first. */
  readonly path: Uint8Array;
  readonly value: Uint8Array;
}

function toNibbles(key: Uint8Array): Uint8Array {
  const nibbles = new Uint8Array(key.length * 2);
  for (let i = 0; i < key.length; i++) {
    nibbles[2 * i] = key[i]! >> 4;
    nibbles[2 * i + 1] = key[i]! & 0x0f;
  }
  return nibbles;
}

function comparePaths(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * Hex-prefix encoding of `path[start, end)`: a flag nibble (2 for a leaf,
 * plus 1 for an odd length), a zero pad nibble when the length is even, then
 * the path, packed two nibbles a byte.
 */
export function hexPrefix(path: Uint8Array, start: number, end: number, isLeaf: boolean): Uint8Array {
  const length = end - start;
  const isOdd = length % 2 === 1;
  const out = new Uint8Array(1 + (length >> 1));
  const flag = (isLeaf ? 2 : 0) + (isOdd ? 1 : 0);
  let nibble = start;
  out[0] = isOdd ? (flag << 4) | path[nibble++]! : flag << 4;
  for (let i = 1; i < out.length; i++, nibble += 2) out[i] = (path[nibble]! << 4) | path[nibble + 1]!;
  return out;
}

/** How a parent refers to a child node: inline if its RLP is shorter than 32 bytes, else by hash. */
function reference(encodedNode: Uint8Array): Uint8Array {
  return encodedNode.length < 32 ? encodedNode : encodeRlpBytes(keccak256(encodedNode));
}

/** RLP of the node holding the sorted `entries[from, to)`, whose paths agree on their first `depth` nibbles. */
function encodeNode(entries: readonly Entry[], from: number, to: number, depth: number): Uint8Array {
  const first = entries[from]!;
  if (to - from === 1) {
    return encodeRlpList([
      encodeRlpBytes(hexPrefix(first.path, depth, first.path.length, true)),
      encodeRlpBytes(first.value),
    ]);
  }
  // Sorted paths: the common prefix of the first and the last is common to all.
  const last = entries[to - 1]!;
  let prefixEnd = depth;
  while (prefixEnd < first.path.length && first.path[prefixEnd] === last.path[prefixEnd]) prefixEnd++;
  if (prefixEnd === depth) return encodeBranch(entries, from, to, depth);
  return encodeRlpList([
    encodeRlpBytes(hexPrefix(first.path, depth, prefixEnd, false)),
    reference(encodeBranch(entries, from, to, prefixEnd)),
  ]);
}

/** RLP of a branch node at `depth` over `entries[from, to)` (at least two entries, sorted). */
function encodeBranch(entries: readonly Entry[], from: number, to: number, depth: number): Uint8Array {
  const items = new Array<Uint8Array>(17);
  let next = from;
  // A key that ends here is the branch's own value; sorting puts it first.
  let value = EMPTY_STRING_RLP;
  if (entries[next]!.path.length === depth) value = encodeRlpBytes(entries[next++]!.value);
  for (let nibble = 0; nibble < 16; nibble++) {
    const start = next;
    while (next < to && entries[next]!.path[depth] === nibble) next++;
    items[nibble] = next > start ? reference(encodeNode(entries, start, next, depth + 1)) : EMPTY_STRING_RLP;
  }
  items[16] = value;
  return encodeRlpList(items);
}

/**
 * Merkle-Patricia trie root over key/value pairs. An empty value means an
 * absent key, as in the trie itself.
 * @throws RangeError if a key occurs twice.
 */
export function trieRoot(entries: Iterable<readonly [Uint8Array, Uint8Array]>): bigint {
  const sorted: Entry[] = [];
  for (const [key, value] of entries) if (value.length > 0) sorted.push({ path: toNibbles(key), value });
  if (sorted.length === 0) return EMPTY_TRIE_ROOT;
  sorted.sort((a, b) => comparePaths(a.path, b.path));
  for (let i = 1; i < sorted.length; i++) {
    if (comparePaths(sorted[i - 1]!.path, sorted[i]!.path) === 0) {
      const keyHex = Array.from(sorted[i]!.path, (nibble) => nibble.toString(16)).join('');
      throw new RangeError(`trie: key 0x${keyHex} occurs twice`);
    }
  }
  return keccak256Word(encodeNode(sorted, 0, sorted.length, 0));
}

/**
 * The root of a block's list trie (transactions, receipts, withdrawals): the
 * key of each item is the RLP of its index, the value its encoding.
 */
export function orderedTrieRoot(encodedItems: readonly Uint8Array[]): bigint {
  return trieRoot(
    encodedItems.map((item, index) => [encodeRlpBytes(bigintToMinimalBytes(BigInt(index))), item]),
  );
}
