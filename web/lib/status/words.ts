// The status page's words in the current language, for the pure builders: formatters, names of
// categories, stages, periods and groups, the suppression footnote, data-table columns. Read inside
// $derived or markup, so a change of language redraws.

import type { StatusCategory, SuppressionNote } from '../api.ts';
import { formatNumber, formatPercent, getLocale, t, tCode, type MessageKey } from '../i18n.svelte.ts';
import { NOW_STAGE } from './flows.ts';
import { rowNote, type StatusFormatters } from './labels.ts';

export function formatters(): StatusFormatters {
	return {
		count: (n) => formatNumber(n),
		percent: (r) => formatPercent(r, 1),
		perMille: (r) => `${formatNumber(r, r >= 100 ? 0 : r >= 10 ? 1 : 2)}‰`,
		suppressed: t('suppression.cell'),
	};
}

export function categoryName(category: StatusCategory | 'entry'): string {
	return t(`status.cat.${category}` as MessageKey);
}

export function stageName(stage: number): string {
	if (stage === 0) return t('status.stage.entry');
	if (stage === NOW_STAGE) return t('status.stage.now');
	return t('status.stage.year', { n: stage });
}

export function periodName(academicYear: number, term: number | null): string {
	const from = academicYear;
	const to = academicYear + 1;
	return term === null ? t('status.period.year', { from, to }) : t('status.period.term', { from, to, term });
}

/** A group's name as shown: change types and levels translated, the rest (names, reasons) as received. */
export function groupName(by: 'change_type' | 'reason' | 'college' | 'major' | 'level' | 'none' | 'cohort'): (name: string | null) => string {
	return (name) => {
		if (name === null) return t('status.survival.all');
		if (by === 'change_type') return tCode('change_type', name);
		if (by === 'level') return tCode('level', name);
		if (by === 'cohort') return t('cohort.label', { year: name });
		return name;
	};
}

/** A sequence of codes (休学→复学→毕业) as shown; in English each step is translated. */
export function sequenceText(sequence: string): string {
	if (getLocale() !== 'en') return sequence;
	return sequence
		.split('→')
		.map((step) => {
			const asChange = tCode('change_type', step);
			if (asChange !== step) return asChange;
			const asStatus = tCode('status', step);
			return asStatus !== step ? asStatus : tCode('outcome', step);
		})
		.join(' → ');
}

export function monthNames(): string[] {
	return t('status.monthNames').split(',');
}

export function suppressionText(note: SuppressionNote | undefined): string | null {
	return note && note.cells > 0 ? t('suppression.note', { threshold: note.threshold, cells: note.cells }) : null;
}

export function noteOf(row: { suppressed?: boolean; censored?: Record<string, string> }): string {
	return rowNote(row, t('suppression.cell'), (field, bound) => t('suppression.censored', { field, bound }));
}

/** A column of the cards' data tables (the shape Chart.svelte's TableColumn has). */
export interface Column {
	key: string;
	label: string;
	numeric?: boolean;
	format?: (value: unknown, row: Record<string, unknown>) => string;
}

export const countColumn = (key: string, label: string): Column => ({
	key,
	label,
	numeric: true,
	format: (value) => formatNumber(value as number | null),
});

/** A 0–1 rate: the percentage, the server's bound where it censored one, '—' where it hid it. */
export const rateColumn = (key: string, label: string): Column => ({
	key,
	label,
	numeric: true,
	format: (value, row) =>
		typeof value === 'number' ? formatPercent(value, 1) : ((row.censored as Record<string, string> | undefined)?.[key] ?? '—'),
});

export const perMilleColumn = (key: string, label: string): Column => ({
	key,
	label,
	numeric: true,
	format: (value) => (typeof value === 'number' ? formatters().perMille(value) : '—'),
});

export const noteColumn = (): Column => ({ key: 'note', label: t('col.note') });
