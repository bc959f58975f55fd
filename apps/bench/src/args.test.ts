import { describe, expect, it } from 'vitest';
import { parseBenchArgs, UsageError } from './args.js';

const ENGINES = ['interpreter', 'ethereumjs'];

describe('parseBenchArgs', () => {
  it('defaults to every engine, no filter, a full run and no files', () => {
    expect(parseBenchArgs([], ENGINES)).toEqual({
      engines: ENGINES,
      filter: undefined,
      quick: false,
      cold: true,
      json: undefined,
      markdown: undefined,
      saveBaseline: undefined,
      compare: undefined,
      list: false,
      help: false,
    });
  });

  it('reads every option, with a space or an equals sign', () => {
    const options = parseBenchArgs(
      [
        '--engines',
        'ethereumjs,interpreter',
        '--filter=^call/',
        '--quick',
        '--json',
        'out.json',
        '--markdown=out.md',
        '--save-baseline',
        'base.json',
        '--compare',
        'old.json',
      ],
      ENGINES,
    );
    expect(options.engines).toEqual(['ethereumjs', 'interpreter']);
    expect(options.filter?.test('call/empty')).toBe(true);
    expect(options.filter?.test('main/call/x')).toBe(false);
    expect(options).toMatchObject({
      quick: true,
      cold: false,
      json: 'out.json',
      markdown: 'out.md',
      saveBaseline: 'base.json',
      compare: 'old.json',
    });
  });

  it('does the cold runs in a full run unless told --no-cold', () => {
    expect(parseBenchArgs(['--no-cold'], ENGINES).cold).toBe(false);
    expect(parseBenchArgs(['--no-cold'], ENGINES).quick).toBe(false);
  });

  it('skips a bare -- that pnpm passes through', () => {
    expect(parseBenchArgs(['--', '--quick'], ENGINES).quick).toBe(true);
  });

  it('rejects unknown options and engines, missing values and bad regexes', () => {
    expect(() => parseBenchArgs(['--fast'], ENGINES)).toThrow(UsageError);
    expect(() => parseBenchArgs(['--engines', 'evmone'], ENGINES)).toThrow(/unknown engine 'evmone'/);
    expect(() => parseBenchArgs(['--engines', 'interpreter,interpreter'], ENGINES)).toThrow(/twice/);
    expect(() => parseBenchArgs(['--json'], ENGINES)).toThrow(/needs a value/);
    expect(() => parseBenchArgs(['--quick=yes'], ENGINES)).toThrow(/takes no value/);
    expect(() => parseBenchArgs(['--filter', '('], ENGINES)).toThrow(/--filter/);
    expect(() => parseBenchArgs(['snailtracer'], ENGINES)).toThrow(/unexpected argument/);
  });
});
