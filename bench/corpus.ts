/**
 * A deterministic corpus of sprint docs for the benchmark: per sprint a plan
 * (~8 KB: frontmatter, GFM tables, task lists, two code blocks, emoji, links to
 * other sprints), a report and one sprint doc; plus roadmap, handoff and a
 * requirements doc. The same seed always gives the same bytes.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

/** mulberry32: a tiny seeded PRNG, so corpora are reproducible. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS = 'collector pipeline agent ledger signal enrichment backtest wallet strategy alert fixture staging migration cache latency schema encryption factory endpoint session model dashboard report coverage isolation regression'.split(' ');

export interface CorpusOptions {
	sprints: number;
	seed?: number;
}

/** Sprint ids 3.1 … 3.99, 4.1 …: minors above 9, so numeric order matters. */
export const sprintIds = (n: number) => Array.from({ length: n }, (_, i) => `${3 + Math.floor(i / 99)}.${(i % 99) + 1}`);

export function generateCorpus(contentDir: string, { sprints, seed = 42 }: CorpusOptions): { files: number; bytes: number } {
	const random = rng(seed);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
	const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
	const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
	const ids = sprintIds(sprints);
	let files = 0;
	let bytes = 0;
	const write = (path: string, text: string) => {
		mkdirSync(join(contentDir, path, '..'), { recursive: true });
		writeFileSync(join(contentDir, path), text);
		files++;
		bytes += Buffer.byteLength(text);
	};

	let passing = 600;
	const total = 700;
	ids.forEach((id, i) => {
		const prev = ids[i - 1];
		const next = ids[i + 1];
		const start = new Date(Date.UTC(2026, 0, 1) + i * 14 * 86_400_000).toISOString().slice(0, 10);
		const end = new Date(Date.UTC(2026, 0, 1) + (i * 14 + 9) * 86_400_000).toISOString().slice(0, 10);
		const tracks = ['A', 'B', 'C'].map((t) => ({ id: t, name: `${words(2)}`, owner: `Developer ${t}`, lo: int(2, 8), hi: int(9, 14) }));
		const gained = int(0, Math.max(0, Math.min(20, total - passing)));
		const plan = `---
sprint: "${id}"
title: ${words(3)}
status: complete
date: ${start}
start: ${start}
end: ${end}
goal: Improve ${words(4)}
baseline:
  passing: ${passing}
  total: ${total}
targets:
  minimum:
    pass_rate: 90
    criteria: [${words(3)}]
  target:
    pass_rate: 95
    criteria: [${words(3)}]
tracks:
${tracks.map((t) => `  - { id: ${t.id}, name: ${t.name}, owner: ${t.owner}, hours: [${t.lo}, ${t.hi}] }`).join('\n')}
depends_on: [${prev ? `"${prev}"` : ''}]
---

## Executive Summary

Sprint ${id} continues from ${prev ? `[Sprint ${prev}](../${prev}/plan.md)` : 'the start'} ✅ and hands over to ${next ? `[Sprint ${next}](../${next}/plan.md#executive-summary)` : 'the next sprint'} 🚀.
${Array.from({ length: 6 }, () => `${words(18)}.`).join(' ')}

## Tracks

| Track | Owner | Focus | Hours |
| --- | --- | --- | --- |
${tracks.map((t) => `| ${t.id} | ${t.owner} | ${words(4)} | ${t.lo}–${t.hi} |`).join('\n')}

## Tasks

${Array.from({ length: 12 }, (_, k) => `- [${k % 3 ? ' ' : 'x'}] ${words(7)} → ${words(3)}`).join('\n')}

## Testing Strategy

\`\`\`bash
# run the suite for ${words(1)}
docker compose run backend pytest tests/${pick(WORDS)}/ -v -k "${pick(WORDS)}"
docker compose run backend alembic upgrade head
\`\`\`

\`\`\`python
def test_${pick(WORDS)}_${i}(session):
    result = session.query(${pick(WORDS).replace(/^./, (c) => c.toUpperCase())}).filter_by(active=True).all()
    assert len(result) >= ${int(1, 50)}
\`\`\`

## Risks

| Risk | Likelihood | Impact | Mitigation |
| --- | --- | --- | --- |
${Array.from({ length: 5 }, () => `| ${words(3)} | ${pick(['Low', 'Medium', 'High'])} | ${pick(['Low', 'Medium', 'High'])} | ${words(6)} |`).join('\n')}

## Notes

${Array.from({ length: 18 }, () => `${words(22)}.`).join('\n\n')}

See the [notes](notes.md) and the [report](report.md).
`;
		write(`sprints/${id}/plan.md`, plan);
		passing += gained;
		write(
			`sprints/${id}/report.md`,
			`---
sprint: "${id}"
date: ${end}
tests: { passing: ${passing}, total: ${total} }
hours:
${tracks.map((t) => `  - { track: ${t.id}, spent: ${int(t.lo, t.hi)} }`).join('\n')}
outcome: { minimum: met, target: ${pick(['met', 'partial', 'missed'])} }
---

## Summary

Sprint ${id} ended at ${passing}/${total} tests. ${words(30)}.

| Track | Result |
| --- | --- |
${tracks.map((t) => `| ${t.id} | ${words(4)} |`).join('\n')}
`,
		);
		write(`sprints/${id}/notes.md`, `---\nsprint: "${id}"\ntitle: Notes for sprint ${id}\nkind: notes\n---\n\n## Notes\n\n${words(40)}.\n\nBack to the [plan](plan.md#tasks).\n`);
	});
	write('roadmap.md', `---\nupdated: 2026-01-01\nmilestones:\n${ids.slice(0, 20).map((id) => `  - { sprint: "${id}", title: ${words(2)}, status: complete }`).join('\n')}\n---\n\nThe plan.\n`);
	write('handoff.md', `---\nupdated: 2026-01-01\nfeatures: []\n---\n\nWhere things stand.\n`);
	write('requirements/stories.md', `---\nid: stories\ntitle: Stories\nstories:\n${ids.slice(0, 10).map((id, k) => `  - { id: S-${k}, title: ${words(3)}, status: done, sprint: "${id}" }`).join('\n')}\n---\n\nStories.\n`);
	return { files, bytes };
}

/**
 * The same corpus as a team writes it, with no frontmatter: the facts as prose labels under an H1 (`**Status:**`,
 * `**Dates:**`, a suite figure), the folders as they are. What `sprintbook build` reads in place, against the typed
 * build of the same docs.
 */
export function writeUntyped(contentDir: string, outDir: string): number {
	let files = 0;
	const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
	for (const file of walk(contentDir)) {
		const text = readFileSync(file, 'utf8');
		const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
		const field = (name: string) => (fm ? new RegExp(`^${name}:\\s*"?(.*?)"?\\s*$`, 'm').exec(fm[1]!)?.[1] : undefined);
		const sprint = field('sprint');
		const name = basename(file, '.md');
		const title = field('title') ?? (sprint ? `Sprint ${sprint} ${name}` : name);
		const tests = fm && /^tests:\s*\{\s*passing:\s*(\d+),\s*total:\s*(\d+)\s*\}/m.exec(fm[1]!);
		const labels = [
			field('status') && `**Status:** ${field('status')}`,
			field('start') && field('end') && `**Dates:** ${field('start')} → ${field('end')}`,
			field('goal') && `**Sprint Goal:** ${field('goal')}`,
			tests && `**Test Results:** ${tests[1]}/${tests[2]} tests passing`,
		].filter(Boolean);
		const heading = sprint && name === 'plan' ? `Sprint ${sprint} Plan: ${title}` : sprint && name === 'report' ? `Sprint ${sprint} Completion Report` : title;
		const body = fm ? text.slice(fm[0].length) : text;
		const to = join(outDir, relative(contentDir, file));
		mkdirSync(dirname(to), { recursive: true });
		writeFileSync(to, `# ${heading}\n\n${labels.length ? `${labels.join('\n')}\n` : ''}${body}`);
		files++;
	}
	return files;
}
