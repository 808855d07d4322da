import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The end-to-end tests run bin/cj.js: build the bundle from the sources under test first,
    // so no test ever runs a stale one.
    globalSetup: ['test/helpers/build-bundle.ts'],
    // A guard against hangs, not a speed target (those live in npm run bench): generous, so a
    // loaded two-core machine does not fail a test that draws figures.
    testTimeout: 30_000,
  },
});
