import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { emptyTxContext, type Host, type Message } from '@tandem-evm/host';
import { assemble } from '@tandem-evm/opcodes';
import { stateRoot, WorldState } from '@tandem-evm/state';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvm, type Evm } from './index.js';

const A = 0xaan;
const B = 0xbbn;
const SENDER = 0x5e4dn;

// A writes storage, logs, then calls B with value; B writes storage, creates a
// contract (whose init code writes storage) and writes transient storage. Each
// starts with a never-taken backward JUMPI, so that multipass compiles them
// rather than leaving straight-line code to the interpreter.
const CODE_A = assemble(
  'JUMPDEST PUSH0 PUSH0 JUMPI PUSH1 1 PUSH0 SSTORE PUSH0 PUSH0 LOG0 PUSH0 PUSH0 PUSH0 PUSH0 PUSH1 1 PUSH1 0xbb GAS CALL POP STOP',
);
const CODE_B = assemble(
  'JUMPDEST PUSH0 PUSH0 JUMPI PUSH1 2 PUSH1 1 SSTORE PUSH5 0x6001600055 PUSH0 MSTORE PUSH1 5 PUSH1 27 PUSH0 CREATE POP PUSH1 3 PUSH1 4 TSTORE STOP',
);

function freshState(): WorldState {
  const state = WorldState.fromAccounts([
    [SENDER, { balance: 10n ** 18n }],
    [A, { code: CODE_A, balance: 100n }],
    [B, { code: CODE_B }],
  ]);
  state.beginTransaction(emptyTxContext({ origin: SENDER }));
  return state;
}

const message: Message = {
  kind: 'call',
  depth: 0,
  gas: 1_000_000n,
  sender: SENDER,
  recipient: A,
  codeAddress: A,
  value: 0n,
  input: new Uint8Array(0),
  isStatic: false,
};

class InjectedFailure extends Error {}

/** A host that forwards to `state` and throws on its `throwAt`-th call. */
function throwingHost(state: WorldState, throwAt: number): { host: Host; calls: () => number } {
  let count = 0;
  const host = new Proxy(state, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (++count === throwAt) throw new InjectedFailure(`host call ${count}: ${String(property)}`);
        return value.apply(target, args);
      };
    },
  }) as Host;
  return { host, calls: () => count };
}

function outcome(evm: Evm, state: WorldState) {
  const result = evm.execute(message, state);
  return { status: result.status, gasLeft: result.gasLeft, root: stateRoot(state), logs: state.logs.length };
}

const reference = outcome(createEvm(), freshState());

describe('exception safety', () => {
  const { host, calls } = throwingHost(freshState(), Number.POSITIVE_INFINITY);
  createEvm().execute(message, host);
  const hostCallCount = calls();

  it('the reference run makes host calls and succeeds', () => {
    expect(reference.status).toBe('success');
    expect(hostCallCount).toBeGreaterThan(20);
  });

  it.each(['interpreter', 'multipass', 'auto'] as const)(
    'a host that throws at any call leaves state and pool consistent, and the next call is exact: %s',
    (engine) => {
      const evm = createEvm({ engine });
      fc.assert(
        fc.property(fc.integer({ min: 1, max: hostCallCount }), (throwAt) => {
          const state = freshState();
          const rootBefore = stateRoot(state);
          const journalBefore = state.snapshot();
          const failing = throwingHost(state, throwAt);
          let thrown: unknown;
          try {
            evm.execute(message, failing.host);
          } catch (error) {
            thrown = error;
          }
          // The host's own exception comes out unchanged.
          expect(thrown).toBeInstanceOf(InjectedFailure);
          expect(state.snapshot()).toBe(journalBefore);
          expect(stateRoot(state)).toBe(rootBefore);
          expect(state.logs.length).toBe(0);
          expect(evm.poolStats.inUse).toBe(0);
          // The same EVM and the same state then give exactly the reference answer.
          expect(outcome(evm, state)).toEqual(reference);
        }),
        { numRuns: Math.min(hostCallCount, 200) },
      );
    },
  );

  it('a throw from inside the frame loop itself (bad re-entry) leaves the pool usable', () => {
    const evm = createEvm();
    const state = freshState();
    const reentrant = new Proxy(state, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (property === 'setStorage') return () => evm.execute(message, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Host;
    expect(() => evm.execute(message, reentrant)).toThrow(/not re-entrant/);
    expect(evm.poolStats.inUse).toBe(0);
    expect(outcome(evm, freshState())).toEqual(reference);
  });
});

describe('context pool', () => {
  it('reuses one context per depth across calls', () => {
    const evm = createEvm();
    for (let i = 0; i < 5; i++) outcome(evm, freshState());
    // Depth 0 (A), 1 (B), 2 (the init code B creates).
    expect(evm.poolStats).toEqual({ size: 3, inUse: 0 });
  });

  it('reuses its contexts across engines: a multipass and an interpreter instance interleaved stay exact', () => {
    const interpreted = createEvm({ engine: 'interpreter' });
    const compiled = createEvm({ engine: 'multipass' });
    const auto = createEvm({ engine: 'auto' });
    for (let i = 0; i < 10; i++) {
      for (const evm of [interpreted, compiled, auto]) {
        expect(outcome(evm, freshState())).toEqual(reference);
        expect(evm.poolStats).toEqual({ size: 3, inUse: 0 });
      }
    }
    // A and B are compiled once; the init code B creates is straight-line, so it is interpreted.
    expect(compiled.compiledCode.statistics.compiled).toBe(2);
  });

  it('gives each EVM instance its own pool, and interleaved instances stay exact', () => {
    const cancun = createEvm({ revision: 'cancun' });
    const shanghai = createEvm({ revision: 'shanghai' });
    const shanghaiMessage = { ...message, recipient: B, codeAddress: B };
    const expectedShanghai = createEvm({ revision: 'shanghai' }).execute(shanghaiMessage, freshState());
    // TSTORE does not exist before Cancun.
    expect(expectedShanghai.status).toBe('undefined-instruction');
    for (let i = 0; i < 3; i++) {
      expect(outcome(cancun, freshState())).toEqual(reference);
      expect(shanghai.execute(shanghaiMessage, freshState())).toEqual(expectedShanghai);
    }
    expect(cancun.poolStats.size).toBe(3);
    expect(shanghai.poolStats.size).toBe(2);
  });

  it('does not leak memory contents into the next frame', () => {
    const evm = createEvm();
    const state = freshState();
    const writer = assemble(
      'PUSH32 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff PUSH1 64 MSTORE',
    );
    const reader = assemble('MSIZE PUSH0 MSTORE PUSH1 64 MLOAD PUSH1 32 MSTORE PUSH1 64 PUSH0 RETURN');
    evm.execute({ ...message, code: writer }, state);
    const result = evm.execute({ ...message, code: reader }, state);
    expect(result.output).toEqual(new Uint8Array(64));
  });
});

describe('deep calls without JS recursion', () => {
  const SELF_CALL = '60003560010160005260206000602060006000305af15060206000f3';
  const GAS = '1099511627776';

  it.each(['interpreter', 'multipass'] as const)(
    'runs 1025 frames (depth 0..1024) in the frame loop: %s',
    (engine) => {
      const evm = createEvm({ engine });
      const state = freshState();
      // For multipass, a never-taken backward JUMPI first (JUMPDEST PUSH0 PUSH0 JUMPI), so that the
      // compiler takes the code instead of leaving straight-line code to the interpreter.
      const prefix = engine === 'multipass' ? '5b5f5f57' : '';
      state.setAccount(A, { code: Buffer.from(prefix + SELF_CALL, 'hex') });
      const result = evm.execute({ ...message, gas: BigInt(GAS) }, state);
      expect(result.status).toBe('success');
      expect(result.output[30]).toBe(0x04);
      expect(result.output[31]).toBe(0x01);
      expect(evm.poolStats).toEqual({ size: 1025, inUse: 0 });
      if (engine === 'multipass') expect(evm.compiledCode.statistics.compiled).toBe(1);
    },
  );

  it('runs them under node --stack-size=240', () => {
    const bin = fileURLToPath(new URL('../../cli/src/bin.ts', import.meta.url));
    const child = spawnSync(
      process.execPath,
      [
        '--stack-size=240',
        '--conditions=@tandem-evm/source',
        '--import',
        'tsx',
        bin,
        'run',
        '--code',
        SELF_CALL,
        '--gas',
        GAS,
        '--json',
      ],
      { encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout).output).toBe(`0x${'0'.repeat(61)}401`);
  });
});

describe('multipass entry points', () => {
  it('hands a computed jump to a JUMPDEST no PUSH holds to the interpreter, then compiles every JUMPDEST as an entry', () => {
    // PUSH1 5, PUSH1 1, ADD: a jump to pc 6 that no PUSH names (as a jump table in memory would).
    const code = assemble('PUSH1 5 PUSH1 1 ADD JUMP JUMPDEST PUSH1 42 PUSH0 SSTORE STOP');
    const evm = createEvm({ engine: 'multipass' });
    for (const run of [1, 2]) {
      const state = freshState();
      state.setAccount(A, { code });
      const result = evm.execute(message, state);
      expect(result.status, `run ${run}`).toBe('success');
      expect(state.getStorage(A, 0n), `run ${run}`).toBe(42n);
      expect(1_000_000n - result.gasLeft, `run ${run}`).toBe(3n + 3n + 3n + 8n + 1n + 3n + 2n + 22_100n);
    }
    // Compiled once with the PUSHed entries; the miss made the second run's code take every JUMPDEST.
    expect(evm.compiledCode.statistics).toMatchObject({ compiled: 2, recompiled: 1 });
  });
});
