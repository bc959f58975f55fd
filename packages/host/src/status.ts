/**
 * How a frame ended. `success` and `revert` return gas left; every other status
 * is an exceptional halt that consumes all the frame's gas.
 */
export type Status =
  | 'success'
  | 'revert'
  | 'out-of-gas'
  | 'invalid-instruction'
  | 'undefined-instruction'
  | 'stack-underflow'
  | 'stack-overflow'
  | 'bad-jump-destination'
  | 'static-mode-violation'
  | 'precompile-failure'
  | 'invalid-memory-access'
  | 'contract-validation-failure'
  | 'create-collision'
  | 'insufficient-balance'
  | 'call-depth-exceeded';

/** True for statuses after which the frame's remaining gas is kept by the caller. */
export function keepsGas(status: Status): boolean {
  return status === 'success' || status === 'revert';
}
