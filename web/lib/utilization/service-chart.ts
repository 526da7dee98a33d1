// Service times: the median and P90 turnaround per channel (or purpose …) on a logarithmic axis, since
// they run from minutes at a kiosk to days by post. The axis counts minutes: a log axis draws its bars
// from 1, and no completion takes less than a minute, so every bar grows to the right (in hours, the
// counter's half hour would hang to the left of 1). Pure: the rows of GET /api/utilization/service in.

import type { UtilizationServiceRow } from '../api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { GRID, type Formatters } from './labels.ts';

export interface ServiceLabels extends Formatters {
	name(value: string | null): string;
	median: string;
	p90: string;
	axis: string;
	/** Hours as shown: minutes under an hour, hours above. */
	hours(hours: number): string;
}

/** Hours in words: "25 分钟" under an hour, "3.5 小时" from one hour on. */
export function formatHours(hours: number | null, units: { minutes(n: string): string; hours(n: string): string }, number: (n: number, digits: number) => string): string {
	if (hours === null || !Number.isFinite(hours)) return '—';
	if (hours < 1) return units.minutes(number(Math.round(hours * 60), 0));
	return units.hours(number(hours, hours < 10 ? 1 : 0));
}

/** Hours as minutes for the axis, never below the axis' 1 minute. */
export const toMinutes = (hours: number | null): number | null => (hours === null ? null : Math.max(1, hours * 60));

export function serviceOption(rows: readonly UtilizationServiceRow[], labels: ServiceLabels): ChartOption | null {
	const shown = rows.filter((r) => r.median_hours !== null || r.suppressed);
	if (shown.length === 0) return null;
	return {
		animationDuration: 400,
		legend: { top: 0, left: 0 },
		// Room below the axis labels for the axis name (log scale).
		grid: { ...GRID, bottom: 26 },
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			confine: true,
			valueFormatter: (value: unknown) => (typeof value === 'number' ? labels.hours(value / 60) : labels.suppressed),
		},
		xAxis: {
			type: 'log',
			min: 1,
			name: labels.axis,
			nameLocation: 'middle',
			nameGap: 26,
			axisLabel: { formatter: (minutes: number) => labels.hours(minutes / 60), hideOverlap: true },
		},
		yAxis: { type: 'category', inverse: true, data: shown.map((r) => labels.name(r.value)) },
		series: [
			{ type: 'bar', name: labels.median, data: shown.map((r) => toMinutes(r.median_hours)), barMaxWidth: 16, itemStyle: { color: '#2f6fb5' } },
			{ type: 'bar', name: labels.p90, data: shown.map((r) => toMinutes(r.p90_hours)), barMaxWidth: 16, itemStyle: { color: '#9bbbe0' } },
		],
	};
}
