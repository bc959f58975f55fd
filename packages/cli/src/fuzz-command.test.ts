import { generateCase, runTandem, scenarioToJson, settleGas } from '@tandem-evm/difftest';
import { describe, expect, it } from 'vitest';
import { parseFuzzOptions, shardRange } from './fuzz-command.js';
import { cli } from './test/cli.js';

describe('tandem fuzz', () => {
  it('reads its options, with defaults', () => {
    expect(parseFuzzOptions(['--seed', '5'])).toMatchObject({
      runs: 1000,
      seed: 5,
      engines: ['interpreter', 'multipass', 'auto'],
      againstEthereumjs: false,
      shard: [1, 1],
      workers: 1,
      json: false,
    });
    expect(
      parseFuzzOptions(['--engines', 'multipass', '--against', 'ethereumjs', '--shard', '2/3']),
    ).toMatchObject({
      engines: ['multipass'],
      againstEthereumjs: true,
      shard: [2, 3],
    });
    expect(parseFuzzOptions([], () => 1234).seed).toBe(1234);
    expect(parseFuzzOptions(['--revisions', 'prague,Osaka']).revisions).toEqual([13, 14]);
    expect(parseFuzzOptions([]).revisions).toEqual([]);
  });

  it('rejects bad options with exit code 2', () => {
    for (const argv of [
      ['--runs', '0'],
      ['--seed', 'x'],
      ['--against', 'geth'],
      ['--engines', 'interpreter,jit'],
      ['--engines', 'interpreter'],
      ['--shard', '3/2'],
      ['--workers', '0'],
      ['--revisions', 'prague,amsterdam'],
      ['extra'],
    ]) {
      const { code, stderr } = cli(['fuzz', ...argv]);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr).toContain('tandem: ');
    }
  });

  it('splits the cases into contiguous shards that cover them once', () => {
    const shards = [1, 2, 3].map((i) => shardRange(10, [i, 3]));
    expect(shards).toEqual([
      [0, 4],
      [4, 7],
      [7, 10],
    ]);
    expect(shardRange(2, [3, 3])).toEqual([2, 2]);
  });

  it('runs a campaign in a worker thread; with --json the last line is the count', () => {
    const { code, stdout } = cli(['fuzz', '--runs', '12', '--seed', '3', '--workers', '2', '--json']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toEqual({ runs: 12, divergences: 0 });
    expect(JSON.parse(lines.at(-2)!)).toMatchObject({ seed: 3, start: 0, end: 12, workers: 2 });
  });

  it('draws a progress bar on stderr only when it is a terminal', () => {
    const argv = ['fuzz', '--runs', '2', '--seed', '3', '--workers', '1'];
    const terminal = cli(argv, { stderrIsTty: true });
    expect(terminal.code).toBe(0);
    expect(terminal.stderr).toContain(`\r[${'.'.repeat(30)}] 0/2 runs  0 divergences`);
    expect(cli(argv).stderr).not.toContain('[');
  });

  it('draws the cases from the revisions asked for', () => {
    const { code, stdout } = cli([
      'fuzz',
      '--runs',
      '6',
      '--seed',
      '3',
      '--revisions',
      'osaka',
      '--coverage',
      '--json',
    ]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(
      JSON.parse(lines.at(-2)!).coverage.perRevision.filter((row: { runs: number }) => row.runs > 0),
    ).toEqual([expect.objectContaining({ revision: 'osaka', runs: 6 })]);
    expect(JSON.parse(lines.at(-1)!)).toEqual({ runs: 6, divergences: 0 });
  });

  it('runs one shard of a campaign', () => {
    const { code, stdout } = cli(['fuzz', '--runs', '12', '--seed', '3', '--shard', '2/3', '--json']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(JSON.parse(lines.at(-2)!)).toMatchObject({ start: 4, end: 8 });
    expect(JSON.parse(lines.at(-1)!)).toEqual({ runs: 4, divergences: 0 });
  });
});

describe('tandem run --prestate', () => {
  it('replays a scenario (or reproducer) the way the fuzzer ran it, on each engine', () => {
    for (const index of [0, 1, 2, 3]) {
      const scenario = settleGas(generateCase(11, index));
      const files = {
        'case.json': JSON.stringify({ tandemReproducer: 1, scenario: scenarioToJson(scenario) }),
      };
      for (const engine of ['interpreter', 'multipass', 'auto'] as const) {
        const { code, stdout } = cli(['run', '--prestate', 'case.json', '--engine', engine, '--json'], {
          files,
        });
        expect(code).toBe(0);
        const expected = runTandem(scenario, engine);
        expect(JSON.parse(stdout)).toMatchObject({
          status: expected.status,
          gasUsed: (scenario.message.gas - expected.gasLeft).toString(),
          gasRefund: expected.gasRefund.toString(),
          output: `0x${Buffer.from(expected.output).toString('hex')}`,
        });
      }
    }
  });

  it('lets --code, --input, --gas and --revision override the scenario', () => {
    let index = 0;
    while (generateCase(11, index).scenario.message.kind !== 'call') index++;
    const scenario = settleGas(generateCase(11, index));
    const files = { 'case.json': JSON.stringify(scenarioToJson(scenario)) };
    // CALLDATALOAD(0) returned; PUSH0 makes it Shanghai+ only.
    const code = ['--code', '5f35 5f52 6020 5f f3', '--input', '0x2a'];
    const ok = cli(
      ['run', '--prestate', 'case.json', ...code, '--gas', '100', '--revision', 'cancun', '--json'],
      { files },
    );
    expect(JSON.parse(ok.stdout)).toMatchObject({ status: 'success', output: `0x2a${'00'.repeat(31)}` });
    const old = cli(['run', '--prestate', 'case.json', ...code, '--revision', 'london', '--json'], { files });
    expect(JSON.parse(old.stdout).status).toBe('undefined-instruction');
    const bad = cli(['run', '--prestate', 'bad.json'], { files: { 'bad.json': '{"revision":"x"}' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--prestate');
  });
});
