/**
 * Which docs a command works on: a Sprintbook project's content/ (this repository's sample, or a team's imported
 * docs), or a team's repository read in place, where a sprintbook.config.mjs names the docs. The commands that read
 * (check, sprints, build) take both; in place they work on the project read into the cache.
 */
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { ConfigError, loadConfig } from '../lib/in-place/config.ts';
import { readInPlace, type InPlace } from '../lib/in-place/read-in-place.ts';
import { CONTENT_DIR } from '../lib/layout.ts';
import type { Diagnostic } from '../lib/diagnostics.ts';
import type { SprintbookConfig } from '../schemas/config.ts';
import { UsageError } from './usage.ts';

export interface Project {
	/** The Sprintbook project to read: the given root, or the one read into the cache from the repository. */
	root: string;
	contentDir: string;
	/** Set when the docs were read in place from a team's repository. */
	inPlace?: InPlace & { config: SprintbookConfig & { file: string } };
}

export async function projectOf(root: string, content: string | undefined, help: string): Promise<Project> {
	if (content === undefined) {
		let config;
		try {
			config = await loadConfig(resolve(root));
		} catch (e) {
			// The config's own problems, not the command's usage: the fix is in the file, and init shows a good one.
			if (e instanceof ConfigError) throw new UsageError(e.message, 'Fix the config and run this again; `sprintbook init --dry-run` prints one for this repository.');
			throw e;
		}
		if (config) {
			const place = await readInPlace(resolve(root), config);
			return { root: place.root, contentDir: CONTENT_DIR, inPlace: { ...place, config } };
		}
	}
	const contentDir = content ?? CONTENT_DIR;
	if (!existsSync(resolve(root, contentDir))) {
		throw new UsageError(
			`no content folder at ${root}/${contentDir} and no sprintbook.config.mjs: run \`sprintbook init\` in your repository to read its docs where they are, or pass --root / --content`,
			help,
		);
	}
	return { root, contentDir };
}

/**
 * Diagnostics about the pages read in place, told about the team's own files: the path it keeps, and the line in it
 * (the frontmatter Sprintbook added is not in the team's file: a problem there is told at its first line).
 */
export function aboutTeamFiles(project: Project, diagnostics: readonly Diagnostic[]): Diagnostic[] {
	const place = project.inPlace;
	if (!place) return [...diagnostics];
	const contentAbs = resolve(project.root, project.contentDir);
	return diagnostics.map((d) => {
		const inside = relative(contentAbs, resolve(d.file)).split(sep).join('/');
		const source = place.sources.get(inside);
		if (!source) return d;
		const added = place.addedLines.get(inside) ?? 0;
		const line = Math.max(1, d.line - added);
		const file = relative(process.cwd(), resolve(place.repo, source)).split(sep).join('/');
		// "Type the fact here" points at frontmatter the team's file does not have: in place, the documents are the fix.
		const fix = d.ruleId === 'facts-disagree' ? 'make the documents agree: the next build reads them again' : d.fix;
		return { ...d, file, line, endLine: Math.max(line, d.endLine - added), ...(fix === undefined ? {} : { fix }) };
	});
}
