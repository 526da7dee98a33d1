// The utilization page's words in the current language, for the pure builders: formatters, names of
// the dimensions' values, hours, the suppression footnote. Read inside $derived or markup, so a change of
// language redraws.

import type { SuppressionNote } from '../api.ts';
import { formatNumber, formatPercent, t, tCode, type MessageKey } from '../i18n.svelte.ts';
import type { BreakdownDimension, ServiceDimension } from '../url-state.ts';
import { CODE_DOMAIN, rowNote, type Formatters } from './labels.ts';
import { formatHours } from './service-chart.ts';

export function formatters(): Formatters {
	return {
		count: (n) => formatNumber(n),
		percent: (r) => formatPercent(r, 1),
		suppressed: t('util.suppression.cell'),
	};
}

/** The name of a value of `dimension` as shown: codes translated, null = not recorded. */
export function valueName(dimension: BreakdownDimension | ServiceDimension): (value: string | null) => string {
	return (value) => (value === null ? t('util.notRecorded') : tCode(CODE_DOMAIN[dimension], value));
}

export function dimensionName(dimension: BreakdownDimension | ServiceDimension): string {
	return t(`util.dim.${dimension}` as MessageKey);
}

export function hoursText(hours: number | null): string {
	return formatHours(
		hours,
		{ minutes: (n) => t('util.minutes', { n }), hours: (n) => t('util.hours', { n }) },
		(n, digits) => formatNumber(n, digits),
	);
}

export function monthNames(): string[] {
	return t('util.monthNames').split(',');
}

export function suppressionText(note: SuppressionNote | undefined): string | null {
	return note && note.cells > 0 ? t('util.suppression.note', { threshold: note.threshold, cells: note.cells }) : null;
}

/** A rate cell in a data table: the percentage, the server's bound ('<5%'), or '—'. */
export function rateCell(value: unknown, row: Record<string, unknown>, field: string): string {
	if (typeof value === 'number') return formatPercent(value, 1);
	const bound = (row.censored as Record<string, string> | undefined)?.[field];
	return bound ?? '—';
}

export const countCell = (value: unknown): string => formatNumber(value as number | null);

/** A column of the cards' data tables (the shape Chart.svelte's TableColumn has). */
export interface Column {
	key: string;
	label: string;
	numeric?: boolean;
	format?: (value: unknown, row: Record<string, unknown>) => string;
}

/** A rate column: percentages, the server's bound where it censored one, '—' where it hid it. */
export function rateColumn(key: string, label: string): Column {
	return { key, label, numeric: true, format: (value, row) => rateCell(value, row, key) };
}

export function countColumn(key: string, label: string): Column {
	return { key, label, numeric: true, format: countCell };
}

/**
 * A card's data table: its columns and rows, each row with a note saying why a value is missing (hidden
 * cell, or a rate given only as a bound, named by its column), and a note column only when some row has one.
 */
export function tableOf(columns: Column[], rows: Record<string, unknown>[]): { columns: Column[]; rows: Record<string, unknown>[] } {
	const labels = new Map(columns.map((c) => [c.key, c.label]));
	const noted = rows.map((row) => ({
		...row,
		note: rowNote(row as { suppressed?: boolean; censored?: Record<string, string> }, t('util.suppression.cell'), (field, bound) =>
			t('suppression.censored', { field: labels.get(field) ?? field, bound }),
		),
	}));
	return { columns: noted.some((r) => r.note !== '') ? [...columns, { key: 'note', label: t('col.note') }] : columns, rows: noted };
}
