// Runs one state-test case through @ethereumjs/vm's runTx, with ethereumjs's own EVM or with
// Tandem (either engine) as the VM's EVM, over a MerkleStateManager holding the case's pre-state.
import { type Block, createBlock } from '@ethereumjs/block';
import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import type { EVMMockBlockchainInterface } from '@ethereumjs/evm';
import { MerkleStateManager } from '@ethereumjs/statemanager';
import { createTxFromRLP, type TypedTransaction } from '@ethereumjs/tx';
import {
  Account,
  bigIntToBytes,
  bytesToHex,
  createAddressFromString,
  hexToBytes,
  type KZG,
  setLengthLeft,
} from '@ethereumjs/util';
import { createVM, runTx, type VM } from '@ethereumjs/vm';
import { keccak256 } from '@tandem-evm/primitives';
import { encodeRlp, stateTestBlockHash } from '@tandem-evm/state';
import { type BridgeStats, createTandemEVM } from '../index.js';
import type { FixtureEnv, StateTestCase } from './state-fixture.js';

/** The VM's EVM: ethereumjs's own, or Tandem with one of its engines. */
export type Flavour = 'ethereumjs' | 'interpreter' | 'multipass';

/** What a case came to. */
export interface CaseOutcome {
  /** The VM rejected the transaction (or it did not decode, or its signature is invalid): why. */
  readonly rejection?: string;
  readonly stateRoot: `0x${string}`;
  readonly logsHash: `0x${string}`;
  readonly stats?: BridgeStats;
}

/**
 * ethereumjs builds a blob transaction only with a KZG implementation in its Common, though a
 * canonical (hashes-only) one never uses it. The state tests need none: Tandem's point-evaluation
 * precompile is its own. Using this one is an error.
 */
const NO_KZG = new Proxy({} as KZG, {
  get: (_target, name) => () => {
    throw new Error(`KZG.${String(name)} is not available in the state tests`);
  },
});

/** BLOCKHASH in state tests: keccak256 of the block number's decimal digits (the geth convention). */
const STATE_TEST_BLOCKCHAIN: EVMMockBlockchainInterface = {
  getBlock: async (number) => ({
    hash: () => setLengthLeft(hexToBytes(hexWord(stateTestBlockHash(BigInt(number)))), 32),
  }),
  putBlock: async () => {},
  shallowCopy: () => STATE_TEST_BLOCKCHAIN,
};

const hexWord = (value: bigint): `0x${string}` => `0x${value.toString(16).padStart(64, '0')}`;

export function cancunCommon(): Common {
  return new Common({ chain: Mainnet, hardfork: Hardfork.Cancun, customCrypto: { kzg: NO_KZG } });
}

/** The pre-state in a fresh Merkle state manager; zero storage values stay out of the trie. */
async function preState(common: Common, pre: StateTestCase['pre']): Promise<MerkleStateManager> {
  const stateManager = new MerkleStateManager({ common });
  for (const [addressText, account] of Object.entries(pre)) {
    const address = createAddressFromString(addressText);
    await stateManager.putAccount(address, new Account(BigInt(account.nonce), BigInt(account.balance)));
    await stateManager.putCode(address, hexToBytes(account.code));
    for (const [slot, value] of Object.entries(account.storage)) {
      if (BigInt(value) === 0n) continue;
      await stateManager.putStorage(
        address,
        setLengthLeft(bigIntToBytes(BigInt(slot)), 32),
        bigIntToBytes(BigInt(value)),
      );
    }
  }
  return stateManager;
}

function block(common: Common, env: FixtureEnv): Block {
  return createBlock(
    {
      header: {
        coinbase: env.currentCoinbase,
        gasLimit: env.currentGasLimit,
        number: env.currentNumber,
        timestamp: env.currentTimestamp,
        difficulty: 0n,
        mixHash: env.currentRandom ?? hexWord(BigInt(env.currentDifficulty)),
        baseFeePerGas: env.currentBaseFee ?? 0n,
        excessBlobGas: env.currentExcessBlobGas ?? 0n,
      },
    },
    { common, skipConsensusFormatValidation: true },
  );
}

async function newVm(common: Common, stateManager: MerkleStateManager, flavour: Flavour): Promise<VM> {
  const blockchain = STATE_TEST_BLOCKCHAIN;
  if (flavour === 'ethereumjs') return createVM({ common, stateManager, blockchain: blockchain as never });
  const evm = await createTandemEVM({ common, stateManager, blockchain, engine: flavour });
  return createVM({ common, stateManager, blockchain: blockchain as never, evm });
}

/** keccak256(rlp([[address, [topic, …], data], …])), as the fixtures' `logs`. */
function logsHash(logs: readonly [Uint8Array, Uint8Array[], Uint8Array][]): `0x${string}` {
  return bytesToHex(keccak256(encodeRlp(logs.map(([address, topics, data]) => [address, topics, data]))));
}

/** A case with its state, VM and transaction built, so that `execute` alone can be timed. */
export interface PreparedCase {
  /** Runs the transaction through runTx (a rejection is recorded, not thrown). */
  execute(): Promise<void>;
  /** The outcome of `execute`: the rejection, the state root and the logs hash. */
  outcome(): Promise<CaseOutcome>;
  /** The VM, for timing its EVM's runCall. */
  readonly vm: VM;
}

export async function prepareCase(testCase: StateTestCase, flavour: Flavour): Promise<PreparedCase> {
  const common = cancunCommon();
  const stateManager = await preState(common, testCase.pre);
  const vm = await newVm(common, stateManager, flavour);
  const env = block(common, testCase.env);
  let tx: TypedTransaction | undefined;
  let rejection: string | undefined;
  try {
    tx = createTxFromRLP(hexToBytes(testCase.txBytes), { common });
    // Recovering the sender is signature work, not the EVM's: do it before any timing.
    tx.getSenderAddress();
  } catch (error) {
    rejection = `not a valid signed transaction: ${(error as Error).message}`;
  }
  let logs: Parameters<typeof logsHash>[0] = [];
  return {
    vm,
    async execute() {
      if (tx === undefined) return;
      try {
        logs = (await runTx(vm, { tx, block: env, skipHardForkValidation: true })).execResult.logs ?? [];
      } catch (error) {
        rejection = (error as Error).message;
      }
    },
    async outcome() {
      const tandem = vm.evm as { stats?: BridgeStats };
      return {
        ...(rejection !== undefined ? { rejection } : {}),
        stateRoot: bytesToHex(await stateManager.getStateRoot()),
        logsHash: logsHash(logs),
        ...(tandem.stats !== undefined ? { stats: { ...tandem.stats } } : {}),
      };
    },
  };
}

/** Runs one case: prepare, execute, outcome. */
export async function runCase(testCase: StateTestCase, flavour: Flavour): Promise<CaseOutcome> {
  const prepared = await prepareCase(testCase, flavour);
  await prepared.execute();
  return prepared.outcome();
}

/** What differs from the fixture's expectation, or nothing when the case passes. */
export function mismatches(testCase: StateTestCase, outcome: CaseOutcome): string[] {
  const problems: string[] = [];
  const expectsRejection = testCase.expectException !== undefined;
  if (expectsRejection && outcome.rejection === undefined)
    problems.push(`expected rejection (${testCase.expectException}), transaction was applied`);
  if (!expectsRejection && outcome.rejection !== undefined)
    problems.push(`transaction was rejected: ${outcome.rejection}`);
  if (outcome.stateRoot !== testCase.hash)
    problems.push(`state root ${outcome.stateRoot}, expected ${testCase.hash}`);
  if (outcome.logsHash !== testCase.logs)
    problems.push(`logs hash ${outcome.logsHash}, expected ${testCase.logs}`);
  return problems;
}
