// Dependencies point only downward (DESIGN.md): a package's source may import
// only packages of lower layers, only through their entry point, and only
// packages it declares. Tests may also use what a package declares as
// devDependencies (an engine's tests run it through the facade).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { opcodeLiterals } from './opcode-literals.js';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Layer of each workspace package, lowest first; a package imports only lower layers. */
const LAYER: Record<string, number> = {
  primitives: 0,
  host: 1,
  opcodes: 2,
  gas: 3,
  frame: 4,
  runtime: 5,
  interpreter: 6,
  multipass: 6,
  precompiles: 6,
  evm: 7,
  state: 8,
  statetest: 9,
  difftest: 9,
  ethereumjs: 9,
  provider: 9,
  cli: 10,
  bench: 11,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g),
  ].map((match) => (match[1] ?? match[2])!);
}

const packages = [
  ...readdirSync(join(root, 'packages')).map((name) => ({ name, dir: join(root, 'packages', name) })),
  { name: 'bench', dir: join(root, 'apps', 'bench') },
];

describe('package layering', () => {
  it('knows the layer of every package', () => {
    for (const { name } of packages) expect(LAYER[name], name).toBeDefined();
  });

  for (const { name, dir } of packages) {
    it(`${name} imports only lower layers, through their entry points, as declared`, () => {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const dependencies = new Set(Object.keys(manifest.dependencies ?? {}));
      const devDependencies = new Set(Object.keys(manifest.devDependencies ?? {}));
      const problems: string[] = [];
      for (const file of sourceFiles(join(dir, 'src'))) {
        const isTest = file.endsWith('.test.ts') || file.includes('/src/test/');
        const where = relative(root, file);
        for (const specifier of imports(file)) {
          if (specifier.startsWith('.')) {
            const target = resolve(dirname(file), specifier);
            if (!target.startsWith(join(dir, 'src')))
              problems.push(`${where}: relative import leaves the package: ${specifier}`);
            continue;
          }
          if (!specifier.startsWith('@tandem-evm/')) continue;
          const [, other, ...rest] = specifier.split('/');
          if (rest.length > 0) problems.push(`${where}: deep import ${specifier}`);
          const declared =
            dependencies.has(`@tandem-evm/${other}`) ||
            (isTest && devDependencies.has(`@tandem-evm/${other}`));
          if (!declared) problems.push(`${where}: ${specifier} is not declared in package.json`);
          if (!isTest && !(LAYER[other!]! < LAYER[name]!))
            problems.push(`${where}: ${specifier} is not in a lower layer`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('opcode numbers live in @tandem-evm/opcodes', () => {
  it('finds case labels, comparisons with an opcode and PUSH ranges, not other numbers', () => {
    const sample = [
      'switch (op) {',
      '  case 0x56: // JUMP',
      '  case OP.JUMPI:',
      '}',
      'if (opcode === 0x5b) mark(pc);',
      'if (0x60 <= op) read();',
      'const size = op >= 0x60 && op <= 0x7f ? op - 0x5f : 0;',
      'const depth = op - 0x7f;',
      'if (code[pc] !== 91) return;',
      'if (byte >= 0x60 && byte <= 0x7f) skip();',
      'for (let opcode = 0; opcode < 256; opcode++) count(opcode);',
      'const mask = 0xff; const limit = 0xc000; if (size > 0x20) grow();',
      "if (opcode === OP.PUSH1 || name === '0x60') return 0x7f;",
      'if (code[0] === 0xef) reject(); // case 0x01: in a comment',
    ].join('\n');
    expect(opcodeLiterals(sample).map(({ line, what }) => `${line} ${what}`)).toEqual([
      '2 opcode case label',
      '5 opcode compared with a number',
      '6 opcode compared with a number',
      '7 opcode compared with a number',
      '8 opcode arithmetic with a number',
      '9 opcode compared with a number',
      '10 PUSH range',
    ]);
  });

  for (const { name, dir } of packages) {
    if (name === 'opcodes') continue;
    it(`${name} names opcodes through OP, instructionSize and isPush`, () => {
      const problems = sourceFiles(join(dir, 'src')).flatMap((file) =>
        opcodeLiterals(readFileSync(file, 'utf8')).map(
          ({ line, what, text }) => `${relative(root, file)}:${line}: ${what}: ${text}`,
        ),
      );
      expect(problems).toEqual([]);
    });
  }
});
