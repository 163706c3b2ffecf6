/**
 * Code blocks coloured by classes, not inline styles: Shiki writes `style="--shiki-light:#0a3069;--shiki-dark:#a5d6ff"`
 * on every token, which html-validate counts as errors and a Content-Security-Policy can only allow by allowing
 * every inline style. Each colour becomes a class (`sl-0a3069 sd-a5d6ff`), and one stylesheet, made from the two
 * themes' own colours, sets the same variables global.css already reads.
 */
import type { ShikiTransformer } from 'shiki';
import { bundledThemes } from 'shiki/themes';

/** The themes code is shown in: light and dark, switched by global.css with light-dark(). */
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

const PREFIX = { light: 'sl', dark: 'sd', 'light-bg': 'slb', 'dark-bg': 'sdb' } as const;
const COLOUR = /--shiki-(light|dark)(-bg)?\s*:\s*#([0-9a-f]{3,8})\s*(?:;|$)/gi;
/** Font styles (the same in both themes here) and a diff's unselectable +/- marks: one class each, styled in global.css. */
const LOOKS: Array<[RegExp, string]> = [
	[/(?:--shiki-(?:light|dark)-)?font-weight\s*:\s*bold\s*(?:;|$)/gi, 'code-bold'],
	[/(?:--shiki-(?:light|dark)-)?font-style\s*:\s*italic\s*(?:;|$)/gi, 'code-italic'],
	[/(?:--shiki-(?:light|dark)-)?text-decoration\s*:\s*underline\s*(?:;|$)/gi, 'code-underline'],
	[/(?:--shiki-(?:light|dark)-)?text-decoration\s*:\s*line-through\s*(?:;|$)/gi, 'code-strike'],
	[/user-select\s*:\s*none\s*(?:;|$)/gi, 'code-mark'],
	// The block's scrolling is global.css's (.astro-code).
	[/overflow-x\s*:\s*auto\s*(?:;|$)/gi, ''],
];

/** The classes for a token's or block's style, and what of the style no class stands for. */
export function classesOf(style: string): { classes: string[]; rest: string } {
	const classes = new Set<string>();
	let rest = style.replace(COLOUR, (_m, theme: 'light' | 'dark', bg: string | undefined, hex: string) => {
		classes.add(`${PREFIX[`${theme}${bg ?? ''}` as keyof typeof PREFIX]}-${hex.toLowerCase()}`);
		return '';
	});
	for (const [re, name] of LOOKS) rest = rest.replace(re, () => (name && classes.add(name), ''));
	return { classes: [...classes], rest: rest.trim() };
}

export function codeClasses(): ShikiTransformer {
	type El = { type: string; properties?: Record<string, unknown>; children?: El[] };
	const walk = (node: El) => {
		const style = node.properties?.style;
		if (typeof style === 'string') {
			const { classes, rest } = classesOf(style);
			const had = node.properties!.class;
			node.properties!.class = [...(Array.isArray(had) ? had : typeof had === 'string' ? [had] : []), ...classes].join(' ');
			node.properties!.style = rest || undefined;
		}
		for (const child of node.children ?? []) walk(child);
	};
	// The whole block once it is built: other transformers (a diff's +/- marks) add styled spans after the tokens'.
	return { name: 'sprintbook-code-classes', root: (root) => void walk(root as unknown as El) };
}

/** The stylesheet for every colour the two themes can give a token or a block. */
export async function codeColoursCss(): Promise<string> {
	const rules: string[] = [];
	for (const theme of ['light', 'dark'] as const) {
		const json = JSON.stringify((await bundledThemes[CODE_THEMES[theme]]()).default);
		for (const hex of new Set((json.match(/#[0-9a-fA-F]{3,8}\b/g) ?? []).map((h) => h.slice(1).toLowerCase()))) {
			rules.push(`.${PREFIX[theme]}-${hex}{--shiki-${theme}:#${hex}}`, `.${PREFIX[`${theme}-bg`]}-${hex}{--shiki-${theme}-bg:#${hex}}`);
		}
	}
	return rules.join('\n');
}

const VIRTUAL = 'virtual:sprintbook/code-colours.css';

/** Vite plugin: `import 'virtual:sprintbook/code-colours.css'` is the stylesheet of codeColoursCss(). */
export function codeColoursModule() {
	return {
		name: 'sprintbook-code-colours',
		resolveId: (id: string) => (id === VIRTUAL ? `\0${VIRTUAL}` : undefined),
		load: (id: string) => (id === `\0${VIRTUAL}` ? codeColoursCss() : undefined),
	};
}
