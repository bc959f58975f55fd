// Runs the CLI in-process for tests: output captured, files read from `files` when given, else from disk.
import { readFixtureFile } from '@tandem-evm/statetest';
import type { Io } from '../io.js';
import { main } from '../main.js';

export interface CliOptions {
  /** Files by path, read instead of the disk. */
  readonly files?: Record<string, string>;
  /** Lines of standard input. */
  readonly stdin?: readonly string[];
  readonly stderrIsTty?: boolean;
}

export function cli(argv: string[], options: CliOptions = {}) {
  let stdout = '';
  let stderr = '';
  let output = '';
  const { files, stdin = [] } = options;
  let nextLine = 0;
  const io: Io = {
    stdout: (text) => {
      stdout += text;
      output += text;
    },
    stderr: (text) => {
      stderr += text;
      output += text;
    },
    readFile: (path) => {
      if (files === undefined) return readFixtureFile(path);
      const content = files[path];
      if (content === undefined) throw new Error(`no file ${path}`);
      return content;
    },
    readLine: () => stdin[nextLine++],
    stderrIsTty: options.stderrIsTty ?? false,
  };
  const code = main(argv, io);
  // `output` is stdout and stderr interleaved, as a terminal shows them.
  return { code, stdout, stderr, output, lines: stdout.trimEnd().split('\n') };
}
