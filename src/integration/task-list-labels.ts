/**
 * Sätteri plugin: a GFM task-list checkbox gets its item's text as its
 * accessible name. Without one, a screen reader announces "checkbox, checked"
 * and nothing else, and axe reports every task list as a violation.
 */
import { defineHastPlugin } from 'satteri';

export function taskListLabels() {
	return defineHastPlugin({
		name: 'sprintbook-task-list-labels',
		element: {
			filter: ['input'],
			visit(node, ctx) {
				if (node.properties?.type !== 'checkbox') return;
				const item = ctx.parent(node);
				if (!item || item.type !== 'element' || item.tagName !== 'li') return;
				const label = ctx.textContent(item).trim();
				if (label) ctx.setProperty(node, 'ariaLabel', label);
			},
		},
	});
}
