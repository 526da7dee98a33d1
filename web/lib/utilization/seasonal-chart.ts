// The seasonal profile: an index per calendar month, 1.0 = an average month of its academic year.
// Pure: the rows of GET /api/utilization/seasonality in, an ECharts option out.

import type { UtilizationSeasonalRow } from '../api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { GRID, type Formatters } from './labels.ts';

export interface SeasonalLabels extends Formatters {
	/** January … December. */
	monthNames: readonly string[];
	index: string;
	/** Numbers with two decimals. */
	decimal(value: number): string;
}

export function seasonalOption(rows: readonly UtilizationSeasonalRow[], labels: SeasonalLabels): ChartOption | null {
	if (rows.length === 0) return null;
	return {
		animationDuration: 400,
		grid: { ...GRID, top: 16 },
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			confine: true,
			valueFormatter: (value: unknown) => (typeof value === 'number' ? labels.decimal(value) : labels.suppressed),
		},
		xAxis: { type: 'category', data: rows.map((r) => labels.monthNames[r.month - 1] ?? String(r.month)) },
		yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => labels.decimal(v) } },
		series: [
			{
				type: 'bar',
				name: labels.index,
				barMaxWidth: 32,
				// Above-average months stand out in a stronger colour.
				data: rows.map((r) => ({ value: r.index, itemStyle: { color: r.index !== null && r.index >= 1 ? '#2f6fb5' : '#9bbbe0' } })),
			},
		],
	};
}
