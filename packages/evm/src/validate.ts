import type { Message } from '@tandem-evm/host';

const KINDS = new Set(['call', 'callcode', 'delegatecall', 'staticcall', 'create', 'create2']);
const MAX_GAS = (1n << 63n) - 1n;
const MAX_ADDRESS = (1n << 160n) - 1n;
const MAX_WORD = (1n << 256n) - 1n;

function checkBigint(value: unknown, field: string, max: bigint): void {
  if (typeof value !== 'bigint')
    throw new TypeError(`message.${field} must be a bigint, got ${typeof value}`);
  if (value < 0n || value > max)
    throw new RangeError(`message.${field} must be in [0, ${max}], got ${value}`);
}

/** Checks a message handed to Evm.execute; bad input is a TypeError/RangeError naming the field. */
export function validateMessage(message: Message): void {
  if (typeof message !== 'object' || message === null) throw new TypeError('message must be an object');
  if (!KINDS.has(message.kind)) throw new RangeError(`message.kind must be one of ${[...KINDS].join(', ')}`);
  if (!Number.isInteger(message.depth) || message.depth < 0 || message.depth > 1024) {
    throw new RangeError(`message.depth must be an integer in [0, 1024], got ${message.depth}`);
  }
  checkBigint(message.gas, 'gas', MAX_GAS);
  checkBigint(message.sender, 'sender', MAX_ADDRESS);
  checkBigint(message.recipient, 'recipient', MAX_ADDRESS);
  checkBigint(message.codeAddress, 'codeAddress', MAX_ADDRESS);
  checkBigint(message.value, 'value', MAX_WORD);
  if (message.salt !== undefined) checkBigint(message.salt, 'salt', MAX_WORD);
  if (!(message.input instanceof Uint8Array)) throw new TypeError('message.input must be a Uint8Array');
  if (message.code !== undefined && !(message.code instanceof Uint8Array)) {
    throw new TypeError('message.code must be a Uint8Array');
  }
  if (typeof message.isStatic !== 'boolean') throw new TypeError('message.isStatic must be a boolean');
}
