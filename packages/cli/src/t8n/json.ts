import type { Address } from '@tandem-evm/host';
import { hexToBytes, parseAddress } from '@tandem-evm/primitives';
import { parseFixtureNumber } from '@tandem-evm/statetest';
import { T8N_EXIT, T8nError } from './exit-codes.js';

// Readers for the t8n inputs' JSON: each names the field it was reading when it fails (exit 10).

export type Json = Record<string, unknown>;

/** Malformed input: exit 10. */
export function jsonFail(message: string): never {
  throw new T8nError(T8N_EXIT.json, message);
}

export function jsonObject(value: unknown, field: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    jsonFail(`${field} must be an object`);
  return value as Json;
}

export function jsonArray(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) jsonFail(`${field} must be an array`);
  return value;
}

/** A number as geth's JSON has them: a hex or decimal string, or a JSON integer. */
export function jsonNumber(value: unknown, field: string): bigint {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  try {
    return parseFixtureNumber(value, field);
  } catch (error) {
    return jsonFail((error as Error).message);
  }
}

export function jsonAddress(value: unknown, field: string): Address {
  if (typeof value !== 'string') jsonFail(`${field} must be an address string`);
  try {
    return parseAddress(value, field);
  } catch (error) {
    return jsonFail((error as Error).message);
  }
}

export function jsonBytes(value: unknown, field: string): Uint8Array {
  try {
    return hexToBytes(value as string, field);
  } catch (error) {
    return jsonFail((error as Error).message);
  }
}
