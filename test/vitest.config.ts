import { defineProject } from 'vitest/config';

/** Whole-fleet tests: every service as its own process against the real infrastructure. */
export default defineProject({
  test: {
    name: 'fleet',
    include: ['**/*.test.ts'],
    globalSetup: ['../libs/testkit/src/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
