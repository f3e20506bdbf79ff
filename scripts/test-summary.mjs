// Prints the one line CI reads: `tests: N passed, N failed`, from the JSON reports of the last
// `npm test` (Vitest, Playwright) and, when CI ran them, of Vitest under Node 24 (`--node24`) and of
// `npm run test:integration` (`--integration`). A report that is missing counts as one failure: a
// suite that did not run has not passed. A flaky test (passed only when run again) counts as passed
// and is named.
import { existsSync, readFileSync } from 'node:fs';

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
let passed = 0;
let failed = 0;
// The names of the failed tests, and of those that passed only when run again (Playwright's retry
// in CI), printed above the summary line: CI keeps only the end of the log.
const failedNames = [];
const flakyNames = [];

const vitestReports = ['.test-results/vitest.json', ...(process.argv.includes('--node24') ? ['.test-results/vitest-node24.json'] : [])];
for (const path of vitestReports) {
  const vitest = read(path);
  if (vitest) {
    passed += vitest.numPassedTests;
    failed += vitest.numFailedTests;
    for (const file of vitest.testResults ?? [])
      for (const test of file.assertionResults ?? [])
        if (test.status === 'failed') failedNames.push(`${path}: ${file.name} › ${test.fullName}`);
  } else {
    failed += 1;
    failedNames.push(`${path}: missing (the suite did not run)`);
  }
}

const playwrightReports = [
  '.test-results/playwright.json',
  ...(process.argv.includes('--integration') ? ['.test-results/playwright-integration.json'] : []),
];
for (const path of playwrightReports) {
  const playwright = read(path);
  if (playwright) {
    passed += playwright.stats.expected + playwright.stats.flaky;
    failed += playwright.stats.unexpected;
    const walk = (suite, titles) => {
      for (const spec of suite.specs ?? [])
        for (const test of spec.tests ?? [])
          if (test.status === 'unexpected' || test.status === 'flaky')
            (test.status === 'flaky' ? flakyNames : failedNames).push(
              `${path}: ${[...titles, spec.title].join(' › ')} (${test.projectName})`,
            );
      for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
    };
    for (const suite of playwright.suites ?? []) walk(suite, [suite.title]);
  } else {
    failed += 1;
    failedNames.push(`${path}: missing (the suite did not run)`);
  }
}

for (const name of flakyNames) console.log(`flaky (passed when run again): ${name}`);
for (const name of failedNames) console.log(`failed: ${name}`);

console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
