// Opcode numbers belong to @tandem-evm/opcodes (OP, instructionSize, isPush):
// this finds the lines of a source that spell one out instead.

/**
 * What holds an opcode byte: `op`, `opcode`, `nextOpcode`, `instruction.opcode`, `code[pc]`.
 * A bare `code` is left out: it is as often a character code (hex parsing).
 */
const OPCODE_VARIABLE = String.raw`(?:\b(?:op|opcode|\w*Opcode)\b|\bcode\[pc[^\]]*\])`;
/** A number that fits a byte (0x00..0xff, 0..255); 256 and up are sizes and bounds. */
const NUMBER = String.raw`\b(?:0x[0-9a-fA-F]{1,2}|25[0-5]|2[0-4]\d|1?\d?\d)\b(?!n)`;
const COMPARISON = String.raw`\s*(?:===|!==|==|!=|<=|>=|<|>)\s*`;
const ARITHMETIC = String.raw`\s*[-+]\s*`;

const PATTERNS: readonly { what: string; pattern: RegExp }[] = [
  // `case 0x56:` — a hex byte as a case label (decimal labels count lines, pcs, sizes).
  { what: 'opcode case label', pattern: /\bcase\s+0x[0-9a-fA-F]{1,2}\s*:/ },
  // `op === 0x56`, `0x60 <= opcode`
  {
    what: 'opcode compared with a number',
    pattern: new RegExp(`${OPCODE_VARIABLE}${COMPARISON}${NUMBER}|${NUMBER}${COMPARISON}${OPCODE_VARIABLE}`),
  },
  // `op - 0x5f`: an immediate size or a DUP/SWAP depth worked out from the byte
  {
    what: 'opcode arithmetic with a number',
    pattern: new RegExp(`${OPCODE_VARIABLE}${ARITHMETIC}0x[0-9a-fA-F]+\\b`),
  },
  // `x >= 0x60 && x <= 0x7f`: the PUSH range, whatever the variable is called
  { what: 'PUSH range', pattern: /\b0x(?:5[fF]|60)\b[^;\n]*&&[^;\n]*\b0x7[fF]\b/ },
];

/** The lines of `source` (1-based) that spell an opcode number, and what each does. */
export function opcodeLiterals(source: string): { line: number; what: string; text: string }[] {
  const found: { line: number; what: string; text: string }[] = [];
  source.split('\n').forEach((text, index) => {
    const code = text.replace(/\/\/.*$/, '').replace(/'[^']*'|"[^"]*"|`[^`]*`/g, "''");
    for (const { what, pattern } of PATTERNS) {
      if (pattern.test(code)) {
        found.push({ line: index + 1, what, text: text.trim() });
        break;
      }
    }
  });
  return found;
}
