/**
 * The rules that read one document alone: frontmatter and schema, secrets, raw
 * HTML, MDX syntax, and its outline (links, headings) for the rules that read
 * across documents. What they find is what `check` caches per document
 * (cache.ts); this module and its parsers are loaded only when some document
 * is not in the cache.
 */
import { collectionSchemas } from '../../schemas/index.ts';
import type { DiagnosticList } from '../diagnostics.ts';
import type { CollectionName } from '../layout.ts';
import { outline, type MarkdownOutline } from '../markdown.ts';
import type { SourceText } from '../source.ts';
import { checkFrontmatter, type ParsedFrontmatter } from './frontmatter.ts';
import { checkMdx } from './mdx.ts';
import { checkSecrets } from './secrets.ts';
import { checkUnsafeHtml } from './unsafe.ts';
import { TODO } from '../../schemas/common.ts';
import { shapeExcess } from './limits.ts';

/** The fix for a document without frontmatter: what its collection's frontmatter looks like. */
const EXAMPLE_FRONTMATTER: Record<CollectionName, string> = {
	plans: 'sprint: "2.9"\ntitle: BYOM Agent Integration\nstatus: draft\ndate: 2026-01-17\ngoal: One sentence on what the sprint achieves',
	reports: 'sprint: "2.8"\ndate: 2026-01-26\ntests: { passing: 655, total: 661 }',
	sprintDocs: 'sprint: "2.8"\ntitle: Retro notes\nkind: notes',
	roadmap: 'updated: 2026-01-17\nmilestones:\n  - { sprint: "2.8", title: BYOM foundation, status: ready }',
	handoff: 'updated: 2026-01-17\nfeatures: []',
	requirements: 'id: byom\ntitle: BYOM user stories\nstories: []',
	docs: 'title: Deployment runbook\ndate: 2026-01-17\ntags: [aws]',
};

export async function analyseDoc(shown: string, collection: CollectionName, source: SourceText, own: DiagnosticList): Promise<{ parsed?: ParsedFrontmatter; outline?: MarkdownOutline }> {
	if (!source.isText) return {};
	// A shape no parser should be given (see limits.ts) is one error at the top, found before any parser runs.
	const excess = shapeExcess(source.text, /\.mdx$/i.test(shown));
	if (excess) {
		own.error(shown, { line: 1, column: 1 }, excess.rule, excess.message, excess.fix);
		return {};
	}
	const parsed = checkFrontmatter(shown, source, collectionSchemas[collection], own, EXAMPLE_FRONTMATTER[collection]);
	checkSecrets(shown, source.text, source.lineStarts, own);
	if (!parsed) {
		// Still a page another doc may link into: its headings come from the whole text.
		return { outline: outline(source.text) };
	}
	const { body, bodyLine } = parsed.frontmatter;
	// What `new report` left for the team: each TODO is a figure nobody has stated yet.
	if (collection === 'reports') {
		for (const key of ['tests', 'hours'] as const) {
			if (parsed.raw[key] !== TODO) continue;
			own.warn(shown, parsed.locate([key], 'value'), 'to-fill', `report ${String(parsed.raw.sprint ?? '')}: ${key} not filled in`, key === 'tests' ? "the final run's figures, e.g. tests: { passing: 650, total: 661 } (sprintbook new report --results reads them from JUnit XML)" : 'the hours spent per track, e.g. hours: [{ track: A, spent: 12 }]');
		}
	}
	const bodyOutline = outline(body);
	checkUnsafeHtml(shown, bodyOutline, bodyLine, own);
	for (const h of bodyOutline.emptyHeadings) {
		const line = bodyLine + h.line - 1;
		own.warn(shown, { line, column: h.column, endLine: line, endColumn: h.column + 1 }, 'empty-heading', 'a heading with no text: the page shows an empty heading', 'write its title after the #, or, if the # starts a comment of a code sample, put the sample in a code block');
	}
	if (/\.mdx$/i.test(shown)) await checkMdx(shown, body, bodyLine, own);
	return { parsed, outline: bodyOutline };
}
