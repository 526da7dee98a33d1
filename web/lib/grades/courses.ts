// Pure helpers for the course-difficulty panel (GET /api/grades/courses, /departments, /courses/years):
// placing the course table's interval bars, the teaching colleges' DFW rates with their
// Wilson intervals (a forest plot), and one course's rate year by year with its jumps marked.

import type { CourseDifficultyRow, CourseYearRow, DepartmentDifficultyRow } from '../api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { CHART_PALETTE } from '../charts/echarts.ts';
import { escapeHtml, GRID, horizontalWhisker, muted, rowClickTargets, type Formatters } from './chart-parts.ts';

/** A DFW rate published as a target for lower-level courses (DOMAIN.md): drawn as a reference line. */
export const DFW_TARGET = 0.2;

/** The right end of the interval bars' scale: the largest upper bound shown, rounded up to 10 points. */
export function intervalScaleMax(rows: readonly { ci_high: number | null }[]): number {
	const highest = Math.max(DFW_TARGET, ...rows.map((row) => row.ci_high ?? 0));
	return Math.min(1, Math.ceil(highest * 10) / 10);
}

/** Where a course's interval bar sits, in percent of the scale: the interval, the rate, the peers' mean. */
export function intervalBar(row: { dfw_rate: number | null; ci_low: number | null; ci_high: number | null; peer_mean?: number | null }, max: number) {
	if (row.dfw_rate === null || row.ci_low === null || row.ci_high === null) return null;
	const at = (value: number) => Math.max(0, Math.min(100, (value / max) * 100));
	return {
		left: at(row.ci_low),
		width: Math.max(0.5, at(row.ci_high) - at(row.ci_low)),
		rate: at(row.dfw_rate),
		peer: row.peer_mean === null || row.peer_mean === undefined ? null : at(row.peer_mean),
		target: at(DFW_TARGET),
	};
}

export interface DifficultyLabels extends Formatters {
	dfwRate: string;
	interval: string;
	results: string;
	target: string;
	volatile: string;
	outlierHigh: string;
	outlierLow: string;
}

/** Teaching colleges' DFW rates, highest first: a dot at the rate, a whisker for the Wilson interval. */
export function departmentOption(rows: readonly DepartmentDifficultyRow[], labels: DifficultyLabels): ChartOption | null {
	const shown = [...rows].sort((a, b) => (b.dfw_rate ?? -1) - (a.dfw_rate ?? -1));
	if (shown.length === 0) return null;
	const names = shown.map((row) => row.teaching_dept);
	const color = (row: DepartmentDifficultyRow) => (row.outlier === 'high' ? CHART_PALETTE[3] : row.outlier === 'low' ? CHART_PALETTE[2] : CHART_PALETTE[0]);
	return {
		animationDuration: 400,
		grid: { ...GRID, top: 24 },
		tooltip: {
			trigger: 'item',
			confine: true,
			formatter: (raw: unknown) => {
				const row = shown.find((r) => r.teaching_dept === (raw as { name: string }).name) ?? shown[(raw as { dataIndex: number }).dataIndex];
				const head = `<b>${escapeHtml(row.teaching_dept)}</b>`;
				if (row.suppressed || row.dfw_rate === null) return `${head}<br/>${muted(labels.suppressed)}`;
				const flag = row.outlier === 'high' ? labels.outlierHigh : row.outlier === 'low' ? labels.outlierLow : row.volatile ? labels.volatile : '';
				return [
					head,
					`${escapeHtml(labels.dfwRate)} <b>${escapeHtml(labels.percent(row.dfw_rate, 1))}</b>`,
					`${escapeHtml(labels.interval)} ${escapeHtml(labels.percent(row.ci_low, 1))}–${escapeHtml(labels.percent(row.ci_high, 1))}`,
					muted(`${labels.results} ${labels.count(row.n)}${flag ? ` · ${flag}` : ''}`),
				].join('<br/>');
			},
		},
		xAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => labels.percent(v, 0) } },
		yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 120, overflow: 'truncate' } },
		series: [
			rowClickTargets(names, Math.max(DFW_TARGET, ...shown.map((row) => row.ci_high ?? 0))),
			{
				type: 'scatter',
				name: labels.dfwRate,
				symbolSize: 10,
				data: shown
					.map((row, i) => (row.dfw_rate === null ? null : { name: row.teaching_dept, value: [row.dfw_rate, i], itemStyle: { color: color(row) } }))
					.filter((p) => p !== null),
				markLine: {
					silent: true,
					symbol: 'none',
					lineStyle: { type: 'dashed', color: '#94a3b8' },
					label: { show: false }, // the card's description names the line; a label here is cut at the edge
					data: [{ xAxis: DFW_TARGET }],
				},
			},
			{
				type: 'custom',
				name: labels.interval,
				silent: true,
				tooltip: { show: false },
				encode: { y: 0, x: [1, 2] },
				renderItem: horizontalWhisker(CHART_PALETTE[0]),
				data: shown.flatMap((row, i) => (row.ci_low === null || row.ci_high === null ? [] : [[i, row.ci_low, row.ci_high]])),
			},
		],
	};
}

/** One course's DFW rate by academic year: the rate, its interval as a band, and the jumps marked. */
export function courseYearsOption(rows: readonly CourseYearRow[], labels: DifficultyLabels & { year(y: number): string; jumpUp: string; jumpDown: string }): ChartOption | null {
	const years = [...rows].sort((a, b) => a.academic_year - b.academic_year);
	if (years.length === 0) return null;
	const rate = (row: CourseYearRow) => (row.suppressed ? null : row.dfw_rate);
	return {
		animationDuration: 400,
		legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 14, itemHeight: 8, data: [labels.dfwRate, labels.interval] },
		grid: GRID,
		tooltip: {
			trigger: 'axis',
			confine: true,
			formatter: (raw: unknown) => {
				const [p] = (Array.isArray(raw) ? raw : [raw]) as { dataIndex: number }[];
				const row = years[p.dataIndex];
				const head = `<b>${escapeHtml(labels.year(row.academic_year))}</b>`;
				if (row.suppressed || row.dfw_rate === null) return `${head}<br/>${muted(labels.suppressed)}`;
				const jump = row.jump === 'up' ? labels.jumpUp : row.jump === 'down' ? labels.jumpDown : '';
				return [
					head,
					`${escapeHtml(labels.dfwRate)} <b>${escapeHtml(labels.percent(row.dfw_rate, 1))}</b> ${muted(`${labels.results} ${labels.count(row.n)}`)}`,
					`${escapeHtml(labels.interval)} ${escapeHtml(labels.percent(row.ci_low, 1))}–${escapeHtml(labels.percent(row.ci_high, 1))}`,
					...(jump ? [`<b style="color:${CHART_PALETTE[3]}">${escapeHtml(jump)}</b>`] : []),
				].join('<br/>');
			},
		},
		xAxis: { type: 'category', boundaryGap: false, data: years.map((row) => labels.year(row.academic_year)) },
		yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => labels.percent(v, 0) } },
		series: [
			// The interval as a band: an invisible line at the lower bound, the width stacked on it.
			{
				type: 'line',
				name: labels.interval,
				stack: 'interval',
				symbol: 'none',
				lineStyle: { opacity: 0 },
				tooltip: { show: false },
				data: years.map((row) => (row.suppressed ? null : row.ci_low)),
			},
			{
				type: 'line',
				name: labels.interval,
				stack: 'interval',
				symbol: 'none',
				lineStyle: { opacity: 0 },
				areaStyle: { color: CHART_PALETTE[0], opacity: 0.15 },
				tooltip: { show: false },
				data: years.map((row) => (row.suppressed || row.ci_low === null || row.ci_high === null ? null : row.ci_high - row.ci_low)),
			},
			{
				type: 'line',
				name: labels.dfwRate,
				symbolSize: (_value: unknown, params: { dataIndex: number }) => (years[params.dataIndex].jump ? 14 : 6),
				itemStyle: { color: CHART_PALETTE[0] },
				data: years.map((row) => ({
					value: rate(row),
					...(row.jump ? { symbol: 'triangle', symbolRotate: row.jump === 'down' ? 180 : 0, itemStyle: { color: CHART_PALETTE[3] } } : {}),
				})),
				markLine: {
					silent: true,
					symbol: 'none',
					lineStyle: { type: 'dashed', color: '#94a3b8' },
					label: { formatter: labels.target, position: 'insideEndTop', color: '#64748b' },
					data: [{ yAxis: DFW_TARGET }],
				},
			},
		],
	};
}

/** The flagged jumps, largest change first, as "course name year" labels. */
export function sortJumps(rows: readonly CourseYearRow[]): CourseYearRow[] {
	return rows.filter((row) => row.jump !== null).sort((a, b) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0) || a.course_id.localeCompare(b.course_id));
}

/** Year-over-year jumps across the school: a bar per flagged course-year, its change in DFW rate. */
export function jumpsOption(rows: readonly CourseYearRow[], labels: DifficultyLabels & { year(y: number): string; change: string }): ChartOption | null {
	const jumps = sortJumps(rows);
	if (jumps.length === 0) return null;
	const names = jumps.map((row) => `${row.course_name} ${labels.year(row.academic_year)}`);
	return {
		animationDuration: 400,
		grid: { ...GRID, top: 8 },
		tooltip: {
			trigger: 'item',
			confine: true,
			formatter: (raw: unknown) => {
				const row = jumps[(raw as { dataIndex: number }).dataIndex];
				return [
					`<b>${escapeHtml(row.course_name)}</b> ${muted(row.course_id)}`,
					`${escapeHtml(labels.year(row.previous_year ?? row.academic_year))} → ${escapeHtml(labels.year(row.academic_year))}`,
					`${escapeHtml(labels.change)} <b>${escapeHtml(signed(labels.percent(row.change, 1), row.change))}</b>`,
					`${escapeHtml(labels.dfwRate)} ${escapeHtml(labels.percent(row.dfw_rate, 1))} ${muted(`${labels.results} ${labels.count(row.n)}`)}`,
				].join('<br/>');
			},
		},
		xAxis: { type: 'value', axisLabel: { formatter: (v: number) => labels.percent(v, 0) } },
		yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
		series: [
			{
				type: 'bar',
				name: labels.change,
				barMaxWidth: 18,
				data: jumps.map((row) => ({ value: row.change, itemStyle: { color: (row.change ?? 0) > 0 ? CHART_PALETTE[3] : CHART_PALETTE[2] } })),
			},
		],
	};
}

function signed(text: string, value: number | null): string {
	return value !== null && value > 0 ? `+${text}` : text;
}
