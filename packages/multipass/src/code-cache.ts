import type { ExecutionContext } from '@tandem-evm/frame';
import { type CompiledCode, compile } from './compile.js';

interface Entry {
  runs: number;
  readonly byRevision: (CompiledCode | undefined)[];
  /** Set once a computed jump reached a jump destination the compiled code could not be entered at. */
  everyJumpdest: boolean;
}

export interface CompiledCodeCacheStats {
  /** Codes compiled (per revision). */
  readonly compiled: number;
  /** Codes judged unsuitable and left to the interpreter. */
  readonly rejected: number;
  /** Codes compiled again with every jump destination an entry point, after a jump missed the first layout. */
  readonly recompiled: number;
  /** Bytes of generated source held, a proxy for the cache's memory. */
  readonly sourceBytes: number;
  readonly compileMs: number;
}

/**
 * Compiled code keyed by the identity of the (padded) code array and the
 * revision. The EVM's own analysis cache hands out one padded array per code
 * array, and a host hands out one code array per account, so a contract is
 * compiled once per revision; entries go when the code does (WeakMap).
 */
export class CompiledCodeCache {
  private readonly entries = new WeakMap<Uint8Array, Entry>();
  private stats = { compiled: 0, rejected: 0, recompiled: 0, sourceBytes: 0, compileMs: 0 };

  /**
   * The compiled code of the frame's code, compiling it once it has run
   * `minRuns` times; undefined while cold or when unsuitable.
   */
  lookup(context: ExecutionContext, minRuns: number): CompiledCode | undefined {
    const { code, revision } = context;
    let entry = this.entries.get(code);
    if (entry === undefined) {
      entry = { runs: 0, byRevision: [], everyJumpdest: false };
      this.entries.set(code, entry);
    }
    let compiled = entry.byRevision[revision];
    if (compiled === undefined) {
      if (++entry.runs < minRuns) return undefined;
      const analyzed = {
        padded: code,
        size: context.codeSize,
        jumpdests: context.jumpdests,
        pushValues: context.pushValues,
      };
      compiled = compile(analyzed, revision, entry.everyJumpdest ? 'every-jumpdest' : 'pushed');
      entry.byRevision[revision] = compiled;
      if (compiled.verdict === 'compiled') {
        this.stats.compiled++;
        this.stats.sourceBytes += compiled.source.length;
        this.stats.compileMs += compiled.compileMs;
      } else {
        this.stats.rejected++;
      }
    }
    return compiled.verdict === 'compiled' ? compiled : undefined;
  }

  /**
   * A computed jump reached a jump destination no block of the compiled code
   * starts at (its target came from memory or arithmetic, not a PUSH): the
   * code is compiled again, once, with every jump destination an entry point.
   */
  missedEntry(code: Uint8Array): void {
    const entry = this.entries.get(code);
    if (entry === undefined || entry.everyJumpdest) return;
    entry.everyJumpdest = true;
    for (const compiled of entry.byRevision) this.stats.sourceBytes -= compiled?.source.length ?? 0;
    entry.byRevision.length = 0;
    this.stats.recompiled++;
  }

  get statistics(): CompiledCodeCacheStats {
    return { ...this.stats };
  }
}
