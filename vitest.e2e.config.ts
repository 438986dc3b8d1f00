import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in real headless Chromium against the sandbox world,
// which global-setup starts once on the contract ports. One file at a time: one browser, one world.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
