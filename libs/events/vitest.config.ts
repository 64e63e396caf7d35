import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'events',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['../testkit/src/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
