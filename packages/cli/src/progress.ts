const BAR_WIDTH = 30;

/** A progress bar line for a terminal: it starts with `\r`, so each one overwrites the last. */
export function progressBar(done: number, total: number, detail: string): string {
  const filled = total === 0 ? BAR_WIDTH : Math.min(BAR_WIDTH, Math.round((done / total) * BAR_WIDTH));
  return `\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${detail}`;
}

/** Erases the bar, before other output or at the end. */
export const CLEAR_PROGRESS = '\r\x1b[K';
