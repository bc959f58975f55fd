/** A one-line progress display on stderr (a line per case when stderr is not a terminal). */
import type { ProgressEvent } from './runner.js';

export class Progress {
  private readonly started = Date.now();
  private readonly tty: boolean;
  private lastCase = -1;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.tty = stream.isTTY === true;
  }

  private elapsed(): string {
    const seconds = Math.floor((Date.now() - this.started) / 1000);
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  }

  update(event: ProgressEvent): void {
    const counter = `[${String(event.index + 1).padStart(String(event.total).length)}/${event.total}]`;
    if (!this.tty) {
      if (event.index !== this.lastCase) {
        this.lastCase = event.index;
        this.stream.write(`${this.elapsed()} ${counter} ${event.workload.name}\n`);
      }
      return;
    }
    const what = event.phase === 'sample' ? `sample ${event.samples + 1}` : event.phase;
    const line = `${this.elapsed()} ${counter} ${event.workload.name}  ${event.engine}: ${what}`;
    const width = this.stream.columns ?? 120;
    this.stream.write(`\r\x1b[K${line.length > width - 1 ? line.slice(0, width - 1) : line}`);
  }

  /** Progress of the cold runs (cold.ts), after the cases. */
  cold(done: number, total: number, caseName: string, engine: string): void {
    const line = `${this.elapsed()} [cold ${String(done + 1).padStart(String(total).length)}/${total}] ${caseName}  ${engine}`;
    this.stream.write(this.tty ? `\r\x1b[K${line}` : `${line}\n`);
  }

  /** A message on its own line, above the progress line. */
  note(message: string): void {
    this.stream.write(this.tty ? `\r\x1b[K${message}\n` : `${message}\n`);
  }

  done(): void {
    if (this.tty) this.stream.write('\r\x1b[K');
    this.stream.write(`done in ${this.elapsed()}\n`);
  }
}
