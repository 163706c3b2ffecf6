/**
 * A git history for the benchmark, written with `git fast-import` (thousands
 * of commits in a second or two): commits touching the sprint docs, and every
 * so often an archive move of the oldest live sprint, as `archive` does.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { rng, sprintIds } from './corpus.ts';

export function generateHistory(repo: string, { sprints, commits, seed = 7 }: { sprints: number; commits: number; seed?: number }): void {
	mkdirSync(repo, { recursive: true });
	execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
	const random = rng(seed);
	const ids = sprintIds(sprints);
	const authors = ['Ada <ada@omc.test>', 'Bo <bo@omc.test>', 'Cy <cy@omc.test>', 'Di <di@omc.test>'];
	const live = new Set<string>();
	const archived: string[] = [];
	const folder = (id: string) => (live.has(id) ? `content/sprints/${id}` : `content/archive/history/sprints/sprint-${id}`);
	const chunks: string[] = [];
	const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
	let time = Date.UTC(2025, 0, 1) / 1000;
	let introduced = 0;
	for (let c = 1; c <= commits; c++) {
		time += 600 + Math.floor(random() * 7200);
		const ops: string[] = [];
		// Introduce sprints gradually, so early commits see few files and late ones many.
		if (introduced < ids.length && (c === 1 || random() < ids.length / commits + 0.05)) {
			const id = ids[introduced++]!;
			live.add(id);
			for (const f of ['plan.md', 'report.md', 'notes.md']) ops.push(`M 100644 inline content/sprints/${id}/${f}\n${data(`---\nsprint: "${id}"\n---\n\n${f} of ${id}, commit ${c}\n`)}`);
		} else if (live.size > 8 && random() < 0.02) {
			const oldest = [...live][0]!;
			ops.push(`R content/sprints/${oldest} content/archive/history/sprints/sprint-${oldest}\n`);
			live.delete(oldest);
			archived.push(oldest);
		} else {
			const pool = [...live, ...archived.slice(-20)];
			for (let k = 0; k < 1 + Math.floor(random() * 3) && pool.length; k++) {
				const id = pool[Math.floor(random() * pool.length)]!;
				const f = ['plan.md', 'report.md', 'notes.md'][Math.floor(random() * 3)];
				ops.push(`M 100644 inline ${folder(id)}/${f}\n${data(`---\nsprint: "${id}"\n---\n\n${f} of ${id}, edited in commit ${c}\n`)}`);
			}
		}
		const who = authors[Math.floor(random() * authors.length)]!;
		chunks.push(`commit refs/heads/main\nmark :${c}\nauthor ${who} ${time} +0000\ncommitter ${who} ${time} +0000\n${data(`Commit ${c}`)}${c > 1 ? `from :${c - 1}\n` : ''}${ops.join('')}\n`);
	}
	execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, input: chunks.join(''), maxBuffer: 1 << 30 });
	execFileSync('git', ['checkout', '-q', 'main'], { cwd: repo });
}
