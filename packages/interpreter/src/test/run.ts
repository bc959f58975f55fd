// Test helper: runs bytecode through the interpreter alone, one frame, against
// a small in-memory host (no frame loop: a CALL or CREATE suspends the frame).
import { ExecutionContext, type RunOutcome } from '@tandem-evm/frame';
import {
  type Address,
  emptyTxContext,
  type Host,
  type Log,
  type Message,
  Revision,
  type Status,
  type TxContext,
} from '@tandem-evm/host';
import { analyzeCode, assemble } from '@tandem-evm/opcodes';
import { createSteppingInterpreter, interpreter } from '../index.js';

export const SELF = 0xc0den;
export const CALLER = 0xca11e7n;

interface Account {
  balance: bigint;
  nonce: bigint;
  code: Uint8Array;
  storage: Map<bigint, bigint>;
}

/**
 * Accounts in maps, EIP-2929 warm sets and logs; no journal (one frame never
 * needs to revert) and no code hashes (EXTCODEHASH reads 0).
 */
export class TestHost implements Host {
  readonly accounts = new Map<Address, Account>();
  readonly logs: Log[] = [];
  readonly warmAccounts = new Set<Address>();
  readonly warmSlots = new Set<string>();
  readonly transient = new Map<bigint, bigint>();
  /** Values at the start of the transaction, as `address:key`. */
  readonly committed = new Map<string, bigint>();

  constructor(readonly txContext: TxContext = emptyTxContext()) {}

  account(address: Address): Account {
    let account = this.accounts.get(address);
    if (account === undefined) {
      account = { balance: 0n, nonce: 0n, code: new Uint8Array(0), storage: new Map() };
      this.accounts.set(address, account);
    }
    return account;
  }

  accountExists = (address: Address) => this.accounts.has(address);
  isEmpty = (address: Address) => {
    const account = this.accounts.get(address);
    return (
      account === undefined || (account.balance === 0n && account.nonce === 0n && account.code.length === 0)
    );
  };
  getBalance = (address: Address) => this.accounts.get(address)?.balance ?? 0n;
  getNonce = (address: Address) => this.accounts.get(address)?.nonce ?? 0n;
  getCode = (address: Address) => this.accounts.get(address)?.code ?? new Uint8Array(0);
  getCodeHash = () => 0n;
  hasStorage = (address: Address) => (this.accounts.get(address)?.storage.size ?? 0) > 0;
  getStorage = (address: Address, key: bigint) => this.accounts.get(address)?.storage.get(key) ?? 0n;
  getCommittedStorage = (address: Address, key: bigint) =>
    this.committed.get(`${address}:${key}`) ?? this.getStorage(address, key);
  getTransientStorage = (_address: Address, key: bigint) => this.transient.get(key) ?? 0n;
  getBlockHash = (number: bigint) => 0xb10c0000n + number;
  getTxContext = () => this.txContext;
  isCreatedInTx = () => false;
  accessAccount = (address: Address) => this.warmAccounts.has(address) || !this.warmAccounts.add(address);
  accessStorage = (address: Address, key: bigint) =>
    this.warmSlots.has(`${address}:${key}`) || !this.warmSlots.add(`${address}:${key}`);
  setStorage = (address: Address, key: bigint, value: bigint) =>
    void this.account(address).storage.set(key, value);
  setTransientStorage = (_address: Address, key: bigint, value: bigint) =>
    void this.transient.set(key, value);
  setBalance = (address: Address, balance: bigint) => void (this.account(address).balance = balance);
  setNonce = (address: Address, nonce: bigint) => void (this.account(address).nonce = nonce);
  setCode = (address: Address, code: Uint8Array) => void (this.account(address).code = code);
  createContract = (address: Address) => {
    const balance = this.getBalance(address);
    this.accounts.delete(address);
    this.account(address).balance = balance;
  };
  touch = () => {};
  selfDestruct = () => true;
  emitLog = (log: Log) => void this.logs.push(log);
  snapshot = () => 0;
  revert = () => {};
}

export interface RunOptions {
  /** Cancun unless told. */
  readonly revision?: Revision;
  /** 1,000,000 unless told. */
  readonly gas?: bigint;
  readonly host?: TestHost;
  readonly message?: Partial<Message>;
  /** Run in the stepping interpreter (one instruction at a time) instead of the plain loop. */
  readonly stepping?: boolean;
}

export interface Run {
  readonly outcome: RunOutcome;
  readonly status: Status;
  readonly gasLeft: bigint;
  readonly gasUsed: bigint;
  readonly output: Uint8Array;
  /** Where the frame stopped: the failing instruction for an exceptional halt. */
  readonly pc: number;
  /** The operand stack when the frame stopped, top last. */
  readonly stack: bigint[];
  readonly context: ExecutionContext;
  readonly host: TestHost;
}

/**
 * Runs `code` (assembly, see `assemble`, or bytes) as SELF called by CALLER.
 * SELF and CALLER start warm, as in a transaction.
 */
export function run(code: string | Uint8Array, options: RunOptions = {}): Run {
  const host = options.host ?? new TestHost();
  host.warmAccounts.add(SELF).add(CALLER);
  const bytecode = typeof code === 'string' ? assemble(code) : code;
  const message: Message = {
    kind: 'call',
    depth: 0,
    gas: options.gas ?? 1_000_000n,
    sender: CALLER,
    recipient: SELF,
    codeAddress: SELF,
    value: 0n,
    input: new Uint8Array(0),
    isStatic: false,
    ...options.message,
  };
  const context = new ExecutionContext();
  context.start(message, host, options.revision ?? Revision.Cancun, analyzeCode(bytecode));
  const engine = options.stepping === true ? createSteppingInterpreter(undefined) : interpreter;
  const outcome = engine.run(context, undefined);
  const gasLeft = context.gasLeft;
  return {
    outcome,
    status: context.status,
    gasLeft,
    gasUsed: message.gas - gasLeft,
    output: context.output,
    pc: context.pc,
    stack: context.stack.slice(0, context.stackTop),
    context,
    host,
  };
}

/** The word `code` leaves on top of the stack (the code should end with STOP or run off its end). */
export function top(code: string, options: RunOptions = {}): bigint {
  const result = run(code, options);
  if (result.status !== 'success')
    throw new Error(`expected success, got ${result.status} at pc ${result.pc}`);
  return result.stack.at(-1)!;
}
