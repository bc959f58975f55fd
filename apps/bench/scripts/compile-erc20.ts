/**
 * Compiles contracts/BenchToken.sol with solc from npm and writes
 * contracts/BenchToken.json (runtime and creation bytecode, storage layout),
 * so the benchmark itself never needs solc. Run after changing the source:
 * `pnpm --filter @tandem-evm/bench compile-erc20`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import solc from 'solc';

const SOURCE = new URL('../contracts/BenchToken.sol', import.meta.url);
const OUTPUT = new URL('../contracts/BenchToken.json', import.meta.url);
const EVM_VERSION = 'cancun';

interface SolcOutput {
  errors?: { severity: string; formattedMessage: string }[];
  contracts: Record<
    string,
    Record<
      string,
      {
        abi: unknown[];
        evm: { bytecode: { object: string }; deployedBytecode: { object: string } };
        storageLayout: { storage: { label: string; slot: string; type: string }[] };
      }
    >
  >;
}

const input = {
  language: 'Solidity',
  sources: { 'BenchToken.sol': { content: readFileSync(SOURCE, 'utf8') } },
  settings: {
    evmVersion: EVM_VERSION,
    optimizer: { enabled: true, runs: 200 },
    outputSelection: {
      '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'storageLayout'] },
    },
  },
};

const output = JSON.parse(solc.compile(JSON.stringify(input))) as SolcOutput;
const errors = (output.errors ?? []).filter((error) => error.severity === 'error');
for (const error of output.errors ?? []) process.stderr.write(`${error.formattedMessage}\n`);
if (errors.length > 0) process.exit(1);

const contract = output.contracts['BenchToken.sol']!.BenchToken!;
const artifact = {
  contract: 'BenchToken',
  source: 'contracts/BenchToken.sol',
  compiler: `solc ${solc.version()}`,
  settings: { evmVersion: EVM_VERSION, optimizer: { enabled: true, runs: 200 } },
  storage: Object.fromEntries(
    contract.storageLayout.storage.map((entry) => [entry.label, Number(entry.slot)]),
  ),
  abi: contract.abi,
  creationCode: `0x${contract.evm.bytecode.object}`,
  runtimeCode: `0x${contract.evm.deployedBytecode.object}`,
};
writeFileSync(OUTPUT, `${JSON.stringify(artifact, null, 2)}\n`);
process.stdout.write(
  `wrote ${OUTPUT.pathname}: runtime ${contract.evm.deployedBytecode.object.length / 2} bytes (${artifact.compiler})\n`,
);
