import type { Status } from '@tandem-evm/host';

/**
 * The statuses two EVMs can be held to agree on. Tandem's engines are
 * compared on the exact `Status`; another EVM names its failures its own
 * way, so both sides are mapped to these classes first (see `statusClass`
 * and the ethereumjs adapter's `ethereumjsStatusClass`).
 */
export type StatusClass =
  | 'success'
  | 'revert'
  | 'out-of-gas'
  | 'invalid-opcode'
  | 'stack-underflow'
  | 'stack-overflow'
  | 'bad-jump'
  | 'static-violation'
  | 'precompile-failure'
  | 'return-data-out-of-bounds'
  | 'contract-validation-failure'
  | 'create-collision'
  | 'insufficient-balance'
  | 'call-depth-exceeded'
  | 'threw';

const CLASSES: Record<Status, StatusClass> = {
  success: 'success',
  revert: 'revert',
  'out-of-gas': 'out-of-gas',
  // ethereumjs (like geth) reports INVALID (0xfe) and an undefined opcode alike.
  'invalid-instruction': 'invalid-opcode',
  'undefined-instruction': 'invalid-opcode',
  'stack-underflow': 'stack-underflow',
  'stack-overflow': 'stack-overflow',
  'bad-jump-destination': 'bad-jump',
  'static-mode-violation': 'static-violation',
  'precompile-failure': 'precompile-failure',
  'invalid-memory-access': 'return-data-out-of-bounds',
  'contract-validation-failure': 'contract-validation-failure',
  'create-collision': 'create-collision',
  'insufficient-balance': 'insufficient-balance',
  'call-depth-exceeded': 'call-depth-exceeded',
};

const CLASS_NAMES = new Set<string>([...Object.values(CLASSES), 'threw']);

/** A Tandem status as its class; a class name is returned as it is; anything else is 'threw'. */
export function statusClass(status: string): StatusClass {
  return CLASSES[status as Status] ?? (CLASS_NAMES.has(status) ? (status as StatusClass) : 'threw');
}
