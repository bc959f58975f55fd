// Reading JSON-RPC parameters: each reader names the field it was given, so a
// bad value answers -32602 with where it was (`params[0].gas`).
import { ADDRESS_MASK, hexToBytes, MAX_WORD } from '@tandem-evm/primitives';
import { invalidParams } from './errors.js';

/** A method's positional parameters, as the request carried them. */
export type Params = readonly unknown[];

const QUANTITY = /^0x(0|[1-9a-fA-F][0-9a-fA-F]*)$/;

/** The parameter at `index`, which must be there. */
export function param(params: Params, index: number): unknown {
  if (params[index] === undefined) throw invalidParams(`params[${index}]`, 'is missing');
  return params[index];
}

/** A JSON-RPC quantity: `0x` hex without leading zeros, at most `max`. */
export function readQuantity(value: unknown, field: string, max: bigint = MAX_WORD): bigint {
  if (typeof value !== 'string' || !QUANTITY.test(value)) {
    throw invalidParams(
      field,
      `must be a 0x hex quantity without leading zeros, got ${JSON.stringify(value)}`,
    );
  }
  const quantity = BigInt(value);
  if (quantity > max) throw invalidParams(field, `is out of range: ${value}`);
  return quantity;
}

/** `0x` hex bytes of any length (even digits). */
export function readData(value: unknown, field: string): Uint8Array {
  if (typeof value !== 'string' || !value.startsWith('0x')) {
    throw invalidParams(field, `must be 0x hex data, got ${JSON.stringify(value)}`);
  }
  try {
    return hexToBytes(value, field);
  } catch (error) {
    throw invalidParams(field, (error as Error).message.replace(`${field} `, ''));
  }
}

/** Hex data of exactly `length` bytes, as a number (a hash or a storage slot). */
function readFixed(value: unknown, field: string, length: number): bigint {
  const bytes = readData(value, field);
  if (bytes.length !== length) throw invalidParams(field, `must be ${length} bytes, got ${bytes.length}`);
  let word = 0n;
  for (const byte of bytes) word = (word << 8n) | BigInt(byte);
  return word;
}

export function readAddress(value: unknown, field: string): bigint {
  return readFixed(value, field, 20) & ADDRESS_MASK;
}

export function readHash(value: unknown, field: string): bigint {
  return readFixed(value, field, 32);
}

/**
 * A storage slot: clients send it as a 32-byte word or as a quantity
 * (`0x0`), so any hex up to 32 bytes is taken as a number.
 */
export function readSlot(value: unknown, field: string): bigint {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{1,64}$/.test(value)) {
    throw invalidParams(field, `must be a storage slot of at most 32 bytes, got ${JSON.stringify(value)}`);
  }
  return BigInt(value);
}

export function readBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean')
    throw invalidParams(field, `must be true or false, got ${JSON.stringify(value)}`);
  return value;
}

/** A JSON object (the transaction of eth_call, a filter, options). */
export function readObject(value: unknown, field: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidParams(field, `must be an object, got ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}

/** Reads `object[key]` with `read` when it is present (not undefined or null). */
export function optional<T>(
  object: Readonly<Record<string, unknown>>,
  key: string,
  field: string,
  read: (value: unknown, field: string) => T,
): T | undefined {
  const value = object[key];
  return value === undefined || value === null ? undefined : read(value, `${field}.${key}`);
}

/** Formats a number as a JSON-RPC quantity. */
export function quantity(value: bigint | number): string {
  return `0x${value.toString(16)}`;
}

/** Formats a 32-byte number (a hash, a slot's value) as 64 hex digits. */
export function hash(value: bigint): string {
  return `0x${value.toString(16).padStart(64, '0')}`;
}
