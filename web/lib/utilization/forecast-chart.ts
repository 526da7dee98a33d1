// The trend-and-forecast chart: monthly requests, the backtest (the model's and the naive baseline's
// forecasts of the held-out year beside what happened) and the forecast with its 80 % and 95 % bands.
// Pure: the answer of GET /api/utilization/forecast in, an ECharts option and table rows out.

import type { UtilizationForecast } from '../api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { escapeHtml, GRID, type Formatters } from './labels.ts';

export interface ForecastLabels extends Formatters {
	actual: string;
	backtest: string;
	naive: string;
	forecast: string;
	band80: string;
	band95: string;
}

export const FORECAST_COLORS = {
	actual: '#2f6fb5',
	backtest: '#e07b39',
	naive: '#94a3b8',
	forecast: '#2e9e6b',
	band80: 'rgba(46, 158, 107, 0.28)',
	band95: 'rgba(46, 158, 107, 0.12)',
} as const;

interface TooltipParam {
	dataIndex: number;
	axisValueLabel?: string;
}

/** The months on the x axis: every history month, then every forecast month. */
export function forecastMonths(data: UtilizationForecast): string[] {
	return [...data.rows.map((r) => r.month), ...data.forecast.map((f) => f.month)];
}

export function forecastOption(data: UtilizationForecast, labels: ForecastLabels): ChartOption | null {
	if (data.rows.length === 0) return null;
	const months = forecastMonths(data);
	const history = data.rows.length;
	const pad = <T>(values: T[], before: number): (T | null)[] => [...Array<null>(before).fill(null), ...values];
	const future = <T>(pick: (f: UtilizationForecast['forecast'][number]) => T) => pad(data.forecast.map(pick), history);

	// Bands drawn as a stack: an invisible lower edge, then the width filled above it.
	const band = (name: string, color: string, lower: (number | null)[], upper: (number | null)[], stack: string) => [
		{
			type: 'line' as const,
			name,
			stack,
			data: lower,
			symbol: 'none',
			silent: true,
			lineStyle: { opacity: 0 },
			itemStyle: { color },
			tooltip: { show: false },
		},
		{
			type: 'line' as const,
			name,
			stack,
			data: upper.map((u, i) => (u === null || lower[i] === null ? null : u - (lower[i] as number))),
			symbol: 'none',
			silent: true,
			lineStyle: { opacity: 0 },
			areaStyle: { color },
			itemStyle: { color },
			tooltip: { show: false },
		},
	];

	const last = data.rows[history - 1];
	// The forecast line starts from the last actual month, so the two read as one line.
	const forecastLine = data.forecast.length === 0 ? [] : [...Array<null>(history - 1).fill(null), last.requests, ...data.forecast.map((f) => f.forecast)];

	return {
		animationDuration: 400,
		legend: {
			type: 'scroll',
			top: 0,
			left: 0,
			right: 0,
			data: [labels.actual, labels.backtest, labels.naive, labels.forecast, labels.band80, labels.band95],
		},
		grid: GRID,
		tooltip: {
			trigger: 'axis',
			confine: true,
			formatter: (raw: unknown) => {
				const params = (Array.isArray(raw) ? raw : [raw]) as TooltipParam[];
				const i = params[0]?.dataIndex ?? 0;
				const lines = [`<b>${escapeHtml(months[i] ?? '')}</b>`];
				const row = data.rows[i];
				const line = (label: string, value: string) => `${escapeHtml(label)}&nbsp;&nbsp;<b>${escapeHtml(value)}</b>`;
				if (row) {
					lines.push(line(labels.actual, row.suppressed ? labels.suppressed : row.requests === null ? '—' : labels.count(row.requests)));
					if (row.backtest !== null) lines.push(line(labels.backtest, labels.count(Math.round(row.backtest))));
					if (row.naive !== null) lines.push(line(labels.naive, labels.count(row.naive)));
				} else {
					const f = data.forecast[i - history];
					lines.push(line(labels.forecast, labels.count(Math.round(f.forecast))));
					if (f.lower80 !== null && f.upper80 !== null) lines.push(line(labels.band80, `${labels.count(Math.round(f.lower80))}–${labels.count(Math.round(f.upper80))}`));
					if (f.lower95 !== null && f.upper95 !== null) lines.push(line(labels.band95, `${labels.count(Math.round(f.lower95))}–${labels.count(Math.round(f.upper95))}`));
				}
				return lines.join('<br/>');
			},
		},
		xAxis: { type: 'category', boundaryGap: false, data: months },
		yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => labels.count(v) } },
		series: [
			...band(labels.band95, FORECAST_COLORS.band95, future((f) => f.lower95), future((f) => f.upper95), 'band95'),
			...band(labels.band80, FORECAST_COLORS.band80, future((f) => f.lower80), future((f) => f.upper80), 'band80'),
			{
				type: 'line',
				name: labels.actual,
				data: data.rows.map((r) => r.requests),
				symbolSize: 4,
				connectNulls: false,
				itemStyle: { color: FORECAST_COLORS.actual },
			},
			{
				type: 'line',
				name: labels.backtest,
				data: data.rows.map((r) => r.backtest),
				symbol: 'none',
				lineStyle: { type: 'dashed', width: 2 },
				itemStyle: { color: FORECAST_COLORS.backtest },
			},
			{
				type: 'line',
				name: labels.naive,
				data: data.rows.map((r) => r.naive),
				symbol: 'none',
				lineStyle: { type: 'dotted', width: 2 },
				itemStyle: { color: FORECAST_COLORS.naive },
			},
			{
				type: 'line',
				name: labels.forecast,
				data: forecastLine,
				symbolSize: 4,
				lineStyle: { width: 2 },
				itemStyle: { color: FORECAST_COLORS.forecast },
			},
		],
	};
}

export interface ForecastTableRow extends Record<string, unknown> {
	month: string;
	requests: number | null;
	backtest: number | null;
	naive: number | null;
	forecast: number | null;
	lower80: number | null;
	upper80: number | null;
	lower95: number | null;
	upper95: number | null;
	note: string;
}

/** One row per month, history then forecast, with the columns the chart draws. */
export function forecastTableRows(data: UtilizationForecast, suppressed: string): ForecastTableRow[] {
	const empty = { forecast: null, lower80: null, upper80: null, lower95: null, upper95: null };
	return [
		...data.rows.map((r) => ({ month: r.month, requests: r.requests, backtest: r.backtest, naive: r.naive, ...empty, note: r.suppressed ? suppressed : '' })),
		...data.forecast.map((f) => ({ requests: null, backtest: null, naive: null, ...f, note: '' })),
	];
}
