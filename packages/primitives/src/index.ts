export { bytesToHex, hexToBytes, bigintToHex, parseBigInt, concatBytes, bytesEqual } from './hex.js';
export {
  MAX_WORD,
  SIGN_BIT,
  WORD_MODULUS,
  ADDRESS_MASK,
  toSigned,
  fromSigned,
  bytesToWord,
  writeWord,
  wordToBytes,
  byteLength,
  bigintToMinimalBytes,
} from './word.js';
export { keccak256, keccak256Word, EMPTY_CODE_HASH } from './keccak.js';
export { parseAddress, addressToBytes, addressToHex } from './address.js';
