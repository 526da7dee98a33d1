// Status changes: rates per 1,000 over time (one line per change type), the breakdown of one change
// type (horizontal bars) and the seasonality by month (stacked bars). Pure: the rows of
// GET /api/status/changes in, ECharts options out.

import type { StatusChangeRow } from '../api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { escapeHtml, GRID, muted, type StatusFormatters } from './labels.ts';

/** A row's period as a sortable key: '2021' or '2021-2' (academic year and term). */
export function periodKey(row: Pick<StatusChangeRow, 'academic_year' | 'term'>): string {
	return row.term === null ? String(row.academic_year) : `${row.academic_year}-${row.term}`;
}

/** The groups (change types …) in order of their changes over all periods, largest first. */
export function groupsBySize(rows: readonly StatusChangeRow[]): (string | null)[] {
	const totals = new Map<string | null, number>();
	for (const row of rows) totals.set(row.group_name, (totals.get(row.group_name) ?? 0) + (row.changes ?? 0));
	return [...totals.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]), 'zh-CN')).map(([g]) => g);
}

export interface RateLabels extends StatusFormatters {
	/** The period as shown: '2021-2022学年' or '2021-2022学年第2学期'. */
	period(academicYear: number, term: number | null): string;
	/** A group's name as shown (a change type translated …). */
	group(name: string | null): string;
	/** "人次" — the unit of change records in the tooltip. */
	changes: string;
}

interface Point {
	value: number | null;
	changes: number | null;
	hidden?: boolean;
}

/**
 * One line per change type: the rate per 1,000 on the register, per academic year (or term). A period
 * in which a type has no record has no row: it is drawn as 0, since the register was counted; a hidden
 * (suppressed) cell is a gap.
 */
export function changeRatesOption(rows: readonly StatusChangeRow[], labels: RateLabels): ChartOption | null {
	if (rows.length === 0) return null;
	const periods = [...new Map(rows.map((r) => [periodKey(r), r] as const)).values()].sort(
		(a, b) => (a.academic_year ?? 0) - (b.academic_year ?? 0) || (a.term ?? 0) - (b.term ?? 0),
	);
	const byKey = new Map(rows.map((r) => [`${periodKey(r)}|${r.group_name}`, r]));
	const series = groupsBySize(rows).map((group) => ({
		type: 'line' as const,
		name: labels.group(group),
		symbolSize: 5,
		connectNulls: false,
		emphasis: { focus: 'series' as const },
		data: periods.map((p): Point => {
			const row = byKey.get(`${periodKey(p)}|${group}`);
			if (!row) return { value: 0, changes: 0 };
			if (row.suppressed) return { value: null, changes: null, hidden: true };
			return { value: row.rate_per_1000, changes: row.changes };
		}),
	}));
	return {
		animationDuration: 400,
		legend: { type: 'scroll', top: 0, left: 0, right: 0, icon: 'roundRect', itemWidth: 14, itemHeight: 8 },
		grid: GRID,
		tooltip: {
			trigger: 'axis',
			confine: true,
			formatter: (raw: unknown) => {
				const params = (Array.isArray(raw) ? raw : [raw]) as { marker?: string; seriesName?: string; axisValueLabel?: string; data?: Point }[];
				const lines = params
					.filter((p) => p.data && (p.data.hidden || (p.data.changes ?? 0) > 0))
					.map((p) => {
						const name = `${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}&nbsp;&nbsp;`;
						if (p.data!.hidden) return name + muted(labels.suppressed);
						return `${name}<b>${escapeHtml(labels.perMille(p.data!.value ?? 0))}</b>&nbsp;&nbsp;${muted(`${labels.count(p.data!.changes ?? 0)} ${labels.changes}`)}`;
					});
				return [`<b>${escapeHtml(params[0]?.axisValueLabel ?? '')}</b>`, ...lines].join('<br/>');
			},
		},
		xAxis: { type: 'category', boundaryGap: false, data: periods.map((p) => labels.period(p.academic_year ?? 0, p.term)) },
		yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => labels.perMille(v) } },
		series,
	};
}

/** Bars need room per category: the chart's height for `n` bars. */
export function barChartHeight(n: number): number {
	return Math.max(220, Math.min(720, 60 + 28 * n));
}

export interface BreakdownLabels extends StatusFormatters {
	group(name: string | null): string;
	changes: string;
	rate: string;
}

/** The groups by rate per 1,000, highest on top; the count of changes written beside each bar. */
export function breakdownOption(rows: readonly StatusChangeRow[], labels: BreakdownLabels): ChartOption | null {
	if (rows.length === 0) return null;
	const sorted = sortBreakdown(rows);
	return {
		animationDuration: 400,
		grid: { ...GRID, top: 8, right: 48 },
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			confine: true,
			formatter: (raw: unknown) => {
				const [p] = (Array.isArray(raw) ? raw : [raw]) as { dataIndex: number }[];
				const row = sorted[p.dataIndex];
				const head = `<b>${escapeHtml(labels.group(row.group_name))}</b>`;
				if (row.suppressed) return `${head}<br/>${muted(labels.suppressed)}`;
				const rate = row.rate_per_1000 === null ? '—' : labels.perMille(row.rate_per_1000);
				return `${head}<br/>${escapeHtml(labels.rate)} <b>${escapeHtml(rate)}</b><br/>${muted(`${labels.count(row.changes ?? 0)} ${labels.changes}`)}`;
			},
		},
		xAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => labels.perMille(v) } },
		yAxis: { type: 'category', inverse: true, data: sorted.map((r) => labels.group(r.group_name)) },
		series: [
			{
				type: 'bar',
				name: labels.rate,
				barMaxWidth: 22,
				itemStyle: { color: '#c8455a' },
				data: sorted.map((r) => (r.suppressed ? null : r.rate_per_1000)),
				label: {
					show: true,
					position: 'right',
					formatter: (p: { dataIndex: number }) => {
						const row = sorted[p.dataIndex];
						return row.suppressed || row.changes === null ? '' : labels.count(row.changes);
					},
				},
			},
		],
	};
}

/** Breakdown rows by rate (then changes), hidden ones last. */
export function sortBreakdown(rows: readonly StatusChangeRow[]): StatusChangeRow[] {
	return [...rows].sort(
		(a, b) =>
			Number(Boolean(a.suppressed)) - Number(Boolean(b.suppressed)) ||
			(b.rate_per_1000 ?? -1) - (a.rate_per_1000 ?? -1) ||
			(b.changes ?? 0) - (a.changes ?? 0),
	);
}

export interface SeasonLabels extends StatusFormatters {
	/** Twelve month names, January first. */
	months: readonly string[];
	group(name: string | null): string;
}

/** Changes by calendar month, pooled over the years, stacked by change type. */
export function seasonalityOption(rows: readonly StatusChangeRow[], labels: SeasonLabels): ChartOption | null {
	if (rows.length === 0) return null;
	const byKey = new Map(rows.map((r) => [`${r.month}|${r.group_name}`, r]));
	const series = groupsBySize(rows).map((group) => ({
		type: 'bar' as const,
		stack: 'changes',
		name: labels.group(group),
		barMaxWidth: 28,
		emphasis: { focus: 'series' as const },
		data: labels.months.map((_, i) => {
			const row = byKey.get(`${i + 1}|${group}`);
			return row ? (row.suppressed ? null : row.changes) : 0;
		}),
	}));
	return {
		animationDuration: 400,
		legend: { type: 'scroll', top: 0, left: 0, right: 0, icon: 'roundRect', itemWidth: 14, itemHeight: 8 },
		grid: GRID,
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			confine: true,
			valueFormatter: (value: unknown) => (typeof value === 'number' ? labels.count(value) : labels.suppressed),
		},
		xAxis: { type: 'category', data: [...labels.months] },
		yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => labels.count(v) } },
		series,
	};
}
