#!/usr/bin/env bash
# Packaging test: packs every public package as it would be published, lints the
# tarballs (publint, are-the-types-wrong), then installs tarballs into empty
# projects and uses them: opcodes alone, gas alone, evm with what it needs
# to run a contract, and the provider mining a transaction. Only the npm registry is reached (for third-party deps).
# Run after `pnpm build`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
packs=$(mktemp -d)
trap 'rm -rf "$packs"' EXIT

for dir in packages/*/; do
  [ "$(node -p "require('./${dir}package.json').private === true")" = true ] && continue
  (cd "$dir" && npx -y pnpm@10.34.9 pack --pack-destination "$packs" > /dev/null)
done

failed=0
for tarball in "$packs"/*.tgz; do
  name=$(basename "$tarball")
  if ! npx publint --strict "$tarball" > "$packs/publint.log" 2>&1; then
    echo "publint: $name"; cat "$packs/publint.log"; failed=1
  fi
  if ! npx attw --profile esm-only "$tarball" > "$packs/attw.log" 2>&1; then
    echo "attw: $name"; cat "$packs/attw.log"; failed=1
  fi
done
[ "$failed" = 0 ] || exit 1

tarball() { ls "$packs"/tandem-evm-"$1"-[0-9]*.tgz; }

# Installs the named packages' tarballs into a new empty project and runs a script there.
try_project() {
  local label=$1 script=$2; shift 2
  local project
  project=$(mktemp -d)
  (
    cd "$project"
    npm init -y > /dev/null
    npm pkg set type=module > /dev/null
    local tarballs=()
    for package in "$@"; do tarballs+=("$(tarball "$package")"); done
    npm install --no-audit --no-fund --loglevel=error "${tarballs[@]}" > /dev/null
    printf '%s\n' "$script" > check.mjs
    node check.mjs
  ) || { echo "packaging: $label failed"; exit 1; }
  rm -rf "$project"
  echo "packaging: $label ok"
}

try_project 'opcodes alone' "
import { assemble, formatDisassembly } from '@tandem-evm/opcodes';
const text = formatDisassembly(assemble('PUSH1 1 PUSH0 ADD'));
if (text !== '0000: PUSH1 0x01\n0002: PUSH0\n0003: ADD') throw new Error(text);
" opcodes host primitives

try_project 'gas alone' "
import { staticGasTable, sstoreCost } from '@tandem-evm/gas';
import { Revision } from '@tandem-evm/host';
if (staticGasTable(Revision.Berlin)[0x54] !== 100) throw new Error('SLOAD');
if (sstoreCost(Revision.London, 0n, 0n, 1n, true).gas !== 22100) throw new Error('SSTORE');
" gas opcodes host primitives

try_project 'evm running a contract' "
import { createEvm } from '@tandem-evm/evm';
import { emptyTxContext } from '@tandem-evm/host';
import { assemble } from '@tandem-evm/opcodes';
import { WorldState } from '@tandem-evm/state';
for (const engine of ['interpreter', 'multipass']) {
  const evm = createEvm({ revision: 'cancun', engine });
  const state = new WorldState();
  state.setAccount(0xc0den, { code: assemble('JUMPDEST PUSH1 7 PUSH0 MSTORE PUSH1 32 PUSH0 RETURN') });
  state.beginTransaction(emptyTxContext());
  const result = evm.execute({ kind: 'call', depth: 0, gas: 100000n, sender: 1n, recipient: 0xc0den,
    codeAddress: 0xc0den, value: 0n, input: new Uint8Array(), isStatic: false }, state);
  if (result.status !== 'success' || result.output[31] !== 7) throw new Error(engine + ': ' + result.status);
}
" evm state interpreter multipass runtime frame gas opcodes host primitives precompiles

try_project 'provider mining a transaction' "
import { createProvider } from '@tandem-evm/provider';
const provider = createProvider();
const [alice] = await provider.request({ method: 'eth_accounts' });
const to = '0x000000000000000000000000000000000000b0b0';
const hash = await provider.request({ method: 'eth_sendTransaction', params: [{ from: alice, to, value: '0x1' }] });
const receipt = await provider.request({ method: 'eth_getTransactionReceipt', params: [hash] });
if (receipt.status !== '0x1' || receipt.gasUsed !== '0x5208') throw new Error(JSON.stringify(receipt));
" provider evm state interpreter multipass runtime frame gas opcodes host primitives precompiles
