import { readFileSync, writeFileSync } from 'node:fs';
import { compile } from '@tandem-evm/multipass';
import { analyzeCode } from '@tandem-evm/opcodes';
import { hexToBytes } from '@tandem-evm/primitives';
const want = process.argv[2]!;
const line = readFileSync('../../fixtures/benchmarks/cases_evm_benchmarks.tsv', 'utf8')
  .split('\n')
  .find((l) => l.startsWith(want))!;
const bytes = hexToBytes(`0x${line.split('\t')[1]}`);
const c = compile(bytes, analyzeCode(bytes).jumpdests, 13 as any);
writeFileSync('/tmp/mp/src.js', c.source);
console.log(c.verdict, c.blockCount, c.source.length, c.compileMs);
