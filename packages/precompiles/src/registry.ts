import { Revision } from '@tandem-evm/host';
import { pointEvaluationGas, runPointEvaluation } from './0a-point-evaluation.js';
import { ecrecoverGas, runEcrecover } from './01-ecrecover.js';
import { runSha256, sha256Gas } from './02-sha256.js';
import { ripemd160Gas, runRipemd160 } from './03-ripemd160.js';
import { identityGas, runIdentity } from './04-identity.js';
import { modexpGas, runModexp } from './05-modexp.js';
import { bn254AddGas, runBn254Add } from './06-bn254-add.js';
import { bn254MulGas, runBn254Mul } from './07-bn254-mul.js';
import { bn254PairingGas, runBn254Pairing } from './08-bn254-pairing.js';
import { blake2fGas, runBlake2f } from './09-blake2f.js';

export interface Precompile {
  readonly address: bigint;
  /** The first revision in which the precompile exists. */
  readonly since: Revision;
  /** The cost of a call, known before it runs so that oversized work fails cheaply as out of gas. */
  readonly gas: (input: Uint8Array, revision: Revision) => bigint;
  /** The output, or `undefined` when the input is invalid (the call fails and consumes all its gas). */
  readonly run: (input: Uint8Array) => Uint8Array | undefined;
}

/** Every precompile, in address order. */
export const PRECOMPILES: readonly Precompile[] = [
  { address: 0x01n, since: Revision.Frontier, gas: ecrecoverGas, run: runEcrecover },
  { address: 0x02n, since: Revision.Frontier, gas: sha256Gas, run: runSha256 },
  { address: 0x03n, since: Revision.Frontier, gas: ripemd160Gas, run: runRipemd160 },
  { address: 0x04n, since: Revision.Frontier, gas: identityGas, run: runIdentity },
  { address: 0x05n, since: Revision.Byzantium, gas: modexpGas, run: runModexp },
  { address: 0x06n, since: Revision.Byzantium, gas: bn254AddGas, run: runBn254Add },
  { address: 0x07n, since: Revision.Byzantium, gas: bn254MulGas, run: runBn254Mul },
  { address: 0x08n, since: Revision.Byzantium, gas: bn254PairingGas, run: runBn254Pairing },
  { address: 0x09n, since: Revision.Istanbul, gas: blake2fGas, run: runBlake2f },
  { address: 0x0an, since: Revision.Cancun, gas: pointEvaluationGas, run: runPointEvaluation },
];
