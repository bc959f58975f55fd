/**
 * Traces of a run, as lines of text that any EVM can produce and that are
 * compared line by line to find the first step where two runs part:
 *
 *   call d=1 to=0x… gas=… value=… input=0x…   a frame is requested
 *   create d=1 gas=… value=… init=0x…          (CREATE/CREATE2)
 *   step d=1 pc=12 op=SSTORE gas=1234         an instruction is about to run
 *   result d=1 status=success gasLeft=… output=0x…   a frame's result reaches its caller
 *
 * Tandem's engines have no step hook (the plain loop pays nothing for
 * tracing), so `traceEngine` wraps an engine from outside: it sees every
 * child request and result at the frame-loop boundary, and, for frames run
 * by the interpreter, every instruction, by handing the interpreter its code
 * through a Proxy that notes each opcode the interpreter fetches together
 * with the gas left at that moment, and by handing it its host through a
 * Proxy that notes which instruction reads which account's code. Slow; for
 * reproducers and coverage only.
 */
import { type Engine, type ExecutionContext, RunOutcome } from '@tandem-evm/frame';
import type { Host, Message, Result } from '@tandem-evm/host';
import { interpreter } from '@tandem-evm/interpreter';
import { OP, OPCODES } from '@tandem-evm/opcodes';
import { isPrecompile } from '@tandem-evm/precompiles';
import { bytesToHex } from '@tandem-evm/primitives';
import { statusClass } from './status.js';

const NAMES = OPCODES.map((info, code) => info?.name ?? `0x${code.toString(16).padStart(2, '0')}`);

export function opcodeName(code: number): string {
  return NAMES[code]!;
}

export function callLine(message: Message): string {
  if (message.kind === 'create' || message.kind === 'create2') {
    return `create d=${message.depth} gas=${message.gas} value=${message.value} init=${bytesToHex(message.input)}`;
  }
  return `call d=${message.depth} to=0x${message.codeAddress.toString(16)} gas=${message.gas} value=${message.value} input=${bytesToHex(message.input)}`;
}

export function resultLine(depth: number, result: Result): string {
  return `result d=${depth} status=${statusClass(result.status)} gasLeft=${result.gasLeft} output=${bytesToHex(result.output)}`;
}

export function stepLine(depth: number, pc: number, opcode: number, gas: bigint): string {
  return `step d=${depth} pc=${pc} op=${opcodeName(opcode)} gas=${gas}`;
}

/** What a traced run saw besides the lines: executed opcodes and child frames by kind. */
export interface TraceCounters {
  /** Executions per opcode byte. */
  readonly opcodes: Uint32Array;
  /** Child frames requested, by call kind. */
  readonly callKinds: Map<string, number>;
  /** Results that reached a caller, by status. */
  readonly statuses: Map<string, number>;
  /** Calls to an address that is a precompile in the frame's revision, by address. */
  readonly precompiles: Map<string, number>;
  /** Their results, as `<address> <status>` (`success-empty`: success with no output). */
  readonly precompileResults: Map<string, number>;
  /**
   * Reads of an account's code or code hash by an interpreted instruction,
   * as `<opcode> <address hex>` (a CALL reads its target's code from Prague
   * to find a delegation; EXTCODE* read it): which accounts are delegated is
   * the caller's to know.
   */
  readonly codeReads: Map<string, number>;
  maxDepth: number;
}

export function newCounters(): TraceCounters {
  return {
    opcodes: new Uint32Array(256),
    callKinds: new Map(),
    statuses: new Map(),
    precompiles: new Map(),
    precompileResults: new Map(),
    codeReads: new Map(),
    maxDepth: 0,
  };
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

const IMMEDIATE_READS = new Uint8Array(256);
IMMEDIATE_READS[OP.PUSH1] = 1; // the interpreter reads PUSH1's byte from the code
IMMEDIATE_READS[OP.PUSH2] = 2; // and PUSH2's two; longer PUSHes come decoded from the analysis

/**
 * Wraps `base` so that every child request and result is written to `lines`
 * and counted; with `steps`, frames run by the interpreter also log each
 * instruction. A frame the base engine hands back (RunOutcome.Fallback) is
 * continued in the interpreter right here, so the wrapper sees it to the end.
 */
export function traceEngine(
  base: Engine,
  lines: string[] | undefined,
  counters: TraceCounters,
  steps: boolean,
): Engine {
  const interpreted = new WeakSet<ExecutionContext>();
  const originals = new WeakMap<object, Uint8Array>();
  const originalHosts = new WeakMap<object, Host>();
  /** The precompile each suspended frame called, until its result comes back. */
  const pendingPrecompiles = new WeakMap<ExecutionContext, string>();

  const watchCode = (context: ExecutionContext): void => {
    const code = originals.get(context.code) ?? context.code;
    const depth = context.message.depth;
    const size = context.codeSize;
    let skip = 0;
    let last = 0;
    const proxy = new Proxy(code, {
      get(target, property) {
        if (typeof property === 'string') {
          const index = property.charCodeAt(0) - 48;
          if (index >= 0 && index <= 9) {
            const pc = Number(property);
            const byte = target[pc]!;
            if (skip > 0) {
              skip--;
            } else {
              skip = IMMEDIATE_READS[byte]!;
              if (pc < size) {
                last = byte;
                counters.opcodes[byte]!++;
                lines?.push(stepLine(depth, pc, byte, context.gasLeft));
              }
            }
            return byte;
          }
        }
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    originals.set(proxy, code);
    context.code = proxy;

    const host = originalHosts.get(context.host) ?? context.host;
    const hostProxy = new Proxy(host, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        if (property !== 'getCode' && property !== 'getCodeHash') return value.bind(target);
        return (address: bigint) => {
          bump(counters.codeReads, `${opcodeName(last)} ${address.toString(16)}`);
          return value.call(target, address);
        };
      },
    });
    originalHosts.set(hostProxy, host);
    context.host = hostProxy;
  };

  return {
    name: base.name,
    run(context, childResult) {
      const depth = context.message.depth;
      if (childResult === undefined) {
        // The frame loop calls with no child result only when a frame starts.
        interpreted.delete(context);
        if (depth > counters.maxDepth) counters.maxDepth = depth;
      } else {
        lines?.push(resultLine(depth + 1, childResult));
        bump(counters.statuses, childResult.status);
        const precompile = pendingPrecompiles.get(context);
        if (precompile !== undefined) {
          const { status, output } = childResult;
          bump(
            counters.precompileResults,
            `${precompile} ${status === 'success' && output.length === 0 ? 'success-empty' : status}`,
          );
          pendingPrecompiles.delete(context);
        }
      }
      let engine = interpreted.has(context) || base === interpreter ? interpreter : base;
      if (steps && engine === interpreter) watchCode(context);
      let outcome = engine.run(context, childResult);
      while (outcome === RunOutcome.Fallback) {
        interpreted.add(context);
        engine = interpreter;
        if (steps) watchCode(context);
        outcome = interpreter.run(context, undefined);
      }
      if (context.code !== undefined && originals.has(context.code))
        context.code = originals.get(context.code)!;
      if (originalHosts.has(context.host)) context.host = originalHosts.get(context.host)!;
      if (outcome === RunOutcome.Suspended) {
        const call = context.pendingCall!;
        lines?.push(callLine(call));
        bump(counters.callKinds, call.kind);
        if (
          call.kind !== 'create' &&
          call.kind !== 'create2' &&
          isPrecompile(call.codeAddress, context.revision)
        ) {
          const address = `0x${call.codeAddress.toString(16).padStart(2, '0')}`;
          bump(counters.precompiles, address);
          pendingPrecompiles.set(context, address);
        }
      }
      return outcome;
    },
  };
}
