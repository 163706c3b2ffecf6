interface ImportMetaEnv {
	/** Absolute path of content/, defined by the sprintbook integration. */
	readonly SPRINTBOOK_CONTENT_DIR: string;
}
