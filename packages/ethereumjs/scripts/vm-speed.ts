// Times @ethereumjs/vm's runTx with its own EVM and with Tandem's engines as its EVM, in one
// process: on ERC-20 transfers, and on the curated Cancun state tests that src/state-tests.test.ts
// checks. Each case runs once per round with every EVM in turn; a case's time is its median
// over the rounds, and the speed-ups are medians of per-case ratios (the machine is noisy).
// Usage: node --conditions @tandem-evm/source --import tsx packages/ethereumjs/scripts/vm-speed.ts [rounds] [transfers]
import { readFileSync } from 'node:fs';
import { createBlock } from '@ethereumjs/block';
import { MerkleStateManager } from '@ethereumjs/statemanager';
import { createLegacyTx, type LegacyTx } from '@ethereumjs/tx';
import {
  Account,
  type Address,
  createAddressFromPrivateKey,
  hexToBytes,
  setLengthLeft,
} from '@ethereumjs/util';
import { createVM, runTx, type VM } from '@ethereumjs/vm';
import { createTandemEVM } from '../src/index.js';
import { curatedCases } from '../src/test/curated-state-tests.js';
import { cancunCommon, type Flavour, mismatches, prepareCase } from '../src/test/state-case-runner.js';

const ROUNDS = Number(process.argv[2] ?? 3);
const TRANSFERS = Number(process.argv[3] ?? 200);
const FLAVOURS: readonly Flavour[] = ['ethereumjs', 'interpreter', 'multipass'];
const TANDEM: readonly Flavour[] = ['interpreter', 'multipass'];

/** One timed runTx: all of it, and the part spent in the EVM's runCall. */
interface Timing {
  readonly tx: number;
  readonly evm: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/**
 * Accumulates the time the VM's EVM spends in runCall. ethereumjs's EVM runs nested calls through
 * its own runCall too: only the outermost call is timed.
 */
function timeRunCall(vm: VM): { readonly ms: () => number } {
  let inEvm = 0;
  let depth = 0;
  const runCall = vm.evm.runCall.bind(vm.evm);
  vm.evm.runCall = async (opts) => {
    const start = performance.now();
    depth++;
    try {
      return await runCall(opts);
    } finally {
      if (--depth === 0) inEvm += performance.now() - start;
    }
  };
  return { ms: () => inEvm };
}

/** The state tests: per case and EVM, the median timing over the rounds; cases that fail are set aside. */
async function timeStateTests() {
  const cases = curatedCases();
  const timings = new Map<Flavour, Timing[][]>(FLAVOURS.map((flavour) => [flavour, cases.map(() => [])]));
  const failed = new Map<Flavour, Set<number>>(FLAVOURS.map((flavour) => [flavour, new Set()]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, testCase] of cases.entries()) {
      // Rotate the order of the EVMs so that none always runs right after another.
      for (let k = 0; k < FLAVOURS.length; k++) {
        const flavour = FLAVOURS[(index + round + k) % FLAVOURS.length]!;
        const prepared = await prepareCase(testCase, flavour);
        const inEvm = timeRunCall(prepared.vm);
        const start = performance.now();
        await prepared.execute();
        const tx = performance.now() - start;
        timings.get(flavour)![index]!.push({ tx, evm: inEvm.ms() });
        if (mismatches(testCase, await prepared.outcome()).length > 0) failed.get(flavour)!.add(index);
      }
    }
  }
  const medianOf = (flavour: Flavour, index: number): Timing => {
    const runs = timings.get(flavour)![index]!;
    return { tx: median(runs.map((run) => run.tx)), evm: median(runs.map((run) => run.evm)) };
  };
  const compared = cases
    .map((testCase, index) => ({ testCase, index }))
    .filter(({ index }) => FLAVOURS.every((flavour) => !failed.get(flavour)!.has(index)));
  console.log(
    `curated state tests: ${cases.length} cases, ${compared.length} passed by every EVM and compared ` +
      `(failed: ${FLAVOURS.map((flavour) => `${flavour} ${failed.get(flavour)!.size}`).join(', ')}); ` +
      `${ROUNDS} rounds, per-case medians`,
  );
  const base = compared.map(({ index }) => medianOf('ethereumjs', index));
  // Rejected transactions never reach runCall: its ratios are over the others.
  const ranCall = base.flatMap((timing, i) => (timing.evm > 0 ? [i] : []));
  for (const flavour of FLAVOURS) {
    const own = compared.map(({ index }) => medianOf(flavour, index));
    const tx = sum(own.map((timing) => timing.tx));
    const evm = sum(own.map((timing) => timing.evm));
    const speedUp =
      flavour === 'ethereumjs'
        ? ''
        : ` | speed-up runTx: median ${median(own.map((timing, i) => base[i]!.tx / timing.tx)).toFixed(2)}×, ` +
          `total ${(sum(base.map((timing) => timing.tx)) / tx).toFixed(2)}× | ` +
          `runCall: median ${median(ranCall.map((i) => base[i]!.evm / own[i]!.evm)).toFixed(2)}×, ` +
          `total ${(sum(base.map((timing) => timing.evm)) / evm).toFixed(2)}×`;
    console.log(
      `  ${flavour.padEnd(11)} runTx total ${tx.toFixed(0)} ms, median ${median(own.map((timing) => timing.tx)).toFixed(2)} ms, ` +
        `${((evm / tx) * 100).toFixed(0)}% in runCall${speedUp}`,
    );
  }
  // Per folder, the median speed-up of runTx: where Tandem gains and where the state manager dominates.
  const folders = [
    ...new Set(compared.map(({ testCase }) => testCase.id.slice(0, testCase.id.lastIndexOf('/')))),
  ];
  console.log('  median runTx speed-up per folder (interpreter, multipass):');
  for (const folder of folders) {
    const inFolder = compared.filter(({ testCase }) => testCase.id.startsWith(`${folder}/`));
    const ratios = TANDEM.map((flavour) =>
      median(
        inFolder.map(({ index }) => medianOf('ethereumjs', index).tx / medianOf(flavour, index).tx),
      ).toFixed(2),
    );
    console.log(
      `    ${folder.padEnd(40)} ${String(inFolder.length).padStart(3)} cases  ${ratios.join('×  ')}×`,
    );
  }
}

const { creationCode } = JSON.parse(
  readFileSync(new URL('../src/fixtures/bench-token.json', import.meta.url), 'utf8'),
) as { creationCode: `0x${string}` };
const KEY = hexToBytes(`0x${'42'.repeat(32)}`);
const word = (value: bigint) => setLengthLeft(hexToBytes(`0x${value.toString(16).padStart(2, '0')}`), 32);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

/** ERC-20 transfers in one block after deploying the token: per-transfer timings, in order. */
async function timeTransfers(flavour: Flavour): Promise<Timing[]> {
  const common = cancunCommon();
  const stateManager = new MerkleStateManager({ common });
  await stateManager.putAccount(createAddressFromPrivateKey(KEY), new Account(0n, 10n ** 21n));
  const vm =
    flavour === 'ethereumjs'
      ? await createVM({ common, stateManager })
      : await createVM({
          common,
          stateManager,
          evm: await createTandemEVM({ common, stateManager, engine: flavour }),
        });
  const block = createBlock({ header: { number: 1n, gasLimit: 30_000_000n, baseFeePerGas: 7n } }, { common });
  let nonce = 0n;
  const sign = (to: Address | undefined, data: Uint8Array): LegacyTx => {
    const tx = createLegacyTx(
      { nonce: nonce++, gasPrice: 10n, gasLimit: 2_000_000n, ...(to ? { to } : {}), data },
      { common },
    ).sign(KEY);
    // Recovering the sender is signature work, not the EVM's: do it before any timing.
    tx.getSenderAddress();
    return tx;
  };
  const deployed = await runTx(vm, {
    tx: sign(undefined, concat(hexToBytes(creationCode), word(10n ** 9n))),
    block,
  });
  const token = deployed.createdAddress!;
  const txs = Array.from({ length: TRANSFERS }, (_, i) =>
    sign(token, concat(hexToBytes('0xa9059cbb'), word(0x1000n + BigInt(i % 50)), word(1n))),
  );
  const inEvm = timeRunCall(vm);
  const timings: Timing[] = [];
  for (const tx of txs) {
    const evmBefore = inEvm.ms();
    const start = performance.now();
    await runTx(vm, { tx, block });
    timings.push({ tx: performance.now() - start, evm: inEvm.ms() - evmBefore });
  }
  return timings;
}

async function timeErc20() {
  const perRound = new Map<Flavour, Timing[]>(FLAVOURS.map((flavour) => [flavour, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < FLAVOURS.length; k++) {
      const flavour = FLAVOURS[(round + k) % FLAVOURS.length]!;
      const timings = await timeTransfers(flavour);
      perRound.get(flavour)!.push({
        tx: median(timings.map((timing) => timing.tx)),
        evm: median(timings.map((timing) => timing.evm)),
      });
    }
  }
  const of = (flavour: Flavour): Timing => {
    const rounds = perRound.get(flavour)!;
    return { tx: median(rounds.map((timing) => timing.tx)), evm: median(rounds.map((timing) => timing.evm)) };
  };
  const base = of('ethereumjs');
  console.log(`ERC-20 transfers: ${TRANSFERS} per round, ${ROUNDS} rounds, median per transfer`);
  for (const flavour of FLAVOURS) {
    const own = of(flavour);
    console.log(
      `  ${flavour.padEnd(11)} runTx ${(own.tx * 1000).toFixed(0)} µs (${(base.tx / own.tx).toFixed(2)}×), ` +
        `runCall ${(own.evm * 1000).toFixed(0)} µs (${(base.evm / own.evm).toFixed(2)}×)`,
    );
  }
}

// Warm the JIT up on a few of each before anything is recorded.
for (const flavour of FLAVOURS) {
  for (const testCase of curatedCases().slice(0, 40)) {
    const prepared = await prepareCase(testCase, flavour);
    await prepared.execute();
  }
  await timeTransfers(flavour);
}
// The transfers first: after the state tests' variety, both EVMs time them less steadily.
await timeErc20();
await timeStateTests();
