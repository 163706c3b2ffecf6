/** Today as YYYY-MM-DD, or SPRINTBOOK_TODAY when set: reproducible files, builds and tests. Shared by the CLI and the site. */
export function today(): string {
	const fixed = process.env.SPRINTBOOK_TODAY;
	return fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed) ? fixed : new Date().toISOString().slice(0, 10);
}
