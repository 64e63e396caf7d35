import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'generator', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
