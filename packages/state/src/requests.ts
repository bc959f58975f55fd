import { sha256 } from '@noble/hashes/sha2.js';
import type { Address, Log } from '@tandem-evm/host';
import { bytesToWord, concatBytes } from '@tandem-evm/primitives';

// EIP-7685 (Prague) requests: a block's requests list holds one `request_type ‖ request_data`
// item per type, in ascending order of type; the header commits to it with `requests_hash`.
// Deposits (EIP-6110, type 0) come from the deposit contract's logs; withdrawal (EIP-7002,
// type 1) and consolidation (EIP-7251, type 2) requests from end-of-block system calls
// (system-calls.ts).

export const DEPOSIT_REQUEST_TYPE = 0x00;
export const WITHDRAWAL_REQUEST_TYPE = 0x01;
export const CONSOLIDATION_REQUEST_TYPE = 0x02;

/** EIP-6110: mainnet's deposit contract (other networks configure their own). */
export const DEPOSIT_CONTRACT_ADDRESS: Address = 0x00000000219ab540356cbb839cbe05303d7705fan;
/** EIP-6110: keccak256("DepositEvent(bytes,bytes,bytes,bytes,bytes)"), the first topic of a deposit log. */
export const DEPOSIT_EVENT_SIGNATURE_HASH =
  0x649bbc62d0e31342afea4e5cd82d4049e7e1ee912fc0889aa790803be39038c5n;

/** The block breaks a rule of block processing: a builder must not produce it, a validator must reject it. */
export class InvalidBlockError extends Error {
  override readonly name = 'InvalidBlockError';
}

/**
 * The DepositEvent's five `bytes` fields as the deposit contract ABI-encodes
 * them in 576 bytes: pubkey, withdrawal credentials, amount (little-endian),
 * signature, index (little-endian). Each field's offset is in the head; at the
 * offset, its size, then its bytes.
 */
const DEPOSIT_EVENT_LENGTH = 576;
const DEPOSIT_FIELDS = [
  { offset: 160, size: 48 },
  { offset: 256, size: 32 },
  { offset: 320, size: 8 },
  { offset: 384, size: 96 },
  { offset: 512, size: 8 },
] as const;

/** The 192-byte deposit request of a DepositEvent's data, after EIP-6110's `is_valid_deposit_event_data`. */
function depositRequest(data: Uint8Array): Uint8Array {
  const layoutIsValid =
    data.length === DEPOSIT_EVENT_LENGTH &&
    DEPOSIT_FIELDS.every(({ offset }, i) => bytesToWord(data, 32 * i) === BigInt(offset)) &&
    DEPOSIT_FIELDS.every(({ offset, size }) => bytesToWord(data, offset) === BigInt(size));
  if (!layoutIsValid) throw new InvalidBlockError('invalid deposit log: unsupported data layout');
  return concatBytes(
    ...DEPOSIT_FIELDS.map(({ offset, size }) => data.subarray(offset + 32, offset + 32 + size)),
  );
}

/**
 * EIP-6110 (Prague): the deposit requests item (`0x00 ‖ request_data`) of a
 * block, from its logs (all receipts', in order). Each log of `depositContract`
 * whose first topic is DEPOSIT_EVENT_SIGNATURE_HASH gives one 192-byte request:
 * pubkey ‖ withdrawal credentials ‖ amount ‖ signature ‖ index, the
 * little-endian numbers copied as they are. Other logs are ignored; a matching
 * log whose data is not the expected layout makes the block invalid
 * (InvalidBlockError).
 */
export function parseDepositRequests(
  logs: Iterable<Log>,
  depositContract: Address = DEPOSIT_CONTRACT_ADDRESS,
): Uint8Array {
  const items: Uint8Array[] = [Uint8Array.of(DEPOSIT_REQUEST_TYPE)];
  for (const log of logs) {
    if (log.address === depositContract && log.topics[0] === DEPOSIT_EVENT_SIGNATURE_HASH) {
      items.push(depositRequest(log.data));
    }
  }
  return concatBytes(...items);
}

/**
 * EIP-7685 (Prague): the header's `requests_hash`, sha256 over the sha256 of
 * each item with data (an item that is only its type byte is skipped). Items
 * must come in ascending order of type, one per type (RangeError otherwise).
 * No requests at all give sha256 of nothing, 0xe3b0c442…b855.
 */
export function requestsHash(requests: readonly Uint8Array[]): bigint {
  const outer = sha256.create();
  let lastType = -1;
  for (const request of requests) {
    if (request.length <= 1) continue;
    if (request[0]! <= lastType) {
      throw new RangeError('requests: one item per type, in ascending order of type');
    }
    lastType = request[0]!;
    outer.update(sha256(request));
  }
  return bytesToWord(outer.digest());
}
