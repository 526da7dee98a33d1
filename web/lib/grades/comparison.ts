// Pure builders for the comparison panel (GET /api/grades/compare): the two sides' means with their
// 95% intervals (mean ± 1.96 standard errors, the normal approximation; the difference's own interval
// and the test come from the server, Welch's t), as a small forest plot, and the rows behind it.

import type { ComparisonRow } from '../api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { CHART_PALETTE } from '../charts/echarts.ts';
import { escapeHtml, GRID, horizontalWhisker, muted, type Formatters } from './chart-parts.ts';

export interface SideFigures {
	side: 'a' | 'b';
	value: string;
	students: number | null;
	mean: number | null;
	sd: number | null;
	low: number | null;
	high: number | null;
}

/** Each side's mean and its ≈95% interval, mean ± 1.96 · sd / √n. */
export function sideFigures(row: ComparisonRow): SideFigures[] {
	const side = (key: 'a' | 'b'): SideFigures => {
		const n = key === 'a' ? row.a_students : row.b_students;
		const mean = key === 'a' ? row.a_mean : row.b_mean;
		const sd = key === 'a' ? row.a_sd : row.b_sd;
		const half = n !== null && n > 1 && sd !== null && mean !== null ? (1.96 * sd) / Math.sqrt(n) : null;
		return { side: key, value: key === 'a' ? row.a : row.b, students: n, mean, sd, low: half === null ? null : mean! - half, high: half === null ? null : mean! + half };
	};
	return [side('a'), side('b')];
}

export interface ComparisonLabels extends Formatters {
	group(value: string): string;
	mean: string;
	interval: string;
	students: string;
	digits: number;
}

export function comparisonOption(row: ComparisonRow | null, labels: ComparisonLabels): ChartOption | null {
	if (!row || row.suppressed) return null;
	const sides = sideFigures(row);
	if (sides.some((s) => s.mean === null)) return null;
	const names = sides.map((s) => labels.group(s.value));
	return {
		animationDuration: 400,
		grid: { ...GRID, top: 24 },
		legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 14, itemHeight: 8, data: [labels.mean, labels.interval] },
		tooltip: {
			trigger: 'item',
			confine: true,
			formatter: (raw: unknown) => {
				const s = sides[(raw as { dataIndex: number }).dataIndex];
				return [
					`<b>${escapeHtml(labels.group(s.value))}</b>`,
					`${escapeHtml(labels.mean)} <b>${escapeHtml(labels.number(s.mean, labels.digits))}</b>`,
					`${escapeHtml(labels.interval)} ${escapeHtml(labels.number(s.low, labels.digits))}–${escapeHtml(labels.number(s.high, labels.digits))}`,
					muted(`${labels.students} ${labels.count(s.students)}`),
				].join('<br/>');
			},
		},
		xAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => labels.number(v, labels.digits) } },
		yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 120, overflow: 'truncate' } },
		series: [
			{
				type: 'scatter',
				name: labels.mean,
				symbolSize: 12,
				data: sides.map((s, i) => ({ value: [s.mean!, i], itemStyle: { color: CHART_PALETTE[i] } })),
			},
			{
				type: 'custom',
				name: labels.interval,
				silent: true,
				tooltip: { show: false },
				encode: { y: 0, x: [1, 2] },
				itemStyle: { color: '#475569' },
				renderItem: horizontalWhisker('#475569'),
				data: sides.flatMap((s, i) => (s.low === null || s.high === null ? [] : [[i, s.low, s.high]])),
			},
		],
	};
}
