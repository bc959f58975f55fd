import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@tandem-evm/source'] },
  ssr: { resolve: { conditions: ['@tandem-evm/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
    reporters: ['default', './tools/summary-reporter.ts'],
    testTimeout: 60_000,
  },
});
