import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'workflow-engine', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
