/**
 * "Open Grafana (<GRAFANA-URL>)", "The <timestamp> field": writers put placeholders in angle brackets, and
 * Markdown reads them as HTML tags of elements that do not exist, which a browser shows as nothing. A raw HTML node
 * that is one tag of no HTML or SVG element is the writer's text: the site shows it as written, and `check` notes it.
 */
import { htmlTagNames } from 'html-tag-names';
import { svgTagNames } from 'svg-tag-names';

const KNOWN = new Set([...htmlTagNames, ...svgTagNames].map((t) => t.toLowerCase()));
const ONE_TAG = /^<\/?([A-Za-z][\w.:-]*)(?:\s[^<>]*)?\/?>$/;

/** The placeholder's name when `raw` is one tag of no known element; undefined for markup. */
export function placeholderTag(raw: string): string | undefined {
	const m = ONE_TAG.exec(raw.trim());
	return m && !KNOWN.has(m[1]!.toLowerCase()) ? m[1] : undefined;
}
