// Runs the CLI in-process for tests: output captured, files read from `files` when given, else from disk.
import { readFixtureFile } from '@tandem-evm/statetest';
import { type Io, main } from '../main.js';

export function cli(argv: string[], files?: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readFile: (path) => {
      if (files === undefined) return readFixtureFile(path);
      const content = files[path];
      if (content === undefined) throw new Error(`no file ${path}`);
      return content;
    },
  };
  const code = main(argv, io);
  return { code, stdout, stderr, lines: stdout.trimEnd().split('\n') };
}
