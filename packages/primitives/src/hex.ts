const HEX_DIGITS = '0123456789abcdef';
const BYTE_TO_HEX: string[] = Array.from(
  { length: 256 },
  (_, i) => HEX_DIGITS[i >> 4]! + HEX_DIGITS[i & 15]!,
);

/** Lower-case hex with a `0x` prefix. */
export function bytesToHex(bytes: Uint8Array): string {
  let out = '0x';
  for (let i = 0; i < bytes.length; i++) out += BYTE_TO_HEX[bytes[i]!];
  return out;
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}

/**
 * Parses hex with or without `0x`; an odd length is refused.
 * @throws TypeError naming `field` for anything that is not hex.
 */
export function hexToBytes(hex: string, field = 'hex'): Uint8Array {
  if (typeof hex !== 'string') throw new TypeError(`${field} must be a hex string, got ${typeof hex}`);
  const start = hex.startsWith('0x') || hex.startsWith('0X') ? 2 : 0;
  const digits = hex.length - start;
  if (digits % 2 !== 0) throw new TypeError(`${field} has an odd number of hex digits`);
  const out = new Uint8Array(digits / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = hexValue(hex.charCodeAt(start + 2 * i));
    const lo = hexValue(hex.charCodeAt(start + 2 * i + 1));
    if (hi < 0 || lo < 0) throw new TypeError(`${field} is not hex (at character ${start + 2 * i})`);
    out[i] = (hi << 4) | lo;
  }
  return out;
}

/** `0x`-prefixed hex of a non-negative bigint, without leading zeros (`0x0` for zero). */
export function bigintToHex(value: bigint): string {
  return `0x${value.toString(16)}`;
}

/** Parses a `0x` hex or decimal string into a bigint. */
export function parseBigInt(text: string, field = 'value'): bigint {
  if (typeof text !== 'string' || !/^(0x[0-9a-fA-F]*|[0-9]+)$/.test(text)) {
    throw new TypeError(`${field} must be a decimal or 0x-hex integer, got ${JSON.stringify(text)}`);
  }
  return text === '0x' ? 0n : BigInt(text);
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
