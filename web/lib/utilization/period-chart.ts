// Requests and files used per month, quarter or year (bars) with the student-record share (line, right
// axis), and the yearly shift between the counter and online service. Pure: the rows of
// GET /api/utilization/timeseries in, ECharts options and table rows out.

import type { UtilizationPeriodRow } from '../api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { GRID, type Formatters } from './labels.ts';

export interface PeriodLabels extends Formatters {
	requests: string;
	items: string;
	studentShare: string;
}

export function periodOption(rows: readonly UtilizationPeriodRow[], labels: PeriodLabels): ChartOption | null {
	if (rows.length === 0) return null;
	return {
		animationDuration: 400,
		legend: { top: 0, left: 0 },
		grid: GRID,
		tooltip: {
			trigger: 'axis',
			confine: true,
			valueFormatter: (value: unknown) => (typeof value === 'number' ? labels.count(value) : labels.suppressed),
		},
		xAxis: { type: 'category', data: rows.map((r) => r.period) },
		yAxis: [
			{ type: 'value', min: 0, axisLabel: { formatter: (v: number) => labels.count(v) } },
			{ type: 'value', min: 0, max: 1, splitLine: { show: false }, axisLabel: { formatter: (v: number) => labels.percent(v) } },
		],
		series: [
			{ type: 'bar', name: labels.requests, data: rows.map((r) => r.requests), barMaxWidth: 28 },
			{ type: 'bar', name: labels.items, data: rows.map((r) => r.items), barMaxWidth: 28 },
			{
				type: 'line',
				name: labels.studentShare,
				yAxisIndex: 1,
				data: rows.map((r) => r.student_record_share),
				symbolSize: 5,
				connectNulls: false,
				tooltip: { valueFormatter: (value: unknown) => (typeof value === 'number' ? labels.percent(value) : labels.suppressed) },
			},
		],
	};
}

export interface ShiftLabels extends Formatters {
	onsite: string;
	online: string;
	other: string;
}

/** The share of the third group, proxy and post: what on-site and online leave of the requests with a channel. */
export function otherShare(row: Pick<UtilizationPeriodRow, 'onsite_share' | 'online_share'>): number | null {
	if (row.onsite_share === null || row.online_share === null) return null;
	return Math.max(0, 1 - row.onsite_share - row.online_share);
}

/** One line per channel group over the years (rows of the yearly view). */
export function channelShiftOption(years: readonly UtilizationPeriodRow[], labels: ShiftLabels): ChartOption | null {
	if (years.length === 0) return null;
	return {
		animationDuration: 400,
		legend: { top: 0, left: 0 },
		grid: GRID,
		tooltip: {
			trigger: 'axis',
			confine: true,
			valueFormatter: (value: unknown) => (typeof value === 'number' ? labels.percent(value) : labels.suppressed),
		},
		xAxis: { type: 'category', boundaryGap: false, data: years.map((r) => r.period) },
		yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => labels.percent(v) } },
		series: [
			{ type: 'line', name: labels.onsite, data: years.map((r) => r.onsite_share), symbolSize: 6, itemStyle: { color: '#c8455a' } },
			{ type: 'line', name: labels.online, data: years.map((r) => r.online_share), symbolSize: 6, itemStyle: { color: '#2e9e6b' } },
			{ type: 'line', name: labels.other, data: years.map((r) => otherShare(r)), symbolSize: 6, itemStyle: { color: '#b58a2f' } },
		],
	};
}
