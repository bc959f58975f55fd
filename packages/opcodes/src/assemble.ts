import { hexToBytes } from '@tandem-evm/primitives';
import { instructionSize, OPCODE_BY_NAME } from './table.js';

/**
 * Assembles whitespace-separated mnemonics into bytecode, for tests and
 * examples: `PUSH1 0x2a PUSH0 MSTORE`. A PUSHn takes the next token as its
 * immediate, left-padded to n bytes; a bare `0x…` token is emitted as raw bytes.
 * @throws TypeError for an unknown mnemonic or an immediate that does not fit.
 */
export function assemble(source: string): Uint8Array {
  const bytes: number[] = [];
  const tokens = source.split(/\s+/).filter((token) => token.length > 0);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.startsWith('0x')) {
      bytes.push(...hexToBytes(token, 'assembly'));
      continue;
    }
    const opcode = OPCODE_BY_NAME.get(token.toUpperCase());
    if (opcode === undefined) throw new TypeError(`assembly: unknown mnemonic '${token}'`);
    bytes.push(opcode);
    const immediateSize = instructionSize(opcode) - 1;
    if (immediateSize === 0) continue;
    const immediate = tokens[++i];
    if (immediate === undefined) throw new TypeError(`assembly: ${token} needs an immediate`);
    let hex = BigInt(immediate).toString(16);
    if (hex.length > immediateSize * 2) throw new TypeError(`assembly: ${immediate} does not fit ${token}`);
    hex = hex.padStart(immediateSize * 2, '0');
    bytes.push(...hexToBytes(hex));
  }
  return Uint8Array.from(bytes);
}
