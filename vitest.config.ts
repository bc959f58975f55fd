// The root run: every package's tests, the apps' and the tools' checks, once.
import { defineConfig } from 'vitest/config';
import { reporters, sourceResolution, testTimeout } from './vitest.shared.ts';

export default defineConfig({
  ...sourceResolution,
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'tools/**/*.test.ts'],
    reporters,
    testTimeout,
  },
});
