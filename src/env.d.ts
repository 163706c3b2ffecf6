interface ImportMetaEnv {
	/** Absolute path of content/, defined by the sprintbook integration. */
	readonly SPRINTBOOK_CONTENT_DIR: string;
	/** The site's name, from the team's config (or "Sprintbook"), defined by the sprintbook integration. */
	readonly SPRINTBOOK_TITLE: string;
}
