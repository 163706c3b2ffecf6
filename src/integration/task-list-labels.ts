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
				// In a tight list the box sits in its item; in a loose one (items apart by blank lines), in the item's paragraph.
				let item = ctx.parent(node);
				if (item?.type === 'element' && item.tagName === 'p') item = ctx.parent(item);
				if (!item || item.type !== 'element' || item.tagName !== 'li') return;
				const label = ctx.textContent(item).trim();
				if (label) ctx.setProperty(node, 'ariaLabel', label);
			},
		},
	});
}
