interface ImportMetaEnv {
	/** Absolute path of content/, defined by the sprintbook integration. */
	readonly SPRINTBOOK_CONTENT_DIR: string;
	/** The site's name, from the team's config (or "Sprintbook"), defined by the sprintbook integration. */
	readonly SPRINTBOOK_TITLE: string;
	/** A team's repository web address and branch (sprintbook.config), for history and edit links; "" when not given. */
	readonly SPRINTBOOK_REPOSITORY: string;
	readonly SPRINTBOOK_BRANCH: string;
}
