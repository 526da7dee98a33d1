// Pure builders for the distribution panel (GET /api/grades/distribution/*): a box plot per group
// (quartiles, Tukey's whiskers, the mean as a dot), the score histogram as one frequency polygon per
// group (shares, so groups of any size compare), and the GPA bands as stacked shares per group.
// Hidden (suppressed) groups stay on the axis with nothing drawn, so the reader sees that they exist.

import type { BoxplotRow, GpaBandRow, ScoreBinRow } from '../api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { CHART_PALETTE } from '../charts/echarts.ts';
import { escapeHtml, GRID, muted, rowClickTargets, type Formatters } from './chart-parts.ts';

export interface DistributionLabels extends Formatters {
	/** A group's name as shown (a cohort's year → 2020级). */
	group(grp: string): string;
	mean: string;
	median: string;
	q1: string;
	q3: string;
	whiskers: string;
	students: string;
	results: string;
	share: string;
	outliers: string;
}

/** Groups in the order to draw them: cohorts by year, names by the server's order. */
export function groupsOf(rows: readonly { grp: string }[]): string[] {
	return [...new Set(rows.map((row) => row.grp))];
}

/** Box plot, groups down the y axis (long college names read better across). */
export function boxplotOption(rows: readonly BoxplotRow[], labels: DistributionLabels, clickable = false): ChartOption | null {
	if (rows.length === 0) return null;
	const groups = rows.map((row) => labels.group(row.grp));
	const visible = (row: BoxplotRow) => !row.suppressed && row.q1 !== null && row.whisker_low !== null;
	return {
		animationDuration: 400,
		grid: { ...GRID, top: 8 },
		tooltip: {
			trigger: 'item',
			confine: true,
			formatter: (raw: unknown) => {
				const { dataIndex } = raw as { dataIndex: number };
				const row = rows[dataIndex];
				const head = `<b>${escapeHtml(groups[dataIndex])}</b>`;
				if (!visible(row)) return `${head}<br/>${muted(labels.suppressed)}`;
				const line = (name: string, value: number | null) => `${escapeHtml(name)} <b>${escapeHtml(labels.number(value, 1))}</b>`;
				return [
					head,
					line(labels.median, row.median),
					`${escapeHtml(labels.q1)}–${escapeHtml(labels.q3)} <b>${escapeHtml(labels.number(row.q1, 1))}–${escapeHtml(labels.number(row.q3, 1))}</b>`,
					`${escapeHtml(labels.whiskers)} <b>${escapeHtml(labels.number(row.whisker_low, 1))}–${escapeHtml(labels.number(row.whisker_high, 1))}</b>`,
					line(labels.mean, row.mean),
					muted(`${labels.students} ${labels.count(row.students)} · ${labels.results} ${labels.count(row.n)} · ${labels.outliers} ${labels.count((row.outliers_low ?? 0) + (row.outliers_high ?? 0))}`),
				].join('<br/>');
			},
		},
		xAxis: { type: 'value', scale: true, max: 100, axisLabel: { formatter: (v: number) => labels.number(v, 0) } },
		yAxis: { type: 'category', data: groups, inverse: true, axisLabel: { width: 120, overflow: 'truncate' } },
		series: [
			...(clickable ? [rowClickTargets(groups, 100)] : []),
			{
				type: 'boxplot',
				name: labels.median,
				itemStyle: { color: '#dbe7f5', borderColor: CHART_PALETTE[0] },
				data: rows.map((row) =>
					visible(row) ? [row.whisker_low!, row.q1!, row.median!, row.q3!, row.whisker_high!] : ['-', '-', '-', '-', '-'],
				),
			},
			{
				type: 'scatter',
				name: labels.mean,
				symbol: 'diamond',
				symbolSize: 8,
				itemStyle: { color: CHART_PALETTE[1] },
				tooltip: { show: false },
				data: rows.map((row, i) => (visible(row) && row.mean !== null ? { name: groups[i], value: [row.mean, i] } : null)).filter((p) => p !== null),
			},
		],
	};
}

/** Every bin from 0 to 100, as [lower, upper], whether or not it holds results (an even axis). */
export function binsOf(rows: readonly ScoreBinRow[]): [number, number][] {
	if (rows.length === 0) return [];
	const width = rows[0].bin_upper - rows[0].bin_lower;
	const bins: [number, number][] = [];
	for (let lower = 0; lower < 100 - 1e-9; lower += width) bins.push([lower, lower + width]);
	return bins;
}

/** Frequency polygons: one line per group, the share of its results in each bin (0 where it has none). */
export function histogramOption(rows: readonly ScoreBinRow[], labels: DistributionLabels): ChartOption | null {
	if (rows.length === 0) return null;
	const bins = binsOf(rows);
	const groups = groupsOf(rows);
	const cell = new Map(rows.map((row) => [`${row.grp}:${row.bin_lower}`, row]));
	return {
		animationDuration: 400,
		legend: { type: 'scroll', top: 0, left: 0, right: 0, icon: 'roundRect', itemWidth: 14, itemHeight: 8 },
		grid: GRID,
		tooltip: {
			trigger: 'axis',
			confine: true,
			formatter: (raw: unknown) => {
				const params = (Array.isArray(raw) ? raw : [raw]) as { axisValueLabel?: string; seriesName?: string; marker?: string; dataIndex: number; seriesIndex: number }[];
				const head = `<b>${escapeHtml(params[0]?.axisValueLabel ?? '')}</b>`;
				const lines = params.map((p) => {
					const row = cell.get(`${groups[p.seriesIndex]}:${bins[p.dataIndex][0]}`);
					const value = row?.suppressed ? muted(labels.suppressed) : `<b>${escapeHtml(labels.percent(row?.share ?? 0, 1))}</b>`;
					return `${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}&nbsp;&nbsp;${value}`;
				});
				return [head, ...lines].join('<br/>');
			},
		},
		xAxis: { type: 'category', boundaryGap: true, data: bins.map(([low, high]) => `${labels.number(low, 0)}–${labels.number(high, 0)}`) },
		yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => labels.percent(v, 0) } },
		series: groups.map((grp) => ({
			type: 'line' as const,
			name: labels.group(grp),
			symbolSize: 5,
			connectNulls: false,
			emphasis: { focus: 'series' as const },
			data: bins.map(([low]) => {
				const row = cell.get(`${grp}:${low}`);
				if (!row) return 0;
				return row.suppressed ? null : row.share;
			}),
		})),
	};
}

/** GPA bands present, ascending, as [lower, upper]. */
export function bandsOf(rows: readonly GpaBandRow[]): [number, number][] {
	const byLower = new Map<number, number>();
	for (const row of rows) byLower.set(row.band_lower, row.band_upper);
	return [...byLower.entries()].sort((a, b) => a[0] - b[0]);
}

// Low bands red, the middle neutral, high bands blue: a diverging scale read without a legend.
const BAND_COLORS = ['#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#e0e0e0', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac', '#053061', '#021a33'];

/** Stacked shares of students per GPA band, one bar per group. */
export function gpaBandsOption(rows: readonly GpaBandRow[], labels: DistributionLabels): ChartOption | null {
	if (rows.length === 0) return null;
	const bands = bandsOf(rows);
	const groups = groupsOf(rows);
	const cell = new Map(rows.map((row) => [`${row.grp}:${row.band_lower}`, row]));
	const bandName = ([low, high]: [number, number]) => `${labels.number(low, 1)}–${labels.number(high, 1)}`;
	return {
		animationDuration: 400,
		legend: { type: 'scroll', top: 0, left: 0, right: 0, icon: 'roundRect', itemWidth: 14, itemHeight: 8 },
		grid: GRID,
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			confine: true,
			formatter: (raw: unknown) => {
				const params = (Array.isArray(raw) ? raw : [raw]) as { seriesName?: string; marker?: string; dataIndex: number; seriesIndex: number }[];
				const grp = groups[params[0]?.dataIndex ?? 0];
				const lines = params.flatMap((p) => {
					const row = cell.get(`${grp}:${bands[p.seriesIndex][0]}`);
					if (!row) return [];
					const value = row.suppressed ? muted(labels.suppressed) : `<b>${escapeHtml(labels.percent(row.share, 1))}</b> ${muted(`${labels.students} ${labels.count(row.students)}`)}`;
					return [`${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}&nbsp;&nbsp;${value}`];
				});
				return [`<b>${escapeHtml(labels.group(grp))}</b>`, ...lines].join('<br/>');
			},
		},
		xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => labels.percent(v, 0) } },
		yAxis: { type: 'category', data: groups.map((g) => labels.group(g)), inverse: true, axisLabel: { width: 120, overflow: 'truncate' } },
		series: bands.map((band, i) => ({
			type: 'bar' as const,
			name: bandName(band),
			stack: 'share',
			barMaxWidth: 28,
			itemStyle: { color: BAND_COLORS[Math.min(BAND_COLORS.length - 1, Math.round((band[0] / 5) * (BAND_COLORS.length - 1)))] ?? CHART_PALETTE[i % 10] },
			data: groups.map((grp) => {
				const row = cell.get(`${grp}:${band[0]}`);
				return row && !row.suppressed ? row.share : null;
			}),
		})),
	};
}
