// One package's own tests: its `test` script runs `vitest run --config ../../vitest.package.config.ts`
// from the package folder, which vitest takes as the root.
import { defineConfig } from 'vitest/config';
import { reporters, sourceResolution, testTimeout } from './vitest.shared.ts';

export default defineConfig({
  ...sourceResolution,
  test: {
    include: ['src/**/*.test.ts'],
    reporters,
    testTimeout,
  },
});
