interface ImportMetaEnv {
	/** Absolute path of content/, defined by the sprintbook integration. */
	readonly SPRINTBOOK_CONTENT_DIR: string;
	/** The site's name, from the team's config (or "Sprintbook"), defined by the sprintbook integration. */
	readonly SPRINTBOOK_TITLE: string;
	/** A team's repository web address and branch (sprintbook.config), for history and edit links; "" when not given. */
	readonly SPRINTBOOK_REPOSITORY: string;
	readonly SPRINTBOOK_BRANCH: string;
	/** The language the docs are written in (sprintbook.config's lang), for `<html lang>`. */
	readonly SPRINTBOOK_LANG: string;
	/** The config's imageHosts, space-separated. */
	readonly SPRINTBOOK_IMAGE_HOSTS: string;
	/** The path the site is served under ("/sprint-docs", "" at the root), from Astro's `base`. */
	readonly SPRINTBOOK_BASE: string;
}

/** The stylesheet of code-block colours (src/site/code-classes.ts). */
declare module 'virtual:sprintbook/code-colours.css';
