import type { Address, Host, Log, TxContext } from '@tandem-evm/host';
import { bytesToHex } from '@tandem-evm/primitives';

const h = (value: bigint) => value.toString(16);

/**
 * A host that forwards every call to another host and logs it, with its
 * arguments and result, as one line of text (`getStorage c0de 1 = 5`).
 * Two engines that keep design contract 1 produce the same log for the same
 * message; the first line where two logs differ is where they parted.
 * `counts` tallies calls by method, which is how coverage of host behaviour
 * is measured.
 */
export class RecordingHost implements Host {
  readonly calls: string[] = [];
  readonly counts = new Map<string, number>();
  /** When false, calls are forwarded but not logged (for runs whose log is not compared). */
  recording = true;

  constructor(readonly inner: Host) {}

  /** Empties the log (the counts keep growing). */
  clear(): void {
    this.calls.length = 0;
  }

  private note(entry: string, method: string): void {
    if (!this.recording) return;
    this.calls.push(entry);
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
  }

  accountExists(address: Address): boolean {
    const result = this.inner.accountExists(address);
    this.note(`accountExists ${h(address)} = ${result}`, 'accountExists');
    return result;
  }
  isEmpty(address: Address): boolean {
    const result = this.inner.isEmpty(address);
    this.note(`isEmpty ${h(address)} = ${result}`, 'isEmpty');
    return result;
  }
  getBalance(address: Address): bigint {
    const result = this.inner.getBalance(address);
    this.note(`getBalance ${h(address)} = ${h(result)}`, 'getBalance');
    return result;
  }
  getNonce(address: Address): bigint {
    const result = this.inner.getNonce(address);
    this.note(`getNonce ${h(address)} = ${h(result)}`, 'getNonce');
    return result;
  }
  getCode(address: Address): Uint8Array {
    const result = this.inner.getCode(address);
    this.note(`getCode ${h(address)} = ${result.length} bytes`, 'getCode');
    return result;
  }
  getCodeHash(address: Address): bigint {
    const result = this.inner.getCodeHash(address);
    this.note(`getCodeHash ${h(address)} = ${h(result)}`, 'getCodeHash');
    return result;
  }
  hasStorage(address: Address): boolean {
    const result = this.inner.hasStorage(address);
    this.note(`hasStorage ${h(address)} = ${result}`, 'hasStorage');
    return result;
  }
  getStorage(address: Address, key: bigint): bigint {
    const result = this.inner.getStorage(address, key);
    this.note(`getStorage ${h(address)} ${h(key)} = ${h(result)}`, 'getStorage');
    return result;
  }
  getCommittedStorage(address: Address, key: bigint): bigint {
    const result = this.inner.getCommittedStorage(address, key);
    this.note(`getCommittedStorage ${h(address)} ${h(key)} = ${h(result)}`, 'getCommittedStorage');
    return result;
  }
  getTransientStorage(address: Address, key: bigint): bigint {
    const result = this.inner.getTransientStorage(address, key);
    this.note(`getTransientStorage ${h(address)} ${h(key)} = ${h(result)}`, 'getTransientStorage');
    return result;
  }
  getBlockHash(number: bigint): bigint {
    const result = this.inner.getBlockHash(number);
    this.note(`getBlockHash ${h(number)} = ${h(result)}`, 'getBlockHash');
    return result;
  }
  getTxContext(): TxContext {
    const result = this.inner.getTxContext();
    this.note('getTxContext', 'getTxContext');
    return result;
  }
  isCreatedInTx(address: Address): boolean {
    const result = this.inner.isCreatedInTx(address);
    this.note(`isCreatedInTx ${h(address)} = ${result}`, 'isCreatedInTx');
    return result;
  }
  accessAccount(address: Address): boolean {
    const result = this.inner.accessAccount(address);
    this.note(`accessAccount ${h(address)} = ${result}`, 'accessAccount');
    return result;
  }
  accessStorage(address: Address, key: bigint): boolean {
    const result = this.inner.accessStorage(address, key);
    this.note(`accessStorage ${h(address)} ${h(key)} = ${result}`, 'accessStorage');
    return result;
  }
  setStorage(address: Address, key: bigint, value: bigint): void {
    this.note(`setStorage ${h(address)} ${h(key)} ${h(value)}`, 'setStorage');
    this.inner.setStorage(address, key, value);
  }
  setTransientStorage(address: Address, key: bigint, value: bigint): void {
    this.note(`setTransientStorage ${h(address)} ${h(key)} ${h(value)}`, 'setTransientStorage');
    this.inner.setTransientStorage(address, key, value);
  }
  setBalance(address: Address, balance: bigint): void {
    this.note(`setBalance ${h(address)} ${h(balance)}`, 'setBalance');
    this.inner.setBalance(address, balance);
  }
  setNonce(address: Address, nonce: bigint): void {
    this.note(`setNonce ${h(address)} ${h(nonce)}`, 'setNonce');
    this.inner.setNonce(address, nonce);
  }
  setCode(address: Address, code: Uint8Array): void {
    this.note(`setCode ${h(address)} ${bytesToHex(code)}`, 'setCode');
    this.inner.setCode(address, code);
  }
  createContract(address: Address): void {
    this.note(`createContract ${h(address)}`, 'createContract');
    this.inner.createContract(address);
  }
  touch(address: Address): void {
    this.note(`touch ${h(address)}`, 'touch');
    this.inner.touch(address);
  }
  selfDestruct(address: Address): boolean {
    const result = this.inner.selfDestruct(address);
    this.note(`selfDestruct ${h(address)} = ${result}`, 'selfDestruct');
    return result;
  }
  emitLog(log: Log): void {
    this.note(
      `emitLog ${h(log.address)} [${log.topics.map(h).join(' ')}] ${bytesToHex(log.data)}`,
      'emitLog',
    );
    this.inner.emitLog(log);
  }
  snapshot(): number {
    const result = this.inner.snapshot();
    this.note(`snapshot = ${result}`, 'snapshot');
    return result;
  }
  revert(snapshot: number): void {
    this.note(`revert ${snapshot}`, 'revert');
    this.inner.revert(snapshot);
  }
}
