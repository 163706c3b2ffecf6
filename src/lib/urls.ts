/** Page URLs, made from ids only, so a sprint keeps its URL when its files move into the archive. */
export const sprintsIndexUrl = '/sprints/';
export const sprintsByStatusUrl = (status: string) => `/sprints/status/${status}/`;
export const planUrl = (sprint: string) => `/sprints/${sprint}/`;
export const reportUrl = (sprint: string) => `/sprints/${sprint}/report/`;
/** A sprint doc's id is `<sprint>/<slug>`. */
export const sprintDocUrl = (id: string) => `/sprints/${id}/`;
export const requirementUrl = (id: string) => `/requirements/${id}/`;
export const roadmapUrl = '/roadmap/';
export const handoffUrl = '/handoff/';
/** Project docs: `/docs/`, a section `/docs/<section>/`, a doc `/docs/<id>/` (its id starts with its section). */
export const docsIndexUrl = '/docs/';
export const docsSectionUrl = (section: string) => `/docs/${section}/`;
export const projectDocUrl = (id: string) => `/docs/${id}/`;
export const requirementsIndexUrl = '/requirements/';
/** Every sprint's test figures: the dashboard's chart shows the recent ones. */
export const figuresUrl = '/sprints/figures/';
