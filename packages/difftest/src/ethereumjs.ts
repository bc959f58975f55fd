/**
 * The adapter that runs a scenario on @ethereumjs/evm 10.1.3, the way its
 * own VM runs a transaction's message after the intrinsic checks: a fresh
 * MerkleStateManager holding the pre-state (so EIP-7610's storage check and
 * the state root are real), a clean journal with the same addresses warm,
 * `runCall` (nonce untouched for a call; incremented for a create, as
 * `runTx` has done by then), then what `runTx` does after it: delete the
 * self-destructed accounts and run the EIP-161 clean-up.
 *
 * ethereumjs is loaded with a dynamic import on first use, so importing
 * `@tandem-evm/difftest` never loads it; it is an optional peer dependency.
 *
 * Differences reconciled here, each a difference of reporting, not of
 * consensus (see README "Documented differences"):
 *  1. Failure names: ethereumjs's error strings are mapped to `StatusClass`es;
 *     INVALID and an undefined opcode are one class; an EIP-3860 oversized
 *     init code, which ethereumjs reports as its own error, is an exceptional
 *     halt that Tandem reports as out-of-gas.
 *  2. A successful create's output: ethereumjs returns the deployed code as
 *     `returnValue`; Tandem returns empty output (the code is in the state).
 *  3. Frontier's "code store out of gas" is success without code in both.
 *  4. KZG: ethereumjs ships no KZG backend and needs one injected; the adapter
 *     injects one built on Tandem's point-evaluation check, so for 0x0a only
 *     the precompile's framing (gas, input length, versioned hash, output) is
 *     compared independently.
 *  5–7: failure names, see ETHEREUMJS_STATUS_EQUIVALENCES.
 *
 * And one ethereumjs bug, excused rather than reconciled (see
 * `ethereumjsKnownBug`): ethereumjs applies EOF's rules for legacy code in
 * every fork, though no fork up to Osaka has EOF.
 */
import { Revision } from '@tandem-evm/host';
import { OP } from '@tandem-evm/opcodes';
import { runPrecompile } from '@tandem-evm/precompiles';
import { bytesToHex, hexToBytes, keccak256, wordToBytes } from '@tandem-evm/primitives';
import { dumpAccount, type Outcome, sortedAccounts, threwOutcome } from './outcome.js';
import { addressHex, type Scenario } from './scenario.js';
import type { StatusClass } from './status.js';
import { warmAddresses } from './tandem.js';
import { opcodeName } from './trace.js';

type Common = import('@ethereumjs/common').Common;
type EvmModule = typeof import('@ethereumjs/evm');
type CommonModule = typeof import('@ethereumjs/common');
type StateModule = typeof import('@ethereumjs/statemanager');
type UtilModule = typeof import('@ethereumjs/util');

interface Modules {
  readonly evm: EvmModule;
  readonly common: CommonModule;
  readonly state: StateModule;
  readonly util: UtilModule;
}

let modules: Promise<Modules> | undefined;

/** Loads @ethereumjs/* on first use; a clear error if they are not installed. */
export function loadEthereumjs(): Promise<Modules> {
  modules ??= (async () => {
    try {
      const [evm, common, state, util] = await Promise.all([
        import('@ethereumjs/evm'),
        import('@ethereumjs/common'),
        import('@ethereumjs/statemanager'),
        import('@ethereumjs/util'),
      ]);
      return { evm, common, state, util };
    } catch (error) {
      modules = undefined;
      throw new Error(
        `--against ethereumjs needs @ethereumjs/evm, /common, /statemanager and /util 10.1.3 installed (${(error as Error).message})`,
      );
    }
  })();
  return modules;
}

/** ethereumjs hardfork names, indexed by revision number. */
const HARDFORKS: readonly string[] = [
  'chainstart',
  'homestead',
  'tangerineWhistle',
  'spuriousDragon',
  'byzantium',
  'constantinople',
  'petersburg',
  'istanbul',
  'berlin',
  'london',
  'paris',
  'shanghai',
  'cancun',
  'prague',
  'osaka',
];

const ERROR_CLASSES: Record<string, StatusClass> = {
  revert: 'revert',
  'out of gas': 'out-of-gas',
  // Frontier: the code deposit could not be paid; the account stays without code (difference 3).
  'code store out of gas': 'success',
  'code size to deposit exceeds maximum code size': 'contract-validation-failure',
  'invalid bytecode deployed': 'contract-validation-failure',
  'stack underflow': 'stack-underflow',
  'stack overflow': 'stack-overflow',
  'invalid JUMP': 'bad-jump',
  'invalid opcode': 'invalid-opcode',
  'value out of range': 'return-data-out-of-bounds',
  'static state change': 'static-violation',
  'create collision': 'create-collision',
  'insufficient balance': 'insufficient-balance',
  // EIP-3860: an exceptional halt of the creating frame; Tandem names it out-of-gas (difference 1).
  'initcode exceeds max initcode size': 'out-of-gas',
  'invalid input length': 'precompile-failure',
  // EIP-2537's MSM and pairing precompiles on an empty input.
  'input is empty': 'precompile-failure',
  'point not on curve': 'precompile-failure',
  'fp point not in field': 'precompile-failure',
  'kzg commitment does not match versioned hash': 'precompile-failure',
  'kzg inputs invalid': 'precompile-failure',
  'kzg proof invalid': 'precompile-failure',
};

/**
 * [Tandem class, ethereumjs class] pairs that are the same exceptional halt
 * (all gas consumed, the frame's changes reverted) named differently:
 *  - difference 5: RETURNDATACOPY beyond the return data, which ethereumjs
 *    raises as out of gas (its gas handler for 0x3e traps OUT_OF_GAS);
 *  - difference 6: a stack underflow of an instruction whose dynamic gas
 *    ethereumjs computes from the top items before it checks the stack
 *    (MSTORE with only a huge offset on the stack: its memory gas handler
 *    peeks one item and traps out of gas; the execution specs pop both
 *    operands first, so it is a stack underflow there and in Tandem);
 *  - difference 7: a create whose returned code fails more than one deposit
 *    check: ethereumjs charges the deposit gas before it looks at the 0xEF
 *    prefix (EIP-3541), the execution specs and Tandem look at the prefix
 *    first (InvalidContractPrefix), so returning 0xEF… with too little gas
 *    left is out of gas in ethereumjs and a validation failure in Tandem.
 */
export const ETHEREUMJS_STATUS_EQUIVALENCES: readonly (readonly [string, string])[] = [
  ['return-data-out-of-bounds', 'out-of-gas'],
  ['stack-underflow', 'out-of-gas'],
  ['contract-validation-failure', 'out-of-gas'],
];

/** An ethereumjs error (undefined for success) as a `StatusClass`, or `ethereumjs:<error>` when unknown. */
export function ethereumjsStatusClass(error: string | undefined): string {
  if (error === undefined) return 'success';
  // Some errors carry their place: "invalid JUMP at <code hash>/<address>:<pc>".
  const name = error.replace(/ at 0x[0-9a-f]+\/0x[0-9a-f]+:\d+$/, '');
  return ERROR_CLASSES[name] ?? `ethereumjs:${error}`;
}

/**
 * Whether the scenario, run on ethereumjs, takes a path where ethereumjs
 * 10.1.3 is known to be wrong; the reason if so. A mismatch on such a
 * scenario is counted as excused, not as a divergence.
 *
 * The bug: ethereumjs applies EOF (EIP-3540/7692) rules for legacy code in
 * every fork, though EOF is active in none up to Osaka. In
 * src/opcodes/functions.ts, CREATE and CREATE2 do
 * `if (isEOF(data)) { stack.push(0); return }` ("Legacy cannot deploy EOF
 * code"): init code starting 0xEF00 is not run, its gas is not spent and the
 * creator's nonce is not raised; and EXTCODESIZE, EXTCODECOPY and
 * EXTCODEHASH of an account whose code starts 0xEF00 see the two bytes
 * 0xEF00 ("EOFBYTES") instead of the code. By the execution specs (and
 * evmone, geth), before EOF such init code runs as legacy code and halts on
 * the undefined opcode 0xEF, consuming the gas it was given with the nonce
 * raised, and the EXTCODE* opcodes see the real code. Found by
 * `tandem fuzz --seed 5005 --against ethereumjs`, case 17707 (Frontier:
 * CREATE of 0xEF0000…).
 */
export async function ethereumjsKnownBug(scenario: Scenario): Promise<string | undefined> {
  const { util } = await loadEthereumjs();
  let reason: string | undefined;
  const startsEof = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0xef && bytes[1] === 0x00;
  await runEthereumjs(scenario, {
    onStep: async (step) => {
      const stack = step.stack;
      const top = (i: number) => stack[stack.length - 1 - i] ?? 0n;
      const code = step.opcode.code;
      if (code === OP.CREATE || code === OP.CREATE2) {
        const [offset, length] = [top(1), top(2)];
        if (length >= 2n && offset + 2n <= BigInt(step.memory.length)) {
          if (startsEof(step.memory.subarray(Number(offset), Number(offset) + 2))) {
            reason ??=
              'ethereumjs: CREATE/CREATE2 of init code starting 0xEF00 is skipped (EOF rule applied before EOF)';
          }
        }
      } else if (code === OP.EXTCODESIZE || code === OP.EXTCODECOPY || code === OP.EXTCODEHASH) {
        const target = util.createAddressFromBigInt(top(0) & ((1n << 160n) - 1n));
        if (startsEof(await step.stateManager.getCode(target))) {
          reason ??=
            'ethereumjs: EXTCODESIZE/COPY/HASH of code starting 0xEF00 sees 0xEF00 (EOF rule applied before EOF)';
        }
      }
    },
  });
  return reason;
}

/** The KZG backend ethereumjs needs for 0x0a, built on Tandem's check (difference 4). */
function kzgBackend(): object {
  const sha256 = (bytes: Uint8Array) => {
    const result = runPrecompile(2n, bytes, 1_000_000n, Revision.Cancun);
    return result.output;
  };
  return {
    verifyProof(commitment: string, z: string, y: string, proof: string): boolean {
      const commitmentBytes = hexToBytes(commitment);
      const versioned = sha256(commitmentBytes);
      versioned[0] = 0x01;
      const input = new Uint8Array(192);
      input.set(versioned, 0);
      input.set(hexToBytes(z), 32);
      input.set(hexToBytes(y), 64);
      input.set(commitmentBytes, 96);
      input.set(hexToBytes(proof), 144);
      return runPrecompile(10n, input, 1_000_000n, Revision.Cancun).status === 'success';
    },
  };
}

export interface EthereumjsRunOptions {
  /** Collects trace lines (call/step/result, see trace.ts); `steps` adds one per instruction. */
  readonly trace?: { readonly lines: string[]; readonly steps: boolean };
  /** Counts executed opcodes (by byte) through ethereumjs's step event. */
  readonly opcodeCounts?: Uint32Array;
  /**
   * Accounts (and their slots) to include in the post-state dump besides the
   * pre-state and what ethereumjs wrote: pass the other side's post-state, so
   * that an account one side has and the other lacks shows as a difference.
   */
  readonly alsoDump?: ReadonlyMap<bigint, readonly bigint[]>;
  /** Called before each instruction with ethereumjs's step (slow: for diagnosis only). */
  readonly onStep?: (step: import('@ethereumjs/evm').InterpreterStep) => Promise<void> | void;
}

/** Runs the scenario on @ethereumjs/evm; the outcome's status is a `StatusClass`. */
export async function runEthereumjs(
  scenario: Scenario,
  options: EthereumjsRunOptions = {},
): Promise<Outcome> {
  const { evm: evmModule, common: commonModule, state: stateModule, util } = await loadEthereumjs();
  const { revision, message, tx } = scenario;
  const common: Common = new commonModule.Common({
    chain: commonModule.Mainnet,
    hardfork: HARDFORKS[revision]!,
    customCrypto: { kzg: kzgBackend() as never },
  });
  const stateManager = new stateModule.MerkleStateManager({ common });
  const toAddress = (value: bigint) => util.createAddressFromBigInt(value);
  const key32 = (key: bigint) => wordToBytes(key);

  // What ethereumjs wrote, so that the post-state dump covers it (besides the pre-state).
  const addresses = new Set<bigint>(scenario.accounts.map((account) => account.address));
  const keys = new Map<bigint, Set<bigint>>();
  const noteKey = (address: bigint, key: bigint) => {
    let set = keys.get(address);
    if (set === undefined) keys.set(address, (set = new Set()));
    set.add(key);
  };
  for (const account of scenario.accounts) {
    await stateManager.putAccount(
      toAddress(account.address),
      util.createAccount({ nonce: account.nonce, balance: account.balance }),
    );
    if (account.code.length > 0) await stateManager.putCode(toAddress(account.address), account.code);
    for (const [key, value] of account.storage) {
      noteKey(account.address, key);
      if (value !== 0n)
        await stateManager.putStorage(toAddress(account.address), key32(key), util.bigIntToBytes(value));
    }
  }
  for (const [address, slots] of options.alsoDump ?? []) {
    addresses.add(address);
    for (const key of slots) noteKey(address, key);
  }
  await stateManager.flush();
  stateManager.originalStorageCache.clear();
  const putAccount = stateManager.putAccount.bind(stateManager);
  stateManager.putAccount = (address, account) => {
    addresses.add(util.bytesToBigInt(address.bytes));
    return putAccount(address, account);
  };
  const putStorage = stateManager.putStorage.bind(stateManager);
  stateManager.putStorage = (address, key, value) => {
    const account = util.bytesToBigInt(address.bytes);
    addresses.add(account);
    noteKey(account, util.bytesToBigInt(key));
    return putStorage(address, key, value);
  };

  const blockHashes = {
    async getBlock(number: number) {
      return { hash: () => keccak256(new TextEncoder().encode(String(number))) };
    },
    async putBlock() {},
    shallowCopy() {
      return blockHashes;
    },
  };
  const evm = await evmModule.createEVM({ common, stateManager, blockchain: blockHashes as never });
  evm.journal.cleanJournal();
  if (revision >= Revision.Berlin) {
    for (const address of warmAddresses(scenario)) evm.journal.addAlwaysWarmAddress(addressHex(address));
    for (const entry of scenario.accessList) {
      for (const key of entry.storageKeys) {
        evm.journal.addAlwaysWarmSlot(addressHex(entry.address), bytesToHex(key32(key)).slice(2));
      }
    }
  }

  const trace = options.trace;
  const frames: { gasLimit: bigint; depth: number }[] = [];
  if (trace !== undefined) {
    evm.events.on('beforeMessage', (m: import('@ethereumjs/evm').Message, resolve?: () => void) => {
      frames.push({ gasLimit: m.gasLimit, depth: m.depth });
      if (m.to === undefined) {
        trace.lines.push(`create d=${m.depth} gas=${m.gasLimit} value=${m.value} init=${bytesToHex(m.data)}`);
      } else {
        const to = util.bytesToBigInt((m.codeAddress ?? m.to).bytes);
        trace.lines.push(
          `call d=${m.depth} to=0x${to.toString(16)} gas=${m.gasLimit} value=${m.value} input=${bytesToHex(m.data)}`,
        );
      }
      resolve?.();
    });
    evm.events.on('afterMessage', (result: import('@ethereumjs/evm').EVMResult, resolve?: () => void) => {
      const frame = frames.pop()!;
      const { execResult } = result;
      const status = ethereumjsStatusClass(execResult.exceptionError?.error);
      const gasLeft = frame.gasLimit - execResult.executionGasUsed;
      const output =
        result.createdAddress !== undefined && status === 'success'
          ? '0x'
          : bytesToHex(execResult.returnValue);
      trace.lines.push(`result d=${frame.depth} status=${status} gasLeft=${gasLeft} output=${output}`);
      resolve?.();
    });
  }
  if (trace?.steps === true || options.opcodeCounts !== undefined || options.onStep !== undefined) {
    const counts = options.opcodeCounts;
    const onStep = options.onStep;
    evm.events.on('step', async (step: import('@ethereumjs/evm').InterpreterStep, resolve?: () => void) => {
      if (onStep !== undefined) await onStep(step);
      if (counts !== undefined) counts[step.opcode.code]!++;
      if (trace?.steps === true) {
        trace.lines.push(
          `step d=${step.depth} pc=${step.pc} op=${opcodeName(step.opcode.code)} gas=${step.gasLeft}`,
        );
      }
      resolve?.();
    });
  }

  const isCreate = message.kind === 'create';
  const header = {
    number: tx.number,
    coinbase: toAddress(tx.coinbase),
    timestamp: tx.timestamp,
    difficulty: tx.prevRandao,
    prevRandao: wordToBytes(tx.prevRandao),
    gasLimit: tx.gasLimit,
    baseFeePerGas: revision >= Revision.London ? tx.baseFee : undefined,
    slotNumber: 0n,
    getBlobGasPrice: () => (revision >= Revision.Cancun ? tx.blobBaseFee : undefined),
  };
  let result: import('@ethereumjs/evm').EVMResult;
  try {
    result = await evm.runCall({
      block: { header } as never,
      gasPrice: tx.gasPrice,
      origin: toAddress(tx.origin),
      caller: toAddress(message.sender),
      ...(isCreate ? {} : { to: toAddress(message.to) }),
      value: message.value,
      data: message.input,
      gasLimit: message.gas,
      depth: message.depth,
      skipNonceIncrement: !isCreate,
      blobVersionedHashes: tx.blobHashes.map((hash) => bytesToHex(wordToBytes(hash))) as `0x${string}`[],
    });
  } catch (error) {
    return threwOutcome('ethereumjs', error);
  }
  const { execResult } = result;
  // What runTx does after the message: self-destructed accounts go (from Cancun, EIP-6780, only
  // those created in the transaction: ethereumjs records every SELFDESTRUCT and leaves the filter
  // to runTx), then the EIP-161 clean-up.
  for (const address of execResult.selfdestruct?.keys() ?? []) {
    if (common.isActivatedEIP(6780) && execResult.createdAddresses?.has(address) !== true) continue;
    await evm.journal.deleteAccount(util.createAddressFromString(address));
  }
  await evm.journal.cleanup();
  await stateManager.flush();

  const status = ethereumjsStatusClass(execResult.exceptionError?.error);
  const dumps: [bigint, ReturnType<typeof dumpAccount>][] = [];
  for (const address of addresses) {
    const account = await stateManager.getAccount(toAddress(address));
    if (account === undefined) continue;
    const storage: [bigint, bigint][] = [];
    for (const key of keys.get(address) ?? []) {
      storage.push([key, util.bytesToBigInt(await stateManager.getStorage(toAddress(address), key32(key)))]);
    }
    const code = await stateManager.getCode(toAddress(address));
    dumps.push([address, dumpAccount({ nonce: account.nonce, balance: account.balance, code, storage })]);
  }
  const created = isCreate && status === 'success' && result.createdAddress !== undefined;
  return {
    runner: 'ethereumjs',
    status,
    gasLeft: message.gas - execResult.executionGasUsed,
    gasRefund: execResult.gasRefund ?? 0n,
    // A successful create's output is the deployed code in ethereumjs, empty in Tandem (difference 2).
    output: isCreate && status === 'success' ? new Uint8Array(0) : execResult.returnValue,
    createdAddress: created ? util.bytesToBigInt(result.createdAddress!.bytes) : undefined,
    logs: (execResult.logs ?? []).map(([address, topics, data]) => ({
      address: util.bytesToBigInt(address),
      topics: topics.map((topic) => util.bytesToBigInt(topic)),
      data,
    })),
    accounts: sortedAccounts(dumps),
    stateRoot: util.bytesToBigInt(await stateManager.getStateRoot()),
  };
}
