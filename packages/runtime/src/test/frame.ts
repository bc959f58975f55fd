// Test helper: one frame's ExecutionContext, started against a stub host, so
// each runtime function can be called alone and its host calls checked.
import { ExecutionContext } from '@tandem-evm/frame';
import { emptyTxContext, type Host, type Message, Revision } from '@tandem-evm/host';

export const SELF = 0xc0den;
export const CALLER = 0xca11e7n;

/** No code: runtime functions are called directly, not from bytecode (33 bytes of padding, as padCode gives). */
const NO_CODE = { padded: new Uint8Array(33), size: 0, jumpdests: new Uint8Array(0), pushValues: [] };

/**
 * A host that answers only the methods given and throws on any other call,
 * so a test fails when a runtime function touches state it should not.
 * `getTxContext` defaults to an empty context.
 */
export function stubHost(methods: Partial<Host> = {}): Host {
  const known: Partial<Host> = { getTxContext: () => emptyTxContext(), ...methods };
  return new Proxy(known, {
    get(target, name: string) {
      const method = target[name as keyof Host];
      if (method === undefined) throw new Error(`unexpected host call ${name}`);
      return method;
    },
  }) as Host;
}

export interface FrameOptions {
  readonly revision?: Revision;
  readonly gas?: bigint;
  readonly host?: Host;
  readonly message?: Partial<Message>;
}

/** A started frame of SELF called by CALLER, with empty code; Cancun and 1,000,000 gas unless told. */
export function frame(options: FrameOptions = {}): ExecutionContext {
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
  context.start(message, options.host ?? stubHost(), options.revision ?? Revision.Cancun, NO_CODE);
  return context;
}

/** Gas the frame has used so far. */
export function gasUsed(context: ExecutionContext): bigint {
  return context.message.gas - context.gasLeft;
}
