// Pieces the grades dashboard's option builders share: HTML escaping for tooltips, the grid, a
// horizontal interval (whisker) drawn by a custom series, the notes that explain a hidden cell, and the
// formatters every builder takes from the page (so the builders stay pure and language-free).

import type { CustomSeriesRenderItem } from 'echarts';
import type { Suppressible } from '../api.ts';

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function muted(text: string): string {
	return `<span style="color:#64748b">${escapeHtml(text)}</span>`;
}

/** Axis labels stay inside the canvas at any width (ECharts 6's successor of containLabel). */
export const GRID = { left: 4, right: 16, top: 40, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' } as const;

/** How numbers and rates are shown, in the reader's language. */
export interface Formatters {
	/** A score or other measure with the given decimals. */
	number(value: number | null, digits?: number): string;
	/** A ratio as a percentage. */
	percent(value: number | null, digits?: number): string;
	/** A count with grouping. */
	count(value: number | null): string;
	/** What a hidden cell says (已隐藏（人数过少）). */
	suppressed: string;
}

/** Why a row's figures are missing: hidden, or a rate given only as a bound. '' otherwise. */
export function rowNote(row: Suppressible, suppressed: string, censored: (field: string, bound: string) => string): string {
	if (row.suppressed) return suppressed;
	return Object.entries(row.censored ?? {})
		.map(([field, bound]) => censored(field, bound))
		.join('; ');
}

/**
 * A horizontal interval on a category y axis: data [categoryIndex, low, high] → a line from low to high
 * with short caps (a forest plot's whisker). Colour from the series' itemStyle.
 */
export function horizontalWhisker(color: string): CustomSeriesRenderItem {
	return (_params, api) => {
		const y = Number(api.value(0));
		const low = api.coord([Number(api.value(1)), y]);
		const high = api.coord([Number(api.value(2)), y]);
		const half = 5;
		const style = { stroke: color, lineWidth: 1.5 };
		return {
			type: 'group',
			children: [
				{ type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style },
				{ type: 'line', shape: { x1: low[0], y1: low[1] - half, x2: low[0], y2: low[1] + half }, style },
				{ type: 'line', shape: { x1: high[0], y1: high[1] - half, x2: high[0], y2: high[1] + half }, style },
			],
		};
	};
}

/** Height for a horizontal chart of `n` categories: room for each label, within sensible bounds. */
export function rowsHeight(n: number, perRow = 28, min = 260, max = 900): number {
	return Math.min(max, Math.max(min, 60 + n * perRow));
}

/** API rows as the chart card's table rows (plain records; the card reads fields by column key). */
export function tableRows<T extends object>(rows: readonly T[]): Record<string, unknown>[] {
	return rows.map((row) => ({ ...row }) as Record<string, unknown>);
}

/**
 * An invisible bar across each row of a horizontal chart, so that a click anywhere on a row (not only on
 * its small box or dot) reports the row's name: drill-downs get a target as wide as the chart. Drawn
 * under the other series; no tooltip, no hover effect.
 */
export function rowClickTargets(names: readonly string[], reach: number) {
	return {
		type: 'bar' as const,
		name: '',
		silent: false,
		z: 0,
		barWidth: '90%',
		barGap: '-100%',
		itemStyle: { color: 'rgba(0,0,0,0)' },
		emphasis: { disabled: true },
		tooltip: { show: false },
		data: names.map((name) => ({ name, value: reach })),
	};
}
