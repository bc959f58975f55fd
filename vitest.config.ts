import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const packages = fileURLToPath(new URL('./packages/', import.meta.url));

export default defineConfig({
  resolve: {
    conditions: ['@tandem-evm/source'],
    // Lets files outside a package (README examples under tools/) import workspace packages from source.
    alias: [{ find: /^@tandem-evm\/([a-z-]+)$/, replacement: `${packages}$1/src/index.ts` }],
  },
  ssr: { resolve: { conditions: ['@tandem-evm/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'tools/**/*.test.ts'],
    reporters: ['default', './tools/summary-reporter.ts'],
    testTimeout: 60_000,
  },
});
