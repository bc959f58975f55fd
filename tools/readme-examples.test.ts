// Runs the first ```ts example of every README, so examples never rot. An
// example's `console.log(…); // text` lines are checked: each call must
// print the text of its trailing comment.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const scratch = new URL('./.readme-examples/', import.meta.url);

function readmes(): { name: string; text: string }[] {
  const found = [{ name: 'root', text: readFileSync(new URL('README.md', root), 'utf8') }];
  for (const dir of ['packages', 'apps']) {
    for (const name of readdirSync(new URL(`${dir}/`, root))) {
      try {
        found.push({ name, text: readFileSync(new URL(`${dir}/${name}/README.md`, root), 'utf8') });
      } catch {
        // A folder without a README is caught by the package checks, not here.
      }
    }
  }
  return found;
}

describe('README examples', () => {
  mkdirSync(scratch, { recursive: true });
  for (const { name, text } of readmes()) {
    const example = /```ts\n([\s\S]*?)```/.exec(text)?.[1];
    if (example === undefined) continue;
    it(`${name} runs and prints what it says`, async () => {
      const expected = [...example.matchAll(/console\.log\(.*\);\s*\/\/ (.*)$/gm)].map((m) => m[1]!.trim());
      const file = new URL(`${name}.ts`, scratch);
      // Imports stay first; a local `console` then captures what the example prints, formatted as Node prints it.
      const lines = example.split('\n');
      const body = lines.filter((line) => !line.startsWith('import ')).join('\n');
      const imports = lines.filter((line) => line.startsWith('import ')).join('\n');
      writeFileSync(
        file,
        [
          "import { inspect } from 'node:util';",
          imports,
          'export const printed: string[] = [];',
          "const format = (value: unknown) => (typeof value === 'string' ? value : inspect(value));",
          "const console = { log: (...args: unknown[]) => printed.push(args.map(format).join(' ')) };",
          body,
        ].join('\n'),
      );
      const module = (await import(/* @vite-ignore */ file.href)) as { printed: string[] };
      expect(module.printed).toEqual(expected);
    });
  }
});
