/**
 * The sample docs Sprintbook ships in content/ (OMC's Sprints 2.7–2.10), so a
 * clone builds a site at once. A team starting from its own archive replaces
 * them: `import --replace-samples` removes exactly these files — and only while
 * each is unchanged, byte for byte — before importing. The list is checked
 * against content/ by a test, so it cannot drift from what ships.
 */
import { createHash } from 'node:crypto';
import { readdirSync, rmdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { glob } from 'tinyglobby';

/** [path under content/, sha256 of its bytes]. */
export const SAMPLE_FILES: ReadonlyArray<readonly [string, string]> = [
	['archive/history/sprints/sprint-2.7/plan.md', '745daa0d9c65e332a7261747ea8c7a4698196c2f791ae7ce263bb42308b329a4'],
	['archive/history/sprints/sprint-2.7/report.md', '0000436c8c899f3e94def98f7020424b43278d4b9d4ef7bad6158d0aa6dde40d'],
	['handoff.md', '0f4c79d1e3ea3f7e09929d7e8ff1e859e9ed9bc298c21e7396c08346f0cce262'],
	['requirements/BYOM_USER_STORIES.md', 'a63ecd71d01e92e52a383b27e13a64a70375976370a1b4a0267094f0b995fbc8'],
	['roadmap.md', '3cfb9700aad82e0dc4ed5111def84a4cbb788863bb7de3a5ac6c07457750d0bd'],
	['sprints/2.10/plan.md', '53d9b6e620e0e3f93b3d1b3d2925078c538e21ac83512e975cbf41c444de563b'],
	['sprints/2.8/SPRINT_2.8_TEST_FIX_PROMPTS.md', '753de3d6eedfd0f3b0b94274634508844b5edc32067e4f05c7a9a2dd6ffaab9e'],
	['sprints/2.8/plan.md', 'a6b631da1fd32459b38dacf3d15f220f629fd84a7d58451fc0e47435d82628c5'],
	['sprints/2.9/plan.md', 'fd331a672a1d9ff1a084b451938521ad7a171f01ea95e29ff392ad84c0991286'],
];

export interface SampleState {
	/** Sample files still there and unchanged. */
	unchanged: string[];
	/** Sample files the team has edited: theirs now, never removed. */
	edited: string[];
	/** Every other file under content/: the team's own. */
	others: string[];
}

/** What content/ holds: untouched samples, edited samples, and the team's own files. */
export async function sampleState(contentDir: string): Promise<SampleState> {
	const known = new Map(SAMPLE_FILES);
	const files = await glob(['**/*'], { cwd: contentDir, onlyFiles: true, dot: true });
	const state: SampleState = { unchanged: [], edited: [], others: [] };
	for (const f of files.sort()) {
		const hash = known.get(f);
		if (!hash) state.others.push(f);
		else if (createHash('sha256').update(await readFile(join(contentDir, f))).digest('hex') === hash) state.unchanged.push(f);
		else state.edited.push(f);
	}
	return state;
}

/** Content/ exactly as cloned: every sample there, unchanged, and nothing else. */
export const isAsCloned = (s: SampleState) => s.unchanged.length === SAMPLE_FILES.length && !s.edited.length && !s.others.length;

/** Removes the given sample files and the folders they leave empty. */
export async function removeSamples(contentDir: string, files: readonly string[]): Promise<void> {
	for (const f of files) await rm(join(contentDir, f));
	const folders = [...new Set(files.flatMap((f) => ancestors(f)))].sort((a, b) => b.length - a.length);
	for (const folder of folders) {
		const abs = join(contentDir, folder);
		try {
			if (readdirSync(abs).length === 0) rmdirSync(abs);
		} catch {
			// already gone, or not empty: leave it
		}
	}
}

function ancestors(file: string): string[] {
	const out: string[] = [];
	for (let d = dirname(file); d !== '.' && d !== '/'; d = dirname(d)) out.push(d);
	return out;
}
