// Runs every `$ tandem …` example of this package's README and checks what it
// prints: the lines after the command, up to the next command or the end of
// the block, where `…` stands for any text. `echo PATH | tandem …` feeds PATH
// on stdin; a trailing `2>&1` checks stderr and stdout together; `""` is an empty argument.
// Paths are relative to the repository's root, where vitest runs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from './test/cli.js';

interface Example {
  readonly command: string;
  readonly expected: readonly string[];
}

function examples(readme: string): Example[] {
  const found: Example[] = [];
  for (const [, block] of readme.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const chunk of block!.split(/^(?=\$ )/m).filter((text) => text.startsWith('$ '))) {
      const [command, ...expected] = chunk.trimEnd().split('\n');
      found.push({ command: command!.slice(2), expected });
    }
  }
  return found;
}

const pattern = (line: string): RegExp =>
  new RegExp(
    `^${line
      .split('…')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('the CLI README', () => {
  const all = examples(readme);

  it('shows every command with an example', () => {
    for (const command of ['run', 'statetest', 'compile', 'fuzz', 't8n']) {
      expect(all.some((example) => example.command.includes(`tandem ${command} `))).toBe(true);
    }
  });

  it.each(all.map((example) => [example.command, example] as const))('$ %s', (_, { command, expected }) => {
    const piped = /^echo (\S+) \| (.*)$/.exec(command);
    const [line, stdin] = piped === null ? [command, []] : [piped[2]!, [piped[1]!]];
    const words = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map(([, quoted, bare]) => quoted ?? bare!);
    const combined = words.at(-1) === '2>&1';
    expect(words[0]).toBe('tandem');
    const argv = words.slice(1, combined ? -1 : undefined);
    const result = cli(argv, { stdin });
    expect(result.code).toBe(0);
    const printed = (combined ? result.output : result.stdout).trimEnd().split('\n');
    expect(printed).toHaveLength(expected.length);
    printed.forEach((text, i) => {
      expect(text).toMatch(pattern(expected[i]!));
    });
  });
});
