/**
 * Facts inferred from a team's documents as they wrote them: each document's statements (statements.ts, with
 * the words of labels.ts, status.ts and dates.ts), weighed in one place (weigh.ts). `import` writes the result
 * into frontmatter with its evidence; the same rules can run on documents read in place.
 */
import { manyDocStatements, sprintDocStatements, type InferDoc, type Statement } from './statements.ts';
import { weigh, type WeighedFacts } from './weigh.ts';

export { docRole, type DocRole } from './role.ts';
export type { InferDoc, Statement } from './statements.ts';
export type { WeighedFacts } from './weigh.ts';

/**
 * Every sprint's facts from every document. `exists` says which sprint ids are real (a document is about that
 * sprint): a roadmap heading or a table row about any other number states nothing.
 */
export function inferFacts(
	docs: readonly InferDoc[],
	exists: (sprint: string) => boolean,
	/** Where each document's statements come from: by default read now; a memo gives an unchanged document's again. */
	said: (doc: InferDoc, read: () => Statement[]) => Statement[] = (_doc, read) => read(),
): { facts: Map<string, WeighedFacts>; statements: Statement[] } {
	const statements: Statement[] = [];
	const closed = new Set<string>();
	for (const d of docs) {
		if (d.sprint) {
			statements.push(...said(d, () => sprintDocStatements(d as InferDoc & { sprint: string })));
			if (d.role === 'closing') closed.add(d.sprint);
		} else if (d.role === 'many') statements.push(...said(d, () => manyDocStatements(d)).filter((s) => exists(s.sprint)));
	}
	return { facts: weigh(statements, closed), statements };
}
