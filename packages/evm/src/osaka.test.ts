// Osaka, from the final EIP texts, on the interpreter and on multipass:
// EIP-7939 CLZ (0x1e: leading zero bits of a word, 256 for zero; 5 gas; undefined before Osaka);
// EIP-7951 P256VERIFY at 0x100; EIP-7883/EIP-7823 modexp pricing and bounds through CALL;
// and Osaka as the default revision.
import { LATEST_REVISION, Revision } from '@tandem-evm/host';
import { bytesToHex, concatBytes, hexToBytes, wordToBytes } from '@tandem-evm/primitives';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvm } from './index.js';
import { ENGINES, FORCE_COMPILE, outputWord } from './test/engines.js';
import { run as runCall } from './test/harness.js';

const RETURN_TOP = 'PUSH0 MSTORE PUSH1 32 PUSH0 RETURN';
const MAX = (1n << 256n) - 1n;

/** CLZ by the EIP's Python definition. */
function referenceClz(x: bigint): bigint {
  return x === 0n ? 256n : 256n - BigInt(x.toString(2).length);
}

describe.each(ENGINES)('EIP-7939 CLZ on %s', (engine) => {
  /** PUSH32 x CLZ, the result returned; compiled by multipass (the prefix), or folded when constant. */
  const clz = (x: bigint, revision = 'osaka') =>
    runCall({ code: `${FORCE_COMPILE} PUSH32 ${x} CLZ ${RETURN_TOP}`, revision, engine });
  /** The same with x from calldata, so that the compiler cannot fold it. */
  const clzOfInput = (x: bigint) =>
    runCall({
      code: `${FORCE_COMPILE} PUSH0 CALLDATALOAD CLZ ${RETURN_TOP}`,
      revision: 'osaka',
      engine,
      input: wordToBytes(x),
    });

  it('gives the EIP test cases', () => {
    const cases: [bigint, bigint][] = [
      [0n, 256n],
      [1n << 255n, 0n],
      [MAX, 0n],
      [1n << 254n, 1n],
      [(1n << 255n) - 1n, 1n],
      [1n, 255n],
    ];
    for (const [x, expected] of cases) {
      expect(outputWord(clz(x).result), `clz(${x.toString(16)})`).toBe(expected);
      expect(outputWord(clzOfInput(x).result), `clz(${x.toString(16)}) from calldata`).toBe(expected);
    }
  });

  it('counts 255 − i for every single bit 2^i and for 2^(i+1) − 1', () => {
    for (let i = 0n; i < 256n; i++) {
      expect(outputWord(clzOfInput(1n << i).result)).toBe(255n - i);
      expect(outputWord(clzOfInput((1n << (i + 1n)) - 1n).result)).toBe(255n - i);
    }
  });

  it('agrees with the EIP’s Python definition on random words', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX }), fc.nat({ max: 256 }), (x, shift) => {
        const value = x >> BigInt(shift);
        expect(outputWord(clzOfInput(value).result)).toBe(referenceClz(value));
      }),
      { numRuns: 200 },
    );
  });

  it('costs 5 gas (as MUL), charged in the block’s gas chunk', () => {
    // PUSH1 1 (3) CLZ (5) STOP.
    expect(runCall({ code: 'PUSH1 1 CLZ STOP', revision: 'osaka', engine }).gasUsed).toBe(8n);
    const compiled = runCall({ code: `${FORCE_COMPILE} PUSH1 1 CLZ STOP`, revision: 'osaka', engine });
    // JUMPDEST 1, PUSH0 2, PUSH0 2, JUMPI 10, PUSH1 3, CLZ 5.
    expect(compiled.gasUsed).toBe(23n);
    expect(runCall({ code: 'PUSH1 1 CLZ STOP', revision: 'osaka', engine, gas: 7n }).result.status).toBe(
      'out-of-gas',
    );
  });

  it('underflows on an empty stack', () => {
    const { result, gasUsed } = runCall({ code: 'CLZ', revision: 'osaka', engine, gas: 1000n });
    expect(result.status).toBe('stack-underflow');
    expect(gasUsed).toBe(1000n);
  });

  it.each(['cancun', 'prague'])('is an undefined instruction in %s, consuming all gas', (revision) => {
    const { result, gasUsed } = runCall({ code: 'PUSH1 1 CLZ STOP', revision, engine, gas: 1000n });
    expect(result.status).toBe('undefined-instruction');
    expect(gasUsed).toBe(1000n);
    expect(clz(1n, revision).result.status).toBe('undefined-instruction');
  });

  it('runs 60011e60005260206000f3 to 255 in Osaka, and fails it as undefined in Cancun', () => {
    const code = hexToBytes('60011e60005260206000f3');
    const osaka = runCall({ code, revision: 'osaka', engine });
    expect(osaka.result.status).toBe('success');
    expect(bytesToHex(osaka.result.output)).toBe(`0x${'00'.repeat(31)}ff`);
    expect(runCall({ code, revision: 'cancun', engine }).result.status).toBe('undefined-instruction');
  });

  it('is compiled by multipass, not handed to the interpreter', () => {
    if (engine !== 'multipass') return;
    const { evm, result } = clzOfInput(7n);
    expect(outputWord(result)).toBe(253n);
    expect(evm.compiledCode.statistics.compiled).toBe(1);
  });
});

describe.each(ENGINES)('EIP-7951 P256VERIFY through STATICCALL on %s', (engine) => {
  // EIP-7951 test vector (assets/eip-7951/test-vectors.json, Wycheproof #1): a valid signature.
  const input = hexToBytes(
    '0xbb5a52f42f9c9261ed4361f59422a1e30036e7c32b270c8807a419feca6050232ba3a8be6b94d5ec80a6d9d1190a436effe50d85a1eee859b8cc6af9bd5c2e184cd60b855d442f5b3c7b11eb6c4e0ae7525fe710fab9aa7c77a67f79e6fadd762927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e',
  );
  // STATICCALL(gas, 0x100, 0, 160, 0xa0, 32); then the word returned, the success flag and RETURNDATASIZE.
  const code = `${FORCE_COMPILE} CALLDATASIZE PUSH0 PUSH0 CALLDATACOPY PUSH1 32 PUSH1 0xa0 PUSH1 160 PUSH0 PUSH2 0x100 PUSH3 0xffffff STATICCALL PUSH1 0xc0 MSTORE RETURNDATASIZE PUSH1 0xe0 MSTORE PUSH1 96 PUSH1 0xa0 RETURN`;

  it('returns 1 for a valid signature, at 6900 gas, in Osaka', () => {
    const osaka = runCall({ code, revision: 'osaka', engine, input });
    const words = [0, 1, 2].map((i) =>
      outputWord({ ...osaka.result, output: osaka.result.output.subarray(32 * i, 32 * i + 32) }),
    );
    expect(words).toEqual([1n, 1n, 32n]);
    const tampered = concatBytes(input.subarray(0, 159), Uint8Array.of(input[159]! ^ 1));
    const rejected = runCall({ code, revision: 'osaka', engine, input: tampered });
    expect(bytesToHex(rejected.result.output)).toBe(`0x${'00'.repeat(63)}01${'00'.repeat(32)}`);
    // A bare call costs the precompile's 6900 (warm: precompiles are in the access list).
    const bare = `PUSH1 32 PUSH0 PUSH0 PUSH0 PUSH2 0x100 PUSH3 0xffffff STATICCALL STOP`;
    expect(runCall({ code: bare, revision: 'osaka', engine }).gasUsed).toBe(
      // PUSH1, PUSH2, PUSH3 3 each; PUSH0 2 three times; one word of memory 3; warm access 100.
      3n * 3n + 3n * 2n + 3n + 100n + 6900n,
    );
  });

  it('is an empty account before Osaka: the call succeeds with no return data', () => {
    const prague = runCall({ code, revision: 'prague', engine, input });
    expect(bytesToHex(prague.result.output)).toBe(`0x${'00'.repeat(63)}01${'00'.repeat(32)}`);
  });
});

describe.each(ENGINES)('EIP-7883 and EIP-7823 modexp through CALL on %s', (engine) => {
  /** Calls modexp with calldata as its input and returns the call's success flag. */
  const code = `${FORCE_COMPILE} CALLDATASIZE PUSH0 PUSH0 CALLDATACOPY PUSH0 PUSH0 CALLDATASIZE PUSH0 PUSH0 PUSH1 5 PUSH3 0xffffff CALL ${RETURN_TOP}`;
  const modexp = (lengths: [bigint, bigint, bigint], data: string) =>
    concatBytes(...lengths.map(wordToBytes), hexToBytes(data));

  it('charges 500 at least in Osaka where Prague charged 200', () => {
    const input = modexp([1n, 1n, 1n], '020305');
    const osaka = runCall({ code, revision: 'osaka', engine, input });
    const prague = runCall({ code, revision: 'prague', engine, input });
    expect(outputWord(osaka.result)).toBe(1n);
    expect(osaka.gasUsed - prague.gasUsed).toBe(300n);
  });

  it('fails a call with a length over 1024 bytes in Osaka, consuming the gas it was given', () => {
    const input = modexp([1025n, 1n, 1n], `${'00'.repeat(1024)}020305`);
    const osaka = runCall({ code, revision: 'osaka', engine, input, gas: 20_000_000n });
    expect(outputWord(osaka.result)).toBe(0n);
    expect(osaka.gasUsed).toBeGreaterThan(0xffffffn);
    expect(outputWord(runCall({ code, revision: 'prague', engine, input, gas: 20_000_000n }).result)).toBe(
      1n,
    );
  });
});

describe('Osaka is the default revision', () => {
  it('of createEvm', () => {
    expect(LATEST_REVISION).toBe(Revision.Osaka);
    expect(createEvm().revision).toBe(Revision.Osaka);
    expect(createEvm({ revision: 'prague' }).revision).toBe(Revision.Prague);
    expect(createEvm({ revision: 'Osaka' }).revision).toBe(Revision.Osaka);
    expect(() => createEvm({ revision: 15 as Revision })).toThrow(/options.revision/);
  });
});
