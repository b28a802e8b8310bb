#!/usr/bin/env node
// Adds up Jest's (and Vitest's, the same shape) JSON reports and failed non-test stages into one closing line:
// "N passed, N failed". Exits non-zero when anything failed.
const fs = require('node:fs');

const [, , resultsDir, ...failedStages] = process.argv;
const JEST_STAGES = ['unit', 'console', 'integration', 'e2e'];
let passed = 0;
let failed = failedStages.filter((stage) => !JEST_STAGES.includes(stage)).length;
for (const stage of JEST_STAGES) {
  const file = `${resultsDir}/${stage}.json`;
  if (!fs.existsSync(file)) {
    console.log(`${stage}: no report (the stage did not run to the end)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  // A suite that fails to load (syntax error, failed beforeAll import) has no test results of its own.
  const brokenSuites = report.numRuntimeErrorTestSuites ?? 0;
  console.log(`${stage}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${brokenSuites} suites failed to run`);
  const stageFailures = report.numFailedTests + brokenSuites + (report.numPendingTests ?? 0);
  passed += report.numPassedTests;
  // Jest exiting non-zero with no failed test (e.g. a leaked handle, a crash) still fails the run.
  failed += stageFailures === 0 && failedStages.includes(stage) ? 1 : stageFailures;
}
for (const stage of failedStages) console.log(`${stage}: failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
