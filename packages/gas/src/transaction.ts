// Gas a transaction pays before and around its top-level frame, as bigints
// like the gas limits they are compared with.

/** Every transaction pays 21,000. */
export const TX_BASE_GAS = 21000n;
/** A creation pays 53,000 from Homestead (EIP-2): 32,000 on top of the base. */
export const TX_CREATE_GAS = 53000n;
/** Calldata: 4 per zero byte; 68 per other byte, 16 from Istanbul (EIP-2028). */
export const TX_DATA_ZERO_GAS = 4n;
export const TX_DATA_NON_ZERO_GAS_FRONTIER = 68n;
export const TX_DATA_NON_ZERO_GAS_ISTANBUL = 16n;
/** EIP-2930 (Berlin): per access-list address and per storage key. */
export const ACCESS_LIST_ADDRESS_GAS = 2400n;
export const ACCESS_LIST_STORAGE_KEY_GAS = 1900n;
/** EIP-3860 (Shanghai): per 32-byte word of a creation's init code. */
export const INITCODE_WORD_GAS = 2n;
/** EIP-7623 (Prague): the floor is 21,000 plus this per calldata token (a zero byte is 1 token, any other 4). */
export const TOTAL_COST_FLOOR_PER_TOKEN = 10n;
export const TOKENS_PER_NON_ZERO_BYTE = 4n;
