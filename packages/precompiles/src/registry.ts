import { Revision } from '@tandem-evm/host';
import { pointEvaluationGas, runPointEvaluation } from './0a-point-evaluation.js';
import { bls12G1AddGas, runBls12G1Add } from './0b-bls12-g1add.js';
import { bls12G1MsmGas, runBls12G1Msm } from './0c-bls12-g1msm.js';
import { bls12G2AddGas, runBls12G2Add } from './0d-bls12-g2add.js';
import { bls12G2MsmGas, runBls12G2Msm } from './0e-bls12-g2msm.js';
import { bls12PairingGas, runBls12Pairing } from './0f-bls12-pairing.js';
import { ecrecoverGas, runEcrecover } from './01-ecrecover.js';
import { runSha256, sha256Gas } from './02-sha256.js';
import { ripemd160Gas, runRipemd160 } from './03-ripemd160.js';
import { identityGas, runIdentity } from './04-identity.js';
import { modexpGas, runModexp } from './05-modexp.js';
import { bn254AddGas, runBn254Add } from './06-bn254-add.js';
import { bn254MulGas, runBn254Mul } from './07-bn254-mul.js';
import { bn254PairingGas, runBn254Pairing } from './08-bn254-pairing.js';
import { blake2fGas, runBlake2f } from './09-blake2f.js';
import { bls12MapFpToG1Gas, runBls12MapFpToG1 } from './10-bls12-map-fp-to-g1.js';
import { bls12MapFp2ToG2Gas, runBls12MapFp2ToG2 } from './11-bls12-map-fp2-to-g2.js';
import { p256VerifyGas, runP256Verify } from './100-p256verify.js';

export interface Precompile {
  readonly address: bigint;
  /** The first revision in which the precompile exists. */
  readonly since: Revision;
  /** The cost of a call, known before it runs so that oversized work fails cheaply as out of gas. */
  readonly gas: (input: Uint8Array, revision: Revision) => bigint;
  /** The output, or `undefined` when the input is invalid (the call fails and consumes all its gas). */
  readonly run: (input: Uint8Array, revision: Revision) => Uint8Array | undefined;
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
  { address: 0x0bn, since: Revision.Prague, gas: bls12G1AddGas, run: runBls12G1Add },
  { address: 0x0cn, since: Revision.Prague, gas: bls12G1MsmGas, run: runBls12G1Msm },
  { address: 0x0dn, since: Revision.Prague, gas: bls12G2AddGas, run: runBls12G2Add },
  { address: 0x0en, since: Revision.Prague, gas: bls12G2MsmGas, run: runBls12G2Msm },
  { address: 0x0fn, since: Revision.Prague, gas: bls12PairingGas, run: runBls12Pairing },
  { address: 0x10n, since: Revision.Prague, gas: bls12MapFpToG1Gas, run: runBls12MapFpToG1 },
  { address: 0x11n, since: Revision.Prague, gas: bls12MapFp2ToG2Gas, run: runBls12MapFp2ToG2 },
  { address: 0x100n, since: Revision.Osaka, gas: p256VerifyGas, run: runP256Verify },
];
