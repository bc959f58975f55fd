export { addressToBytes, addressToHex, parseAddress } from './address.js';
export { DELEGATION_CODE_SIZE, delegationCode, delegationTarget } from './delegation.js';
export { bigintToHex, bytesEqual, bytesToHex, concatBytes, hexToBytes, parseBigInt } from './hex.js';
export { EMPTY_CODE_HASH, keccak256, keccak256Word } from './keccak.js';
export {
  ADDRESS_MASK,
  bigintToMinimalBytes,
  byteLength,
  bytesToWord,
  fromSigned,
  low32,
  MAX_WORD,
  SIGN_BIT,
  setUint64,
  toSigned,
  WORD_MODULUS,
  wordAt,
  wordToBytes,
  writeWord,
} from './word.js';
