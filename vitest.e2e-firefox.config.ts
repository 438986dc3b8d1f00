import { defineConfig } from 'vitest/config';

// End-to-end tests of the Firefox build in real headless Firefox ESR (puppeteer-core over WebDriver
// BiDi) against the same sandbox world, started once by the same global setup. One file at a time.
export default defineConfig({
  test: {
    include: ['test/e2e-firefox/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
