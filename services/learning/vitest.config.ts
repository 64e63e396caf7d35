import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'learning', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
