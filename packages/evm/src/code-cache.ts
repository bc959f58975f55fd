import { type AnalyzedCode, analyzeCode } from '@tandem-evm/opcodes';

/**
 * Code analysis cached by the code array's identity: a host hands out the
 * same array for an account's code on every call, so repeated calls analyse
 * once, and the cache lets go when the code does.
 */
export class CodeCache {
  private readonly entries = new WeakMap<Uint8Array, AnalyzedCode>();

  get(code: Uint8Array): AnalyzedCode {
    let entry = this.entries.get(code);
    if (entry === undefined) {
      entry = analyzeCode(code);
      this.entries.set(code, entry);
    }
    return entry;
  }
}
