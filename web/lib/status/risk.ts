// Withdrawal by a first-year risk factor: bars of the withdrawal rate per band (left axis) and the
// relative risk against the reference band with its Katz 95 % interval as a point and whisker (right
// axis, logarithmic, a line at 1). Pure: the rows of GET /api/status/risk in, an ECharts option out.

import type { CustomSeriesRenderItem } from 'echarts';
import type { StatusRiskFactor, StatusRiskRow } from '../api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { escapeHtml, GRID, muted, type StatusFormatters } from './labels.ts';

export interface RiskLabels extends StatusFormatters {
	band(band: string): string;
	rate: string;
	rr: string;
	reference: string;
	students: string;
	withdrawn: string;
	/** A relative risk or bound as shown (2 significant decimals). */
	ratio(value: number): string;
}

export function factorRows(rows: readonly StatusRiskRow[], factor: StatusRiskFactor): StatusRiskRow[] {
	return rows.filter((r) => r.factor === factor).sort((a, b) => a.band_order - b.band_order);
}

/** The right axis' range: the intervals shown, widened to powers of ten around 1. */
export function ratioAxis(rows: readonly StatusRiskRow[]): { min: number; max: number } {
	const values = rows.flatMap((r) => [r.rr, r.rr_lower, r.rr_upper]).filter((v): v is number => typeof v === 'number' && v > 0);
	const low = Math.min(1, ...values);
	const high = Math.max(1, ...values);
	return { min: 10 ** Math.floor(Math.log10(low)), max: 10 ** Math.ceil(Math.log10(high)) };
}

export function riskOption(rows: readonly StatusRiskRow[], labels: RiskLabels): ChartOption | null {
	if (rows.length === 0) return null;
	const axis = ratioAxis(rows);
	const whiskers = rows
		.map((r, i) => (r.rr_lower !== null && r.rr_upper !== null && !r.suppressed ? [i, r.rr_lower, r.rr_upper] : null))
		.filter((w): w is number[] => w !== null);
	return {
		animationDuration: 400,
		legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 14, itemHeight: 8, data: [labels.rate, labels.rr] },
		grid: { ...GRID, right: 8 },
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			confine: true,
			formatter: (raw: unknown) => {
				const [p] = (Array.isArray(raw) ? raw : [raw]) as { dataIndex: number }[];
				const row = rows[p.dataIndex];
				const head = `<b>${escapeHtml(labels.band(row.band))}</b>`;
				if (row.suppressed || row.students === null) return `${head}<br/>${muted(labels.suppressed)}`;
				const rate = row.rate !== null ? labels.percent(row.rate) : (row.censored?.rate ?? '—');
				const rr = row.reference
					? labels.reference
					: row.rr === null
						? '—'
						: `${labels.ratio(row.rr)}${row.rr_lower !== null && row.rr_upper !== null ? ` (${labels.ratio(row.rr_lower)} – ${labels.ratio(row.rr_upper)})` : ''}`;
				return [
					head,
					`${escapeHtml(labels.rate)} <b>${escapeHtml(rate)}</b> ${muted(`${labels.count(row.withdrawn ?? 0)} / ${labels.count(row.students)}`)}`,
					`${escapeHtml(labels.rr)} <b>${escapeHtml(rr)}</b>`,
				].join('<br/>');
			},
		},
		xAxis: { type: 'category', data: rows.map((r) => labels.band(r.band)) },
		yAxis: [
			{ type: 'value', min: 0, axisLabel: { formatter: (v: number) => labels.percent(v) } },
			{ type: 'log', min: axis.min, max: axis.max, logBase: 10, splitLine: { show: false }, axisLabel: { formatter: (v: number) => labels.ratio(v) } },
		],
		series: [
			{
				type: 'bar',
				name: labels.rate,
				barMaxWidth: 36,
				// Under the intervals: a tall bar must not hide its band's whisker.
				z: 1,
				itemStyle: { color: '#e8a0ab' },
				data: rows.map((r) => (r.suppressed ? null : r.rate)),
			},
			{
				type: 'scatter',
				name: labels.rr,
				yAxisIndex: 1,
				symbolSize: 9,
				z: 4,
				itemStyle: { color: '#c8455a' },
				data: rows.map((r) => (r.suppressed || r.rr === null ? null : r.rr)),
				markLine: {
					silent: true,
					symbol: 'none',
					lineStyle: { type: 'dashed', color: '#64748b' },
					label: { show: false },
					data: [{ yAxis: 1 }],
				},
			},
			{
				type: 'custom',
				name: labels.rr,
				yAxisIndex: 1,
				silent: true,
				z: 3,
				tooltip: { show: false },
				data: whiskers,
				encode: { x: 0, y: [1, 2] },
				renderItem: whisker,
			},
		],
	};
}

/** A vertical whisker from the interval's lower to upper bound, with short caps (a forest plot's line). */
const whisker: CustomSeriesRenderItem = (_params, api) => {
	const x = Number(api.value(0));
	const low = api.coord([x, Number(api.value(1))]);
	const high = api.coord([x, Number(api.value(2))]);
	const half = 5;
	const style = { stroke: '#c8455a', lineWidth: 1.5 };
	return {
		type: 'group',
		children: [
			{ type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style },
			{ type: 'line', shape: { x1: low[0] - half, y1: low[1], x2: low[0] + half, y2: low[1] }, style },
			{ type: 'line', shape: { x1: high[0] - half, y1: high[1], x2: high[0] + half, y2: high[1] }, style },
		],
	};
};
