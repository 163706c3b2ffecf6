// Prints vitest's totals as one plain line and fails when any test was skipped or left todo:
// in CI a skipped test is a failure, not a pass.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
let report;
try {
	report = JSON.parse(readFileSync(file, 'utf8'));
} catch {
	console.error(`ci: no vitest report at ${file}: the test run did not finish`);
	process.exit(1);
}
const { numPassedTests: passed, numFailedTests: failed, numPendingTests: skipped, numTodoTests: todo, numTotalTests: total } = report;
console.log(`vitest: ${passed} passed, ${failed} failed, ${skipped + todo} skipped`);
if (total === 0) {
	console.error('ci: no test ran');
	process.exit(1);
}
if (skipped + todo > 0) {
	console.error('ci: skipped or todo tests count as failures in CI');
	process.exit(1);
}
process.exit(failed > 0 ? 1 : 0);
