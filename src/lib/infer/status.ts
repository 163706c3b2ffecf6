/**
 * A sprint status read from a whole statement, in the languages teams write: "✅ COMPLETE — one sub-task
 * CANCELLED" is complete (the statement leads with it), "EXECUTION COMPLETE" is complete, "Planning" is a draft,
 * "🔄 IN PROGRESS - Day 9" is active, "已完成" is complete. The status word that comes first decides; an emoji
 * only speaks when no word does ("🔄 Sprint 4 … (COMPLETED)" is complete). What no rule reads is undefined.
 */
import type { PLAN_STATUSES } from '../../schemas/index.ts';

export type Status = (typeof PLAN_STATUSES)[number];

// Latin- and Cyrillic-script words need word edges; CJK words have none. Each list: English, French, Spanish,
// Portuguese, German, Italian, Dutch, Russian, then Chinese, Japanese, Korean.
const WORDS: Array<[Status, string[], string[]]> = [
	[
		'draft',
		['not[ _-]?started', 'not[ _-]?yet[ _-]?started', 'planning', 'planned', 'draft', 'proposed', 'tbd', 'pending', 'stub', 'upcoming',
			'planifi[ée]e?s?', 'brouillon', 'pr[ée]vu', '[àa] venir', 'non commenc[ée]', 'planificad[oa]', 'borrador', 'pendiente', 'planejad[oa]', 'rascunho',
			'geplant', 'entwurf', 'pianificat[oa]', 'bozza', 'gepland', 'запланирован[аоы]?', 'черновик', 'не начат[аоы]?'],
		['未开始', '计划中', '规划中', '待开始', '草稿', '未着手', '計画中', '予定', '계획', '예정'],
	],
	[
		'cancelled',
		['cancel+ed', 'canceled', 'abandoned', 'dropped', 'annul[ée]e?', 'cancelad[oa]', 'abgebrochen', 'storniert', 'annullat[oa]', 'geannuleerd', 'отмен[её]н[аоы]?'],
		['已取消', '取消', '中止', '취소'],
	],
	[
		'active',
		['in[ _-]?progress', 'active', 'ongoing', 'underway', 'under way', 'executing', 'in execution', 'in[ _-]?flight', 'running', 'wip',
			'en cours', 'en curso', 'en progreso', 'em andamento', 'em progresso', 'in bearbeitung', 'laufend', 'aktiv', 'in corso', 'bezig', 'lopend',
			'в процессе', 'в работе', 'выполняется', 'активн(?:ый|ая|о)'],
		['进行中', '进行', '執行中', '進行中', '実施中', '진행 ?중'],
	],
	[
		'complete',
		['complete[ds]?', 'completion', 'done', 'finished', 'closed', 'merged', 'delivered', 'shipped', 'officially closed',
			'termin[ée]e?s?', 'achev[ée]e?', 'cl[ôo]tur[ée]e?', 'completad[oa]', 'terminad[oa]', 'finalizad[oa]', 'cerrad[oa]', 'conclu[íi]d[oa]',
			'abgeschlossen', 'fertig', 'erledigt', 'completat[oa]', 'concluso', 'voltooid', 'afgerond', 'заверш[её]н[аоы]?', 'выполнен[аоы]?'],
		['已完成', '完成', '已结束', '完了', '終了', '완료'],
	],
	['ready', ['ready', 'approved', 'pr[êe]te?', 'listo', 'pronto', 'bereit', 'freigegeben', 'pronto', 'klaar'], ['就绪', '已批准', '準備完了', '준비']],
];

const MATCHERS = WORDS.flatMap(([status, latin, cjk]) => [
	...latin.map((w) => [status, new RegExp(`(?<![\\p{L}\\p{N}])(?:${w})(?![\\p{L}\\p{N}])`, 'iu')] as const),
	...cjk.map((w) => [status, new RegExp(w, 'u')] as const),
]);

/** Emoji and ASCII marks teams use for a status, heard only when no word says it. */
const MARKS: Array<[Status, RegExp]> = [
	['complete', /✅|✔️|☑️|\[OK\]|\[x\]/iu],
	['active', /🔄|🚧|⏳|🏃/u],
	['draft', /🔜|📋|🗓️/u],
	['cancelled', /❌|🚫/u],
];

/** The status a statement leads with, or undefined when it names none. */
export function readStatus(raw: string): Status | undefined {
	const text = raw.replace(/\*\*|__|`/g, ' ');
	let best: { status: Status; at: number; length: number } | undefined;
	for (const [status, re] of MATCHERS) {
		const m = re.exec(text);
		if (!m) continue;
		// The earliest word decides; at one place the longer word ("not started" over "started").
		if (!best || m.index < best.at || (m.index === best.at && m[0].length > best.length)) best = { status, at: m.index, length: m[0].length };
	}
	if (best) return best.status;
	return MARKS.find(([, re]) => re.test(text))?.[0];
}
