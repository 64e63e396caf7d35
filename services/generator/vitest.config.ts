import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'generator',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['../../libs/testkit/src/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
