import { readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { readFixtureFile } from '@tandem-evm/statetest';
import { UsageError } from './args.js';

/** What a command reads and writes; tests pass their own to capture output. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => string;
  /** The next line of standard input without its newline, or undefined at its end. */
  readonly readLine?: () => string | undefined;
  /** Whether stderr is a terminal (progress bars are drawn only then); default process.stderr.isTTY. */
  readonly stderrIsTty?: boolean;
}

/** Whether progress may be drawn on the Io's stderr. */
export function stderrIsTerminal(io: Io): boolean {
  return io.stderrIsTty ?? process.stderr.isTTY === true;
}

/**
 * Reads stdin a line at a time, blocking: `tandem statetest` in batch mode
 * answers each path before the caller writes the next, so it cannot wait for EOF.
 */
function stdinLineReader(): () => string | undefined {
  const chunk = Buffer.alloc(64 * 1024);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let ended = false;
  return () => {
    for (;;) {
      const newline = pending.indexOf('\n');
      if (newline >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        return line.replace(/\r$/, '');
      }
      if (ended) {
        const rest = pending;
        pending = '';
        return rest === '' ? undefined : rest;
      }
      let read: number;
      try {
        read = readSync(0, chunk, 0, chunk.length, null);
      } catch (error) {
        // A non-blocking stdin has no data yet: wait a little and retry.
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      if (read === 0) ended = true;
      else pending += decoder.write(chunk.subarray(0, read));
    }
  };
}

export const nodeIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // Fixture files may be gzipped (`.json.gz`); every other file is read as it is.
  readFile: (path) => {
    try {
      return readFixtureFile(path);
    } catch (error) {
      throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
    }
  },
  readLine: stdinLineReader(),
};
