/**
 * Which fact a label names, in the languages teams write: `**Status:**`, `**Sprint Goal**:`, `**Sprint周期：**`,
 * `| **Dates** | … |`. One table of label words per fact, so a newcomer finds the word list by the fact.
 */
export type LabelFact = 'status' | 'period' | 'start' | 'end' | 'goal' | 'date' | 'depends';

const LABELS: Array<[LabelFact, RegExp]> = [
	['status', /^(?:(?:sprint|final|current|overall)\s+)?(?:status|state)$|^(?:statut|estado|estat|stato|zustand|situação|статус|состояние|状态|状態|ステータス|상태|sprint\s*状态)$/i],
	['period', /^(?:(?:sprint|actual)\s+)?(?:dates|date range|sprint date|duration|period|timeline|time ?frame|window|schedule|timebox)$|^(?:durée|période|fechas|duración|periodo|período|zeitraum|dauer|даты|сроки|период|周期|时间|期间|日期范围|期間|기간)$|^sprint\s*(?:周期|时间|期间)$/i],
	['start', /^(?:(?:sprint|actual)\s+)?(?:start|start date|started|begin|began|date started|started on|kick-?off date)$|^(?:début|date de début|inicio|fecha de inicio|início|beginn|startdatum|开始时间|开始日期|開始日|시작일)$/i],
	['end', /^(?:(?:sprint|actual)\s+)?(?:end|end date|ended|completed|completed on|completion date|date completed|finished|finish date|closed|close date)$|^(?:fin|date de fin|fecha de fin|término|ende|enddatum|完成时间|完成日期|结束时间|结束日期|終了日|종료일)$/i],
	['goal', /^(?:(?:sprint|primary|main)\s+)?(?:goal|objective|aim|mission)s?$|^(?:objectif|objetivo|obiettivo|ziel|цель|цель спринта|sprint\s*目标|目标|目標|목표)$/i],
	['date', /^(?:date|fecha|datum|日期|日付)$/i],
	['depends', /^(?:depends on|dependencies|dependency|blocked by|prerequisites?|requires|dépendances|dépend de|dependencias|depende de|abhängigkeiten|hängt ab von|зависит от|зависимости|依赖|依存)$/i],
];

/** The fact a label's key names, if any. */
export function labelFact(key: string): LabelFact | undefined {
	const k = key.replace(/[*_`]/g, '').replace(/^[^\p{L}\p{N}]+/u, '').trim();
	return LABELS.find(([, re]) => re.test(k))?.[0];
}
