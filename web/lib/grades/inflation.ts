// Pure builders for the grade-inflation panel (GET /api/grades/inflation, /inflation/trends): the yearly
// mean score (or share of scores ≥ 90) per group as lines, and each group's slope per year with its
// 95% interval as a forest plot, steepest first, with the within-course slope beside it — DOMAIN.md: a
// raw rise is a question, not a verdict.

import type { InflationTrendRow, InflationYearRow } from '../api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { CHART_PALETTE } from '../charts/echarts.ts';
import { escapeHtml, GRID, horizontalWhisker, muted, type Formatters } from './chart-parts.ts';

export type InflationMeasure = 'mean' | 'share_90';

export interface InflationLabels extends Formatters {
	year(academicYear: number): string;
	measure: string;
	results: string;
	slope: string;
	interval: string;
	within: string;
	r2: string;
	/** "+1.40 分/年" */
	perYear(value: number | null): string;
}

/** Lines of the yearly figure per group; hidden years are gaps. */
export function inflationOption(rows: readonly InflationYearRow[], measure: InflationMeasure, labels: InflationLabels): ChartOption | null {
	if (rows.length === 0) return null;
	const years = [...new Set(rows.map((row) => row.academic_year))].sort((a, b) => a - b);
	const groups = [...new Set(rows.map((row) => row.grp))];
	const cell = new Map(rows.map((row) => [`${row.grp}:${row.academic_year}`, row]));
	const isShare = measure === 'share_90';
	return {
		animationDuration: 400,
		legend: { type: 'scroll', top: 0, left: 0, right: 0, icon: 'roundRect', itemWidth: 14, itemHeight: 8 },
		grid: GRID,
		tooltip: {
			trigger: 'axis',
			confine: true,
			formatter: (raw: unknown) => {
				const params = (Array.isArray(raw) ? raw : [raw]) as { seriesIndex: number; dataIndex: number; marker?: string; seriesName?: string }[];
				const year = years[params[0]?.dataIndex ?? 0];
				const lines = params.flatMap((p) => {
					const row = cell.get(`${groups[p.seriesIndex]}:${year}`);
					if (!row) return [];
					const value = row.suppressed
						? muted(labels.suppressed)
						: `<b>${escapeHtml(isShare ? labels.percent(row.share_90, 1) : labels.number(row.mean, 1))}</b> ${muted(`${labels.results} ${labels.count(row.n)}`)}`;
					return [`${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}&nbsp;&nbsp;${value}`];
				});
				return [`<b>${escapeHtml(labels.year(year))}</b>`, ...lines].join('<br/>');
			},
		},
		xAxis: { type: 'category', boundaryGap: false, data: years.map((y) => labels.year(y)) },
		yAxis: {
			type: 'value',
			scale: !isShare,
			min: isShare ? 0 : undefined,
			axisLabel: { formatter: (v: number) => (isShare ? labels.percent(v, 0) : labels.number(v, 0)) },
		},
		series: groups.map((grp) => ({
			type: 'line' as const,
			name: grp,
			symbolSize: 5,
			connectNulls: false,
			emphasis: { focus: 'series' as const },
			data: years.map((year) => {
				const row = cell.get(`${grp}:${year}`);
				if (!row || row.suppressed) return null;
				return isShare ? row.share_90 : row.mean;
			}),
		})),
	};
}

/** The trends, steepest first (hidden ones last). */
export function sortTrends(rows: readonly InflationTrendRow[]): InflationTrendRow[] {
	return [...rows].sort((a, b) => (b.slope ?? -Infinity) - (a.slope ?? -Infinity) || (a.grp < b.grp ? -1 : 1));
}

/** Forest plot: each group's slope (points per year) with its 95% interval, a line at 0. */
export function slopeOption(rows: readonly InflationTrendRow[], labels: InflationLabels): ChartOption | null {
	const shown = sortTrends(rows);
	if (shown.length === 0) return null;
	return {
		animationDuration: 400,
		grid: { ...GRID, top: 24 },
		tooltip: {
			trigger: 'item',
			confine: true,
			formatter: (raw: unknown) => {
				const row = shown.find((r) => r.grp === (raw as { name: string }).name);
				if (!row) return '';
				const head = `<b>${escapeHtml(row.grp)}</b>`;
				if (row.suppressed || row.slope === null) return `${head}<br/>${muted(labels.suppressed)}`;
				return [
					head,
					`${escapeHtml(labels.slope)} <b>${escapeHtml(labels.perYear(row.slope))}</b>`,
					`${escapeHtml(labels.interval)} ${escapeHtml(labels.perYear(row.slope_low))} – ${escapeHtml(labels.perYear(row.slope_high))}`,
					`${escapeHtml(labels.within)} ${escapeHtml(labels.perYear(row.within_course_slope))}`,
					muted(`${labels.r2} ${labels.number(row.r2, 2)} · ${labels.year(row.first_year)}–${labels.year(row.last_year)}`),
				].join('<br/>');
			},
		},
		xAxis: { type: 'value', axisLabel: { formatter: (v: number) => labels.number(v, 1) } },
		yAxis: { type: 'category', data: shown.map((row) => row.grp), inverse: true, axisLabel: { width: 120, overflow: 'truncate' } },
		series: [
			{
				type: 'scatter',
				name: labels.slope,
				symbolSize: 10,
				itemStyle: { color: CHART_PALETTE[3] },
				data: shown.map((row, i) => (row.slope === null || row.suppressed ? null : { name: row.grp, value: [row.slope, i] })).filter((p) => p !== null),
				markLine: { silent: true, symbol: 'none', lineStyle: { color: '#64748b' }, label: { show: false }, data: [{ xAxis: 0 }] },
			},
			{
				type: 'scatter',
				name: labels.within,
				symbol: 'diamond',
				symbolSize: 8,
				itemStyle: { color: CHART_PALETTE[0] },
				tooltip: { show: false },
				data: shown
					.map((row, i) => (row.within_course_slope === null || row.suppressed ? null : { name: row.grp, value: [row.within_course_slope, i] }))
					.filter((p) => p !== null),
			},
			{
				type: 'custom',
				name: labels.interval,
				silent: true,
				tooltip: { show: false },
				encode: { y: 0, x: [1, 2] },
				renderItem: horizontalWhisker(CHART_PALETTE[3]),
				data: shown.flatMap((row, i) => (row.slope_low === null || row.slope_high === null || row.suppressed ? [] : [[i, row.slope_low, row.slope_high]])),
			},
		],
		legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 14, itemHeight: 8, data: [labels.slope, labels.within] },
	};
}
