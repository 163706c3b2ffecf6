/**
 * A test run's figures from the files test runners write: JUnit XML (vitest, jest, pytest, Go's and JUnit's own
 * runners) and the JSON reports of vitest and jest. Several files are one run's parts, summed. What a file does not
 * say is never guessed: a file that cannot be read as either is an error naming it.
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

export interface RunFigures {
	passing: number;
	failed: number;
	skipped: number;
	total: number;
}

export class ResultsError extends Error {}

type XmlNode = Record<string, unknown>;
const list = (v: unknown): XmlNode[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]) as XmlNode[];

/** Every <testcase> under a node, however deep its <testsuite>s nest. */
function testcases(node: XmlNode): XmlNode[] {
	return [...list(node.testcase), ...list(node.testsuite).flatMap(testcases), ...list(node.testsuites).flatMap(testcases)];
}

/** JUnit XML: each <testcase> is one test — failed with a <failure> or <error>, skipped with <skipped>, else passed. */
function fromJunit(text: string, file: string): RunFigures {
	let doc: XmlNode;
	try {
		doc = new XMLParser({ ignoreAttributes: false, processEntities: false }).parse(text, true) as XmlNode;
	} catch (e) {
		throw new ResultsError(`${file}: not well-formed XML (${(e as Error).message.split('\n')[0]})`);
	}
	if (doc.testsuites === undefined && doc.testsuite === undefined) throw new ResultsError(`${file}: no <testsuites> or <testsuite>: not a JUnit XML report`);
	const cases = testcases(doc);
	const figures = { passing: 0, failed: 0, skipped: 0, total: cases.length };
	for (const c of cases) {
		if (c.failure !== undefined || c.error !== undefined) figures.failed++;
		else if (c.skipped !== undefined) figures.skipped++;
		else figures.passing++;
	}
	return figures;
}

/** vitest's and jest's JSON reporter: numTotalTests, numPassedTests, numFailedTests, numPendingTests, numTodoTests. */
function fromJson(text: string, file: string): RunFigures {
	let data: Record<string, unknown>;
	try {
		data = JSON.parse(text) as Record<string, unknown>;
	} catch (e) {
		throw new ResultsError(`${file}: not valid JSON (${(e as Error).message})`);
	}
	const n = (key: string) => (typeof data[key] === 'number' ? (data[key] as number) : undefined);
	const total = n('numTotalTests');
	const passing = n('numPassedTests');
	const failed = n('numFailedTests');
	if (total === undefined || passing === undefined || failed === undefined) throw new ResultsError(`${file}: no numTotalTests, numPassedTests and numFailedTests: not a vitest or jest JSON report`);
	// A test file that failed to load counts no test, passed or failed: the figures would not be the whole run.
	const brokenFiles = (n('numFailedTestSuites') ?? 0) + (n('numRuntimeErrorTestSuites') ?? 0);
	if (brokenFiles > 0 && failed === 0) throw new ResultsError(`${file}: ${brokenFiles} test file${brokenFiles === 1 ? '' : 's'} failed without a failing test (it did not load or run): the figures are not the whole run`);
	return { passing, failed, skipped: (n('numPendingTests') ?? 0) + (n('numTodoTests') ?? 0), total };
}

/** The run's figures from its result files, summed; each file read as what its text is. */
export function readResults(files: readonly string[]): RunFigures {
	const sum: RunFigures = { passing: 0, failed: 0, skipped: 0, total: 0 };
	for (const file of files) {
		let text: string;
		try {
			text = readFileSync(file, 'utf8');
		} catch (e) {
			throw new ResultsError(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
		}
		const f = /^\s*</.test(text) ? fromJunit(text, file) : /^\s*\{/.test(text) ? fromJson(text, file) : undefined;
		if (!f) throw new ResultsError(`${file}: neither JUnit XML nor a vitest/jest JSON report`);
		for (const k of Object.keys(sum) as Array<keyof RunFigures>) sum[k] += f[k];
	}
	if (sum.total === 0) throw new ResultsError(`${files.join(', ')}: no test at all: not a run's results`);
	return sum;
}
