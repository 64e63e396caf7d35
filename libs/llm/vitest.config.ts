import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'llm',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The cache tests talk to the real Redis of this run.
    globalSetup: ['../../libs/testkit/src/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
