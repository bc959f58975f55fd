// Times @ethereumjs/vm running ERC-20 transfers (runTx, signed legacy transactions, one block)
// with its own EVM and with Tandem's engines as its EVM, on the same machine in one process.
// Usage: node --conditions @tandem-evm/source --import tsx packages/ethereumjs/scripts/erc20-speed.ts [transfers]
import { readFileSync } from 'node:fs';
import { createBlock } from '@ethereumjs/block';
import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { MerkleStateManager } from '@ethereumjs/statemanager';
import { createLegacyTx } from '@ethereumjs/tx';
import {
  Account,
  type createAddressFromBigInt,
  createAddressFromPrivateKey,
  hexToBytes,
  setLengthLeft,
} from '@ethereumjs/util';
import { createVM, runTx, type VM } from '@ethereumjs/vm';
import { createTandemEVM } from '../src/index.js';

const { creationCode } = JSON.parse(
  readFileSync(new URL('../src/fixtures/bench-token.json', import.meta.url), 'utf8'),
) as { creationCode: `0x${string}` };
const KEY = hexToBytes(`0x${'42'.repeat(32)}`);
const SENDER = createAddressFromPrivateKey(KEY);
const TRANSFERS = Number(process.argv[2] ?? 300);
const word = (value: bigint) => setLengthLeft(hexToBytes(`0x${value.toString(16).padStart(2, '0')}`), 32);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

/** Per transaction: all of runTx, and the part spent in the EVM's runCall. */
async function run(
  flavour: 'ethereumjs' | 'interpreter' | 'multipass',
): Promise<{ tx: number; evm: number }> {
  const common = new Common({ chain: Mainnet, hardfork: Hardfork.Cancun });
  const stateManager = new MerkleStateManager({ common });
  await stateManager.putAccount(SENDER, new Account(0n, 10n ** 21n));
  const vm: VM =
    flavour === 'ethereumjs'
      ? await createVM({ common, stateManager })
      : await createVM({
          common,
          stateManager,
          evm: await createTandemEVM({ common, stateManager, engine: flavour }),
        });
  const block = createBlock({ header: { number: 1n, gasLimit: 30_000_000n, baseFeePerGas: 7n } }, { common });
  let nonce = 0n;
  const sign = (to: ReturnType<typeof createAddressFromBigInt> | undefined, data: Uint8Array) =>
    createLegacyTx(
      { nonce: nonce++, gasPrice: 10n, gasLimit: 2_000_000n, ...(to ? { to } : {}), data },
      { common },
    ).sign(KEY);
  const deployed = await runTx(vm, {
    tx: sign(undefined, concat(hexToBytes(creationCode), word(10n ** 9n))),
    block,
  });
  const token = deployed.createdAddress!;
  // Signing is not what is measured: sign every transaction first.
  const txs = Array.from({ length: TRANSFERS }, (_, i) =>
    sign(token, concat(hexToBytes('0xa9059cbb'), word(0x1000n + BigInt(i % 50)), word(1n))),
  );
  let inEvm = 0;
  const runCall = vm.evm.runCall.bind(vm.evm);
  vm.evm.runCall = async (opts) => {
    const callStart = performance.now();
    const result = await runCall(opts);
    inEvm += performance.now() - callStart;
    return result;
  };
  const start = performance.now();
  for (const tx of txs) await runTx(vm, { tx, block });
  return { tx: (performance.now() - start) / TRANSFERS, evm: inEvm / TRANSFERS };
}

for (let round = 0; round < 3; round++) {
  const times: Record<string, { tx: number; evm: number }> = {};
  for (const flavour of ['ethereumjs', 'interpreter', 'multipass'] as const)
    times[flavour] = await run(flavour);
  const base = times.ethereumjs!;
  console.log(
    Object.entries(times)
      .map(
        ([name, t]) =>
          `${name}: runTx ${(t.tx * 1000).toFixed(0)} µs (${(base.tx / t.tx).toFixed(2)}×), runCall ${(t.evm * 1000).toFixed(0)} µs (${(base.evm / t.evm).toFixed(2)}×)`,
      )
      .join(' | '),
  );
}
