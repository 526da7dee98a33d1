// What the status builders need to put words on the data, passed in by the page so that the builders
// stay pure (no Svelte, no locale), and the few constants they share: the colour of each status
// category, the order categories are listed in.

import type { StatusCategory } from '../api.ts';

export interface StatusFormatters {
	/** A count with grouping (1,234). */
	count(n: number): string;
	/** A ratio as a percentage (0.853 → 85.3%). */
	percent(ratio: number): string;
	/** A rate per 1,000 (4.2‰). */
	perMille(rate: number): string;
	/** Said instead of a value the server hid (too few students). */
	suppressed: string;
}

/** The order categories are listed in: still there, then the ways of leaving. */
export const CATEGORY_ORDER: readonly (StatusCategory | 'entry')[] = [
	'entry',
	'enrolled',
	'on_leave',
	'graduated',
	'completed',
	'transferred',
	'withdrawn',
	'deceased',
];

/** One colour per category, the same in every chart (graduated green, withdrawn red …). */
export const CATEGORY_COLORS: Record<StatusCategory | 'entry', string> = {
	entry: '#5c6b7a',
	enrolled: '#2f6fb5',
	on_leave: '#b58a2f',
	graduated: '#2e9e6b',
	completed: '#1f9fb3',
	transferred: '#7b5cb8',
	withdrawn: '#c8455a',
	deceased: '#94a3b8',
};

/** The grid every status chart uses: axis labels kept inside the canvas at any width. */
export const GRID = {
	left: 4,
	right: 16,
	top: 40,
	bottom: 4,
	outerBoundsMode: 'same',
	outerBoundsContain: 'axisLabel',
} as const;

/** Escapes text for ECharts' HTML tooltips. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Muted text inside a tooltip. */
export function muted(text: string): string {
	return `<span style="color:#64748b">${escapeHtml(text)}</span>`;
}

/** Why a row's values are missing, for a data table's note column ('' when nothing is). */
export function rowNote(
	row: { suppressed?: boolean; censored?: Record<string, string> },
	suppressed: string,
	censored: (field: string, bound: string) => string,
): string {
	if (row.suppressed) return suppressed;
	return Object.entries(row.censored ?? {})
		.map(([field, bound]) => censored(field, bound))
		.join('; ');
}
