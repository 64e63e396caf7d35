import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'nlp', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
