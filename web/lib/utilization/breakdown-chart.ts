// Requests by one dimension (horizontal bars, largest on top) and the purpose × requester cross-tab
// (stacked bars). Pure: the rows of GET /api/utilization/breakdown and /crosstab in, ECharts options out.

import type { UtilizationBreakdownRow, UtilizationCrosstabRow } from '../api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { GRID, type Formatters } from './labels.ts';

export interface BreakdownLabels extends Formatters {
	requests: string;
	/** The name of a value as shown (a code translated; null = not recorded). */
	name(value: string | null): string;
}

/** Bars need room per category: the chart's height for `n` bars. */
export function barChartHeight(n: number): number {
	return Math.max(220, Math.min(720, 60 + 28 * n));
}

export function breakdownOption(rows: readonly UtilizationBreakdownRow[], labels: BreakdownLabels): ChartOption | null {
	if (rows.length === 0) return null;
	return {
		animationDuration: 400,
		grid: { ...GRID, top: 8 },
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			confine: true,
			valueFormatter: (value: unknown) => (typeof value === 'number' ? labels.count(value) : labels.suppressed),
		},
		xAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => labels.count(v) } },
		yAxis: { type: 'category', inverse: true, data: rows.map((r) => labels.name(r.value)) },
		series: [
			{
				type: 'bar',
				name: labels.requests,
				data: rows.map((r) => r.requests),
				barMaxWidth: 22,
				label: {
					show: true,
					position: 'right',
					formatter: (p: { dataIndex: number }) => {
						const share = rows[p.dataIndex].share;
						return share === null ? '' : labels.percent(share);
					},
				},
			},
		],
	};
}

export interface CrosstabLabels extends Formatters {
	rowName(value: string | null): string;
	colName(value: string | null): string;
}

/** The rows' and columns' values in the order the answer has them (rows by size, then columns by total). */
export function crosstabAxes(rows: readonly UtilizationCrosstabRow[]): { rowValues: (string | null)[]; colValues: (string | null)[] } {
	const rowValues: (string | null)[] = [];
	const totals = new Map<string | null, number>();
	for (const r of rows) {
		if (!rowValues.includes(r.row_value)) rowValues.push(r.row_value);
		totals.set(r.col_value, (totals.get(r.col_value) ?? 0) + (r.requests ?? 0));
	}
	const colValues = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || String(a).localeCompare(String(b)));
	return { rowValues, colValues };
}

export function crosstabOption(rows: readonly UtilizationCrosstabRow[], labels: CrosstabLabels): ChartOption | null {
	if (rows.length === 0) return null;
	const { rowValues, colValues } = crosstabAxes(rows);
	const cell = new Map(rows.map((r) => [JSON.stringify([r.row_value, r.col_value]), r]));
	return {
		animationDuration: 400,
		legend: { type: 'scroll', top: 0, left: 0, right: 0 },
		grid: GRID,
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			confine: true,
			valueFormatter: (value: unknown) => (typeof value === 'number' ? labels.count(value) : labels.suppressed),
		},
		xAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => labels.count(v) } },
		yAxis: { type: 'category', inverse: true, data: rowValues.map((v) => labels.rowName(v)) },
		series: colValues.map((col) => ({
			type: 'bar' as const,
			name: labels.colName(col),
			stack: 'requests',
			barMaxWidth: 22,
			data: rowValues.map((row) => {
				const found = cell.get(JSON.stringify([row, col]));
				// A combination that never occurs is 0; a hidden one is a gap.
				return found ? found.requests : 0;
			}),
		})),
	};
}
