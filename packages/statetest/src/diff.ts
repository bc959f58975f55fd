import type { Address } from '@tandem-evm/host';
import { addressToHex, bigintToHex, bytesToHex } from '@tandem-evm/primitives';
import type { AccountData } from '@tandem-evm/state';

const MAX_CODE_SHOWN = 64;

function codeText(code: Uint8Array): string {
  const hex = bytesToHex(code.subarray(0, MAX_CODE_SHOWN));
  return code.length > MAX_CODE_SHOWN ? `${hex}… (${code.length} bytes)` : hex;
}

function accountLines(account: AccountData): string[] {
  const lines = [`nonce ${account.nonce}`, `balance ${account.balance}`];
  if (account.code.length > 0) lines.push(`code ${codeText(account.code)}`);
  for (const [key, value] of account.storage)
    lines.push(`storage[${bigintToHex(key)}] ${bigintToHex(value)}`);
  return lines;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * What a transaction changed: one block per account that was created,
 * deleted or modified, in address order; empty when nothing changed.
 */
export function diffStates(
  pre: ReadonlyMap<Address, AccountData>,
  post: ReadonlyMap<Address, AccountData>,
): string {
  const addresses = [...new Set([...pre.keys(), ...post.keys()])].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const out: string[] = [];
  for (const address of addresses) {
    const before = pre.get(address);
    const after = post.get(address);
    const name = addressToHex(address);
    if (before === undefined && after !== undefined) {
      out.push(`+ ${name} (created)`, ...accountLines(after).map((line) => `    ${line}`));
      continue;
    }
    if (after === undefined && before !== undefined) {
      out.push(`- ${name} (deleted)`, ...accountLines(before).map((line) => `    ${line}`));
      continue;
    }
    if (before === undefined || after === undefined) continue;
    const changes: string[] = [];
    if (before.nonce !== after.nonce) changes.push(`nonce ${before.nonce} -> ${after.nonce}`);
    if (before.balance !== after.balance) {
      const delta = after.balance - before.balance;
      changes.push(`balance ${before.balance} -> ${after.balance} (${delta > 0n ? '+' : ''}${delta})`);
    }
    if (!sameBytes(before.code, after.code)) {
      changes.push(`code ${codeText(before.code)} -> ${codeText(after.code)}`);
    }
    const keys = [...new Set([...before.storage.keys(), ...after.storage.keys()])].sort((a, b) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    for (const key of keys) {
      const from = before.storage.get(key) ?? 0n;
      const to = after.storage.get(key) ?? 0n;
      if (from !== to)
        changes.push(`storage[${bigintToHex(key)}] ${bigintToHex(from)} -> ${bigintToHex(to)}`);
    }
    if (changes.length > 0) out.push(`~ ${name}`, ...changes.map((line) => `    ${line}`));
  }
  return out.join('\n');
}
