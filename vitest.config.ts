import { defineConfig } from 'vitest/config';

/** One run for the whole workspace: every library and service is a project with its own config. */
export default defineConfig({
  test: {
    projects: [
      'libs/*/vitest.config.ts',
      'services/*/vitest.config.ts',
      'test/vitest.config.ts',
      'deploy/test/vitest.config.ts',
    ],
  },
});
