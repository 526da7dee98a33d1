// The overview's key figures from GET /api/overview: per measure, the latest point shown, the point of
// the year before it, the change between them, and the series for the small trend line; the ECharts
// option and table of one measure's trend. Pure: numbers in, numbers and options out (the page formats).
//
// The change is counted only between consecutive years (2025 against 2024, cohort 2020 against 2019):
// when the year before is hidden (suppressed) or missing there is no change to show, rather than a
// change against an older year that would read as "since last year".

import type { Overview, OverviewMeasure, OverviewMeasureInfo, OverviewPoint, OverviewUnit } from '../api.ts';
import type { ChartOption } from '../charts/echarts.ts';

export interface FigureSummary extends OverviewMeasureInfo {
	latest: OverviewPoint | null;
	previous: OverviewPoint | null;
	/** latest − previous, in the measure's unit (a share's change is in shares: 0.012 = 1.2 points). */
	change: number | null;
	/** For counts, the change relative to the previous year (0.031 = +3.1 %). */
	relativeChange: number | null;
	/** The visible points in year order, for the sparkline. */
	series: { year: number; value: number }[];
}

const COUNTS: readonly OverviewUnit[] = ['students', 'requests'];

const visible = (p: OverviewPoint): p is OverviewPoint & { value: number } => !p.suppressed && p.value !== null;

export function summarizeFigures(answer: Pick<Overview, 'measures' | 'rows'>): FigureSummary[] {
	return answer.measures.map((info) => {
		const points = answer.rows.filter((r) => r.measure === info.measure).sort((a, b) => a.year - b.year);
		const shown = points.filter(visible);
		const latest = shown.at(-1) ?? null;
		const before = latest ? points.find((p) => p.year === latest.year - 1) : undefined;
		const previous = before && visible(before) ? before : null;
		const change = latest && previous ? latest.value! - previous.value! : null;
		const relativeChange = change !== null && COUNTS.includes(info.unit) && previous!.value! > 0 ? change / previous!.value! : null;
		return { ...info, latest, previous, change, relativeChange, series: shown.map((p) => ({ year: p.year, value: p.value })) };
	});
}

/** Points of an SVG polyline drawing the series in a width × height box (empty for fewer than two points). */
export function sparklinePoints(series: readonly { year: number; value: number }[], width: number, height: number, pad = 2): string {
	if (series.length < 2) return '';
	const years = series.map((p) => p.year);
	const values = series.map((p) => p.value);
	const [x0, x1] = [Math.min(...years), Math.max(...years)];
	const [y0, y1] = [Math.min(...values), Math.max(...values)];
	const x = (year: number) => pad + ((year - x0) / (x1 - x0)) * (width - 2 * pad);
	// A flat series sits in the middle rather than on an edge.
	const y = (value: number) => (y1 === y0 ? height / 2 : height - pad - ((value - y0) / (y1 - y0)) * (height - 2 * pad));
	return series.map((p) => `${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
}

export interface TrendLabels {
	name: string;
	yearLabel: (year: number) => string;
	value: (value: number) => string;
	suppressed: string;
}

/** One measure's points over the years: a line, gaps where a point is hidden. */
export function trendOption(rows: readonly OverviewPoint[], measure: OverviewMeasure, labels: TrendLabels): ChartOption | null {
	const points = rows.filter((r) => r.measure === measure).sort((a, b) => a.year - b.year);
	if (points.length === 0) return null;
	return {
		animationDuration: 400,
		grid: { left: 64, right: 24, top: 24, bottom: 40 },
		tooltip: {
			trigger: 'axis',
			confine: true,
			valueFormatter: (value: unknown) => (typeof value === 'number' ? labels.value(value) : labels.suppressed),
		},
		xAxis: { type: 'category', data: points.map((p) => labels.yearLabel(p.year)) },
		yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => labels.value(v) } },
		series: [{ type: 'line', name: labels.name, data: points.map((p) => (visible(p) ? p.value : null)), symbolSize: 7, connectNulls: false }],
	};
}
