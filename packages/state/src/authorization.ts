import type { Address } from '@tandem-evm/host';
import {
  addressToBytes,
  bigintToMinimalBytes,
  concatBytes,
  delegationCode,
  delegationTarget,
  keccak256,
} from '@tandem-evm/primitives';
import { EMPTY_CODE } from './account.js';
import { encodeRlp } from './rlp.js';
import { recoverSigner, SECP256K1_ORDER } from './signature.js';
import type { WorldState } from './world-state.js';

/**
 * One tuple of an EIP-7702 set-code transaction's authorization list: the
 * signer of `keccak256(0x05 ‖ rlp([chainId, address, nonce]))` asks that its
 * account's code become a delegation to `address`.
 */
export interface Authorization {
  /** 0 for any chain. */
  readonly chainId: bigint;
  readonly address: Address;
  readonly nonce: bigint;
  readonly yParity: bigint;
  readonly r: bigint;
  readonly s: bigint;
}

/** EIP-7702 parameters. */
export const PER_EMPTY_ACCOUNT_COST = 25000n;
export const PER_AUTH_BASE_COST = 12500n;
const SET_CODE_MAGIC = 0x05;
const MAX_UINT64 = (1n << 64n) - 1n;

/**
 * The account that signed the tuple, or undefined when the signature is not
 * acceptable: a y parity other than 0 or 1, r or s zero or not below the curve
 * order, s above half the order (EIP-2), or no key recovers.
 */
export function authorityOf(authorization: Authorization): Address | undefined {
  const { chainId, address, nonce, yParity, r, s } = authorization;
  if (yParity > 1n || r === 0n || r >= SECP256K1_ORDER || s === 0n || s > SECP256K1_ORDER / 2n) {
    return undefined;
  }
  const payload = encodeRlp([
    bigintToMinimalBytes(chainId),
    addressToBytes(address),
    bigintToMinimalBytes(nonce),
  ]);
  const digest = keccak256(concatBytes(Uint8Array.of(SET_CODE_MAGIC), payload));
  return recoverSigner(digest, Number(yParity), r, s);
}

/**
 * Applies a set-code transaction's authorization list (EIP-7702), after the
 * sender's nonce was raised and before any code runs: for each tuple whose
 * chain id is 0 or `chainId`, whose nonce is below 2^64-1 and whose signature
 * recovers an authority, the authority is warmed; then, if its code is empty
 * or already a delegation and its nonce equals the tuple's, its code becomes
 * `0xef0100 ‖ address` (empty for address 0) and its nonce goes up by one.
 * A tuple that fails a check is skipped. Returns the refund owed for
 * authorities that already existed (25,000 − 12,500 each), which counts even
 * if the transaction then fails: these writes are never rolled back.
 */
export function applyAuthorizations(
  state: WorldState,
  authorizations: readonly Authorization[],
  chainId: bigint,
): bigint {
  let refund = 0n;
  for (const authorization of authorizations) {
    if (authorization.chainId !== 0n && authorization.chainId !== chainId) continue;
    if (authorization.nonce >= MAX_UINT64) continue;
    const authority = authorityOf(authorization);
    if (authority === undefined) continue;
    state.accessAccount(authority);
    const code = state.getCode(authority);
    if (code.length !== 0 && delegationTarget(code) === undefined) continue;
    if (state.getNonce(authority) !== authorization.nonce) continue;
    if (state.accountExists(authority)) refund += PER_EMPTY_ACCOUNT_COST - PER_AUTH_BASE_COST;
    state.setCode(
      authority,
      authorization.address === 0n ? EMPTY_CODE : delegationCode(authorization.address),
    );
    state.setNonce(authority, authorization.nonce + 1n);
  }
  return refund;
}
