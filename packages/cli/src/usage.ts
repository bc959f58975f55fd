/** Each command's usage, printed by `tandem <command> --help` and, all together, by `tandem --help`. */
export const COMMAND_USAGE: Readonly<Record<string, string>> = {
  run: `  tandem run --code <hex|@file> [--input <hex|@file>] [--create] [--gas N] [--revision NAME] [--engine interpreter|multipass|auto] [--prestate FILE] [--json] [--post-state] [--trace]

Runs the code as the callee of one CALL at depth 0 with the input as calldata,
in a fresh in-memory state; no intrinsic gas; default gas 2^63-1, revision osaka.
With --create, the code is init code: it is deployed, the created address printed,
and --input (if given) calls the created contract with the constructor's storage.
With --prestate (a scenario or a reproducer from tandem fuzz, see the README), runs its message on its state.
--json prints status, gas, output and logs; --post-state adds the accounts the run touched.
With --trace, prints an EIP-3155 trace instead: a JSON line per instruction, then a summary line.`,
  statetest: `  tandem statetest <path…> [--fork Cancun] [--engine interpreter|multipass|auto] [--filter REGEX] [--include-slow] [--json]
  tandem statetest [<file>] [--trace] [--trace.format=json] [--trace.nomemory] [--trace.noreturndata] [--statetest.fork NAME] [--statetest.index N] [--run REGEX]

Runs the state-test fixtures under the paths; exit code 1 if any case failed.
With --trace, another of geth's options, or no path (then one path per line on stdin),
it answers as geth's evm statetest: every fork's cases, the EIP-3155 trace (with --trace)
and {"stateRoot": "0x…"} per case on stderr, the results as a JSON array on stdout.`,
  compile: `  tandem compile --code <hex|@file> [--revision NAME] [--emit js]

Compiles the code with the multipass compiler: a summary, or the generated JavaScript.`,
  fuzz: `  tandem fuzz [--runs N] [--seed S] [--engines a,b] [--revisions r,s] [--against ethereumjs] [--shard i/n] [--workers K] [--out DIR] [--coverage] [--json]

Runs N generated scenarios on the engines (and @ethereumjs/evm) and compares them; writes a
reproducer per divergence to DIR; exit code 1 on a divergence. --revisions draws the scenarios
from those revisions only (e.g. prague,osaka; default: all, weighted to the newest).
A progress bar is drawn on stderr when it is a terminal.`,
  t8n: `  tandem t8n [--input.alloc FILE|stdin] [--input.env FILE|stdin] [--input.txs FILE|stdin]
             [--output.basedir DIR] [--output.alloc FILE|stdout|stderr] [--output.result …] [--output.body …]
             [--state.fork GrayGlacier] [--state.chainid 1] [--state.reward 0] [--trace] [--engine interpreter]

Applies the transactions to the pre-state in the block env, as go-ethereum's evm t8n does, and writes the
post-state alloc, the result (state, transactions and receipts roots, receipts, rejected transactions…) and
the block body. Inputs default to alloc.json, env.json and txs.json (a .rlp file holds the body's RLP as a
JSON hex string); "stdin" reads one JSON object {alloc, env, txs | txsRlp}. Outputs default to alloc.json and
result.json in --output.basedir; "" skips one. --trace writes trace-<index>-<hash>.jsonl (EIP-3155) per
transaction. Exit codes as geth's: 2 EVM, 3 config (fork, env), 4 missing block hash, 10 JSON, 11 I/O, 12 RLP.`,
};

export const USAGE = `Usage:\n${Object.values(COMMAND_USAGE).join('\n\n')}\n\nEvery command answers --help (or -h) with its usage.`;
