/** An RLP value: a byte string or a list of values. */
export type RlpItem = Uint8Array | readonly RlpItem[];

const SHORT_STRING = 0x80;
const LONG_STRING = 0xb7;
const SHORT_LIST = 0xc0;
const LONG_LIST = 0xf7;
/** Payloads shorter than this carry their length in the prefix byte. */
const SHORT_LIMIT = 56;

/** Writes the prefix for a payload of `length` bytes at the start of a new buffer with room for the payload. */
function withHeader(
  length: number,
  shortOffset: number,
  longOffset: number,
): { out: Uint8Array; start: number } {
  if (length < SHORT_LIMIT) {
    const out = new Uint8Array(1 + length);
    out[0] = shortOffset + length;
    return { out, start: 1 };
  }
  let lengthOfLength = 0;
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) lengthOfLength++;
  const out = new Uint8Array(1 + lengthOfLength + length);
  out[0] = longOffset + lengthOfLength;
  for (let i = lengthOfLength, rest = length; i >= 1; i--, rest = Math.floor(rest / 256)) out[i] = rest % 256;
  return { out, start: 1 + lengthOfLength };
}

/** RLP of a byte string. */
export function encodeRlpBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 1 && bytes[0]! < SHORT_STRING) return bytes.slice();
  const { out, start } = withHeader(bytes.length, SHORT_STRING, LONG_STRING);
  out.set(bytes, start);
  return out;
}

/** RLP of a list whose items are already RLP-encoded (lets a trie embed small nodes without re-encoding). */
export function encodeRlpList(encodedItems: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const item of encodedItems) length += item.length;
  const { out, start } = withHeader(length, SHORT_LIST, LONG_LIST);
  let offset = start;
  for (const item of encodedItems) {
    out.set(item, offset);
    offset += item.length;
  }
  return out;
}

export function encodeRlp(item: RlpItem): Uint8Array {
  if (item instanceof Uint8Array) return encodeRlpBytes(item);
  return encodeRlpList(item.map(encodeRlp));
}

/**
 * Decodes one RLP value that spans all of `input`. Byte strings in the result
 * are copies.
 * @throws RangeError for truncated, non-canonical or trailing input.
 */
export function decodeRlp(input: Uint8Array): RlpItem {
  const [item, end] = decodeAt(input, 0, input.length);
  if (end !== input.length)
    throw new RangeError(`rlp: ${input.length - end} trailing bytes at offset ${end}`);
  return item;
}

/** Decodes the value starting at `offset`, which must end by `limit`; returns it and where it ends. */
function decodeAt(input: Uint8Array, offset: number, limit: number): [RlpItem, number] {
  if (offset >= limit) throw new RangeError(`rlp: input ends at offset ${offset} where a value was expected`);
  const prefix = input[offset]!;
  if (prefix < SHORT_STRING) return [input.slice(offset, offset + 1), offset + 1];

  const isList = prefix >= SHORT_LIST;
  const shortOffset = isList ? SHORT_LIST : SHORT_STRING;
  const longOffset = isList ? LONG_LIST : LONG_STRING;
  let start: number;
  let length: number;
  if (prefix <= longOffset) {
    start = offset + 1;
    length = prefix - shortOffset;
  } else {
    const lengthOfLength = prefix - longOffset;
    start = offset + 1 + lengthOfLength;
    if (start > limit) throw new RangeError(`rlp: length at offset ${offset} runs past the input`);
    if (input[offset + 1] === 0) throw new RangeError(`rlp: length at offset ${offset} has a leading zero`);
    length = 0;
    for (let i = offset + 1; i < start; i++) length = length * 256 + input[i]!;
    if (length < SHORT_LIMIT)
      throw new RangeError(`rlp: long form used for a ${length}-byte payload at offset ${offset}`);
  }
  const end = start + length;
  if (end > limit) throw new RangeError(`rlp: payload at offset ${offset} runs past the input`);

  if (!isList) {
    if (length === 1 && input[start]! < SHORT_STRING) {
      throw new RangeError(`rlp: single byte below 0x80 at offset ${offset} must encode itself`);
    }
    return [input.slice(start, end), end];
  }
  const items: RlpItem[] = [];
  for (let position = start; position < end; ) {
    const [item, next] = decodeAt(input, position, end);
    items.push(item);
    position = next;
  }
  return [items, end];
}
