// What the utilization builders need to put words on the data, passed in by the page so that the builders
// stay pure (no Svelte, no locale): names for the dimensions' values, numbers and percentages formatted.

import type { CodeDomain } from '../i18n.svelte.ts';
import type { BreakdownDimension, ServiceDimension } from '../url-state.ts';

/** The i18n code domain of each dimension whose values are codes from the data. */
export const CODE_DOMAIN: Record<BreakdownDimension | ServiceDimension, CodeDomain> = {
	category: 'archive_category',
	purpose: 'purpose',
	requester_type: 'requester_type',
	channel: 'channel',
	delivery: 'delivery',
};

export interface Formatters {
	/** A count with grouping (1,234). */
	count(n: number): string;
	/** A ratio as a percentage (0.853 → 85.3%). */
	percent(ratio: number): string;
	/** Said instead of a value the server hid (too few requests). */
	suppressed: string;
}

/** Why a row's values are missing, for the data table's note column ('' when nothing is). */
export function rowNote(row: { suppressed?: boolean; censored?: Record<string, string> }, suppressed: string, censored: (field: string, bound: string) => string): string {
	if (row.suppressed) return suppressed;
	return Object.entries(row.censored ?? {})
		.map(([field, bound]) => censored(field, bound))
		.join('; ');
}

/** Escapes text for ECharts' HTML tooltips. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The grid every utilization chart uses: labels kept inside the canvas at any width. */
export const GRID = {
	left: 4,
	right: 16,
	top: 40,
	bottom: 4,
	outerBoundsMode: 'same',
	outerBoundsContain: 'axisLabel',
} as const;
