/**
 * Which docs a command works on: a Sprintbook project's content/ (this repository's sample, or a team's imported
 * docs), or a team's repository read in place, where a sprintbook.config.mjs names the docs. The commands that read
 * (check, sprints, build) take both; in place they work on the project read into the cache.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../lib/in-place/config.ts';
import { readInPlace, type InPlace } from '../lib/in-place/read-in-place.ts';
import { CONTENT_DIR } from '../lib/layout.ts';
import type { SprintbookConfig } from '../schemas/config.ts';
import { UsageError } from './usage.ts';

export interface Project {
	/** The Sprintbook project to read: the given root, or the one read into the cache from the repository. */
	root: string;
	contentDir: string;
	/** Set when the docs were read in place from a team's repository. */
	inPlace?: InPlace & { config: SprintbookConfig & { file: string } };
}

/** The repository's config, if it has one; a config that is wrong stops the command with its problems, not a trace. */
export async function teamConfig(root: string) {
	try {
		return await loadConfig(resolve(root));
	} catch (e) {
		// The config's own problems, not the command's usage: the fix is in the file, and init shows a good one.
		if (e instanceof ConfigError) throw new UsageError(e.message, 'Fix the config and run this again; `sprintbook init --dry-run` prints one for this repository.');
		throw e;
	}
}

export async function projectOf(root: string, content: string | undefined, help: string): Promise<Project> {
	if (content === undefined) {
		const config = await teamConfig(root);
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
