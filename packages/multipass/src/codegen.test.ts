import { Revision } from '@tandem-evm/host';
import { analyzeCode, assemble, OP } from '@tandem-evm/opcodes';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, generateSource } from './compile.js';

const KEYWORDS = new Set([
  'use',
  'strict',
  'const',
  'return',
  'function',
  'for',
  'switch',
  'case',
  'default',
  'continue',
  'if',
  'BigInt',
  'Number',
  'ctx',
  'stack',
  'sp',
  'pc',
  'rt',
  'M',
  'A',
  'S',
  'E',
  'status',
  'undefined',
]);
/** Identifiers generated code may use: fixed names, temporaries, and property names of the runtime and context. */
const ALLOWED = /^([tg]\d+|[a-z][a-zA-Z]*)$/;

function identifiers(source: string): string[] {
  const withoutLiterals = source.replace(/'[a-z0-9-]+'/g, "''").replace(/\b(0x[0-9a-f]+|\d+)n?\b/g, '0');
  return [...withoutLiterals.matchAll(/[A-Za-z_$][\w$]*/g)].map((m) => m[0]);
}

function sourceFor(code: Uint8Array): string {
  return generateSource(analyzeCode(code), Revision.Cancun).source;
}

describe('code generation safety', () => {
  it('copies no byte of the code into the source as text', () => {
    // PUSH data and opcodes spelling JavaScript: `"+process.exit(1)+"` and a closing brace.
    const text = '");process.exit(1);//}';
    const bytes = new TextEncoder().encode(text);
    const code = Uint8Array.from([OP.PUSH1 + bytes.length - 1, ...bytes, ...bytes, OP.STOP]);
    const source = sourceFor(code);
    expect(source).not.toContain('process');
    expect(source).not.toContain('exit');
    expect(() => compile(analyzeCode(code), Revision.Cancun)).not.toThrow();
  });

  it('uses only its own identifiers, whatever the bytecode', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (code) => {
        for (const name of identifiers(sourceFor(code))) {
          if (!KEYWORDS.has(name)) expect(name).toMatch(ALLOWED);
        }
        // The generated source must also parse.
        expect(() => compile(analyzeCode(code), Revision.Cancun)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('emits numbers only as decimal or hex literals', () => {
    const source = sourceFor(
      assemble('PUSH32 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff PUSH1 1 ADD STOP'),
    );
    expect(source).toContain('0x0n');
  });
});

describe('optimisation', () => {
  it('folds constants and resolves PUSH + JUMP to a direct transfer', () => {
    const source = sourceFor(assemble('PUSH1 2 PUSH1 3 MUL PUSH1 8 JUMP JUMPDEST PUSH0 MSTORE STOP'));
    expect(source).not.toMatch(/\*/);
    expect(source).toContain('0x6n');
    expect(source).toContain('pc = 8; continue;');
    expect(source).not.toContain('rt.jump');
  });

  it('neither loads nor stores stack items a block leaves where they were', () => {
    // Needs three items, reads only the third; the two SWAP1s put the top back.
    const source = sourceFor(assemble('JUMPDEST DUP3 PUSH0 SSTORE SWAP1 SWAP1 PUSH0 PUSH0 JUMPI STOP'));
    expect(source).toContain('= stack[sp - 3];');
    expect(source).not.toContain('stack[sp - 1]');
    expect(source).not.toContain('stack[sp - 2]');
  });

  it('turns MUL, DIV and MOD by a constant power of two into shifts and masks, and drops the zero test of a constant divisor', () => {
    const source = sourceFor(
      assemble(
        'PUSH0 CALLDATALOAD DUP1 PUSH11 0x0100000000000000000000 SWAP1 DIV DUP2 PUSH1 4 MUL DUP3 PUSH1 32 SWAP1 MOD DUP4 PUSH1 3 SWAP1 DIV ADD ADD ADD PUSH0 SSTORE STOP',
      ),
    );
    expect(source).toContain('>> 80n');
    expect(source).toContain('<< 2n');
    expect(source).toContain('& 0x1fn');
    expect(source).toMatch(/t\d+ \/ 0x3n/);
    expect(source).not.toContain('=== 0n');
  });

  it('drops operations with an identity operand: x + 0, x - 0, x | 0, x ^ 0, x & ~0, x / 1, x << 0', () => {
    const identities = [
      'PUSH0 ADD',
      'PUSH0 SWAP1 SUB',
      'PUSH0 OR',
      'PUSH0 XOR',
      'PUSH32 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff AND',
      'PUSH1 1 SWAP1 DIV',
      'PUSH0 SHL',
      'PUSH0 SHR',
    ];
    for (const identity of identities) {
      const source = sourceFor(assemble(`PUSH0 CALLDATALOAD ${identity} PUSH0 SSTORE STOP`));
      expect(source, identity).toMatch(/rt\.sstore\(ctx, 0x0n, t0\)/);
    }
    // 0 - x is no identity.
    expect(sourceFor(assemble('PUSH0 CALLDATALOAD PUSH0 SUB PUSH0 SSTORE STOP'))).toContain('0x0n - t0');
  });

  it('computes memory offsets that are a pointer plus constants as numbers, and the word only where it is used', () => {
    // p = mload(0x40); mstore(p + 0x20, 1); mstore(p + 0x40, 2); the sums are only offsets.
    const offsets = sourceFor(
      assemble('PUSH1 0x40 MLOAD PUSH1 1 DUP2 PUSH1 0x20 ADD MSTORE PUSH1 2 DUP2 PUSH1 0x40 ADD MSTORE STOP'),
    );
    expect(offsets).toMatch(/const (t\d+) = t0 < 0x40000000n \? Number\(t0\) : 1073741824;/);
    expect(offsets).toMatch(/= Math\.min\(t\d+ \+ 32, 1073741824\);/);
    expect(offsets).toMatch(/= Math\.min\(t\d+ \+ 64, 1073741824\);/);
    // No BigInt addition on the hot path; the cold paths compute the words they write back.
    expect(offsets).not.toMatch(/t0 \+ 0x[24]0n/);
    expect(offsets).toContain('rt.add(t0, 0x20n)');
    // A sum stored as a word is computed as one.
    const stored = sourceFor(assemble('PUSH1 0x40 MLOAD PUSH1 0x20 ADD PUSH0 SSTORE STOP'));
    expect(stored).toContain('t0 + 0x20n');
  });

  it('keeps a comparison feeding JUMPI as a condition', () => {
    const source = sourceFor(assemble('PUSH0 CALLDATALOAD PUSH1 5 LT PUSH1 10 JUMPI STOP JUMPDEST STOP'));
    expect(source).toMatch(/if \(0x5n < t\d+\)/);
  });

  it('charges a chunk of static gas at once', () => {
    const source = sourceFor(assemble('PUSH1 1 PUSH1 2 ADD PUSH1 3 ADD POP STOP'));
    expect(source).toContain('ctx.gasCounter -= 17');
  });

  it('judges a jump maze unsuitable, and a loop through many jump destinations suitable', () => {
    // 100 blocks of `JUMPDEST PUSH1 next JUMP`: one jump per 4 bytes.
    const maze = assemble(
      Array.from({ length: 100 }, (_, i) => `JUMPDEST PUSH2 ${(i + 1) * 5} JUMP`).join(' ') +
        ' JUMPDEST STOP',
    );
    expect(compile(analyzeCode(maze), Revision.Cancun).verdict).toBe('too-many-jumps');
    const loop = assemble(`${'JUMPDEST '.repeat(1000)} PUSH0 CALLDATALOAD PUSH0 JUMPI STOP`);
    expect(compile(analyzeCode(loop), Revision.Cancun).verdict).toBe('compiled');
    const large = new Uint8Array(0xc001);
    expect(compile(analyzeCode(large), Revision.Cancun).verdict).toBe('too-large');
  });

  it('reads back a word stored at a constant offset without converting memory, until memory may change', () => {
    const forwarded = sourceFor(
      assemble('PUSH0 CALLDATALOAD PUSH1 64 MSTORE PUSH1 64 MLOAD PUSH1 64 MLOAD ADD PUSH0 SSTORE STOP'),
    );
    expect(forwarded).toContain('storeWord(64, ');
    expect(forwarded).not.toContain('loadWord');
    const overlapped = sourceFor(
      assemble(
        'PUSH0 CALLDATALOAD PUSH1 64 MSTORE PUSH1 1 PUSH1 80 MSTORE8 PUSH1 64 MLOAD PUSH0 SSTORE STOP',
      ),
    );
    expect(overlapped).toContain('loadWord(64)');
    const copied = sourceFor(
      assemble(
        'PUSH0 CALLDATALOAD PUSH1 64 MSTORE PUSH1 32 PUSH0 PUSH1 64 CALLDATACOPY PUSH1 64 MLOAD PUSH0 SSTORE STOP',
      ),
    );
    expect(copied).toContain('loadWord(64)');
  });

  it('falls through a run of jump destinations and charges it as one chunk, again only when jumped into', () => {
    // Both JUMPDESTs are entry points: PUSH1 3 holds one, PUSH1 2 JUMP the other.
    const source = sourceFor(assemble('PUSH1 3 JUMPDEST JUMPDEST POP PUSH1 2 JUMP'));
    // 3 + 1 + 1 + 2 + 3 + 8 from pc 0; 1 + 1 + 2 + 3 + 8 when jumped to pc 2; 1 + 2 + 3 + 8 at pc 3.
    expect(source).toContain('ctx.gasCounter -= 18');
    expect(source).toMatch(/if \(pc === 2 && !rt\.tryChargeGas\(ctx, 15\)\)/);
    expect(source).toMatch(/if \(pc === 3 && !rt\.tryChargeGas\(ctx, 14\)\)/);
    expect(source).not.toContain('pc = 3; continue;');
    expect(source).toContain('pc = 2; continue;');
  });
});

describe('verdict', () => {
  it('leaves code without a backward or computed jump to the interpreter', () => {
    const straight = assemble('PUSH1 1 PUSH1 7 JUMPI STOP JUMPDEST STOP');
    expect(compile(analyzeCode(straight), Revision.Cancun).verdict).toBe('straight-line');
    const loop = assemble('JUMPDEST PUSH1 1 PUSH0 JUMPI STOP');
    expect(compile(analyzeCode(loop), Revision.Cancun).verdict).toBe('compiled');
    const computed = assemble('PUSH0 CALLDATALOAD JUMP JUMPDEST STOP');
    expect(compile(analyzeCode(computed), Revision.Cancun).verdict).toBe('compiled');
  });
});
