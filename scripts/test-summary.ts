/** Prints vitest's JSON report as one plain closing line: "tests: N passed, N failed, N skipped". */
import { readFileSync } from 'node:fs';

interface Report {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

const path = process.argv[2] ?? '.data/test-results.json';
const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
console.log(
  `tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`,
);
