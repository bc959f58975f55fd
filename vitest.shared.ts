// Vitest settings every test run shares: the root run over all packages and a
// package's own `test` script (vitest.package.config.ts).
import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';

const packages = fileURLToPath(new URL('./packages/', import.meta.url));

/** Workspace packages resolve to their TypeScript source, so tests need no build step. */
export const sourceResolution: Pick<ViteUserConfig, 'resolve' | 'ssr'> = {
  resolve: {
    conditions: ['@tandem-evm/source'],
    // Lets files outside a package (README examples under tools/) import workspace packages from source.
    alias: [{ find: /^@tandem-evm\/([a-z-]+)$/, replacement: `${packages}$1/src/index.ts` }],
  },
  ssr: { resolve: { conditions: ['@tandem-evm/source'] } },
};

/** Vitest's own output, then the closing `N passed, N failed` line CI reads. */
export const reporters = ['default', fileURLToPath(new URL('./tools/summary-reporter.ts', import.meta.url))];

export const testTimeout = 60_000;
