/**
 * A team's `sprintbook.config.mjs`: found at the repository's root, loaded, and checked against its schema. A
 * mistake in it is told field by field, with the fix, and nothing runs on a config that is wrong.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { configSchema, type SprintbookConfig } from '../../schemas/config.ts';

/** The names a config may have, in the order they are looked for. */
export const CONFIG_NAMES = ['sprintbook.config.mjs', 'sprintbook.config.js'] as const;

export class ConfigError extends Error {}

/** The config file at `repo`'s root, if there is one. */
export function configFile(repo: string): string | undefined {
	return CONFIG_NAMES.map((n) => join(repo, n)).find((f) => existsSync(f));
}

/** The config of the repository at `repo`, with its defaults filled in; undefined when it has none. */
export async function loadConfig(repo: string): Promise<(SprintbookConfig & { file: string }) | undefined> {
	const file = configFile(repo);
	if (!file) return undefined;
	let raw: unknown;
	try {
		// A query string per load: a config edited while `dev` runs is read again, not taken from the module cache.
		raw = ((await import(`${pathToFileURL(file).href}?t=${Date.now()}`)) as { default?: unknown }).default;
	} catch (e) {
		throw new ConfigError(`${file}: could not be read: ${(e as Error).message.split('\n')[0]}\n  fix: it must be a JavaScript module with \`export default { docs: [...] }\``);
	}
	if (raw === undefined) throw new ConfigError(`${file}: exports nothing\n  fix: end it with \`export default { docs: ["docs"] }\``);
	const parsed = configSchema.safeParse(raw);
	if (!parsed.success) {
		const known = Object.keys(configSchema.shape).join(', ');
		const problems = parsed.error.issues.flatMap((i) => {
			if (i.code === 'unrecognized_keys') return i.keys.map((k) => `  ${k}: not a field of the config (a typo?) — its fields are ${known}`);
			const field = i.path.length ? i.path.join('.') : '(the exported object)';
			return [`  ${field}: ${i.message}`];
		});
		throw new ConfigError(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${problems.join('\n')}`);
	}
	return { ...parsed.data, file };
}
