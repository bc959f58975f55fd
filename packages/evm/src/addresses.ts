import type { Address } from '@tandem-evm/host';
import { addressToBytes, bytesToWord, concatBytes, keccak256, wordToBytes } from '@tandem-evm/primitives';

/** RLP of a short byte string (< 56 bytes), enough for [address, nonce]. */
function rlpBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 1 && bytes[0]! < 0x80) return bytes;
  return concatBytes(Uint8Array.of(0x80 + bytes.length), bytes);
}

function minimalBytes(value: bigint): Uint8Array {
  const word = wordToBytes(value);
  let start = 0;
  while (start < 32 && word[start] === 0) start++;
  return word.subarray(start);
}

/** CREATE: keccak256(rlp([sender, nonce]))[12:]. */
export function createAddress(sender: Address, nonce: bigint): Address {
  const payload = concatBytes(rlpBytes(addressToBytes(sender)), rlpBytes(minimalBytes(nonce)));
  const encoded = concatBytes(Uint8Array.of(0xc0 + payload.length), payload);
  return bytesToWord(keccak256(encoded), 12, 20);
}

/** CREATE2 (EIP-1014): keccak256(0xff ++ sender ++ salt ++ keccak256(initcode))[12:]. */
export function create2Address(sender: Address, salt: bigint, initcode: Uint8Array): Address {
  const preimage = concatBytes(
    Uint8Array.of(0xff),
    addressToBytes(sender),
    wordToBytes(salt),
    keccak256(initcode),
  );
  return bytesToWord(keccak256(preimage), 12, 20);
}
