import type { Address } from '@tandem-evm/host';
import { hexToBytes } from '@tandem-evm/primitives';

// The system contracts of Cancun and Prague: their addresses and the runtime code their EIPs
// deploy there (spec data, copied from the final EIP texts). Each EIP's deployment transaction is
// a synthetic-signature legacy creation whose input is a short constructor followed by this code;
// the tests recover each documented sender from that signature, which pins the code byte for byte.

/** EIP-4788 (Cancun): the ring buffer of parent beacon block roots, keyed by timestamp. */
export const BEACON_ROOTS_ADDRESS: Address = 0x000f3df6d732807ef1319fb7b8bb8522d0beac02n;
/** EIP-2935 (Prague): the ring buffer of historical block hashes, keyed by block number. */
export const HISTORY_STORAGE_ADDRESS: Address = 0x0000f90827f1c53a10cb7a02335b175320002935n;
/** EIP-7002 (Prague): the queue of execution-layer-triggered withdrawal requests. */
export const WITHDRAWAL_REQUEST_ADDRESS: Address = 0x00000961ef480eb55e80d19ad83579a64c007002n;
/** EIP-7251 (Prague): the queue of consolidation requests. */
export const CONSOLIDATION_REQUEST_ADDRESS: Address = 0x0000bbddc7ce488642fb579f8b00f3a590007251n;

/** EIP-2935: blocks whose hashes the history contract keeps, in a ring buffer of as many slots. */
export const HISTORY_SERVE_WINDOW = 8191n;

/**
 * EIP-4788's code (HISTORY_BUFFER_LENGTH = 8191): called by SYSTEM_ADDRESS it
 * stores the block's timestamp at slot `timestamp mod 8191` and calldata[0:32]
 * at that slot + 8191 (`set`);
 * called by anyone else with a non-zero 32-byte timestamp whose slot holds that
 * timestamp it returns the root, and otherwise reverts (`get`).
 */
export const BEACON_ROOTS_CODE: Uint8Array = hexToBytes(
  '0x3373fffffffffffffffffffffffffffffffffffffffe14604d57602036146024575f5ffd5b5f35801560495762001fff810690815414603c575f5ffd5b62001fff01545f5260205ff35b5f5ffd5b62001fff42064281555f359062001fff015500',
);

/**
 * EIP-2935's code: called by SYSTEM_ADDRESS it stores calldata[0:32] at slot
 * (number − 1) mod 8191 (`set`); called by anyone else with a 32-byte block
 * number in [number − 8191, number − 1] it returns that block's hash, and
 * otherwise reverts (`get`).
 */
export const HISTORY_STORAGE_CODE: Uint8Array = hexToBytes(
  '0x3373fffffffffffffffffffffffffffffffffffffffe14604657602036036042575f35600143038111604257611fff81430311604257611fff9006545f5260205ff35b5f5ffd5b5f35611fff60014303065500',
);

/**
 * EIP-7002's code. Slots: 0 excess requests (2^256 − 1, the inhibitor, until
 * the first system call), 1 requests this block, 2 and 3 queue head and tail,
 * 4 on the queue (3 slots a request). No input: returns the fee,
 * `fake_exponential(1, excess, 17)`. 56 bytes (pubkey ‖ big-endian amount) with
 * at least the fee: queues (caller, pubkey, amount). Called by SYSTEM_ADDRESS:
 * dequeues up to 16 requests, returned as 76-byte records (address ‖ pubkey ‖
 * little-endian amount), and updates the excess against a target of 2.
 */
export const WITHDRAWAL_REQUEST_CODE: Uint8Array = hexToBytes(
  '0x3373fffffffffffffffffffffffffffffffffffffffe1460cb5760115f54807fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff146101f457600182026001905f5b5f82111560685781019083028483029004916001019190604d565b909390049250505036603814608857366101f457346101f4575f5260205ff35b34106101f457600154600101600155600354806003026004013381556001015f35815560010160203590553360601b5f5260385f601437604c5fa0600101600355005b6003546002548082038060101160df575060105b5f5b8181146101835782810160030260040181604c02815460601b8152601401816001015481526020019060020154807fffffffffffffffffffffffffffffffff00000000000000000000000000000000168252906010019060401c908160381c81600701538160301c81600601538160281c81600501538160201c81600401538160181c81600301538160101c81600201538160081c81600101535360010160e1565b910180921461019557906002556101a0565b90505f6002555f6003555b5f54807fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff14156101cd57505f5b6001546002828201116101e25750505f6101e8565b01600290035b5f555f600155604c025ff35b5f5ffd',
);

/**
 * EIP-7251's code: as EIP-7002's, with 96-byte requests (source pubkey ‖
 * target pubkey, 4 slots each on the queue), up to 2 dequeued a block as
 * 116-byte records (address ‖ source pubkey ‖ target pubkey), and a target of 1.
 */
export const CONSOLIDATION_REQUEST_CODE: Uint8Array = hexToBytes(
  '0x3373fffffffffffffffffffffffffffffffffffffffe1460d35760115f54807fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff1461019a57600182026001905f5b5f82111560685781019083028483029004916001019190604d565b9093900492505050366060146088573661019a573461019a575f5260205ff35b341061019a57600154600101600155600354806004026004013381556001015f358155600101602035815560010160403590553360601b5f5260605f60143760745fa0600101600355005b6003546002548082038060021160e7575060025b5f5b8181146101295782810160040260040181607402815460601b815260140181600101548152602001816002015481526020019060030154905260010160e9565b910180921461013b5790600255610146565b90505f6002555f6003555b5f54807fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff141561017357505f5b6001546001828201116101885750505f61018e565b01600190035b5f555f6001556074025ff35b5f5ffd',
);
