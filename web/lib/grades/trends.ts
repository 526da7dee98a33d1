// Pure builders for the grade-trend view: key figures, the ECharts option and the data table, all from
// the rows of GET /api/grades/trends. No Svelte, no DOM: labels come in as functions so the caller
// decides the language, and the builders can be tested with plain inputs.

import type { GradeTrendRow, GradeYearTrendRow, Suppressible } from '../api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import type { GradeMetric } from '../url-state.ts';
import { escapeHtml, GRID } from './chart-parts.ts';

export interface TrendSummary {
	/** First-attempt results behind the figures: n summed over the visible (unsuppressed) cells. */
	results: number;
	/** Mean score over all rows, weighted by n. */
	mean: number | null;
	/** Fail rate over all rows, weighted by n. */
	failRate: number | null;
	/** Entry years present, ascending. */
	cohorts: number[];
	/** Term indexes present, ascending. */
	terms: number[];
}

function weightedMean(rows: readonly GradeTrendRow[], pick: (row: GradeTrendRow) => number | null): number | null {
	let weight = 0;
	let sum = 0;
	for (const row of rows) {
		const value = pick(row);
		const n = row.n ?? 0;
		if (value === null || !Number.isFinite(value) || !(n > 0)) continue;
		weight += n;
		sum += n * value;
	}
	return weight > 0 ? sum / weight : null;
}

export function summarizeTrends(rows: readonly GradeTrendRow[]): TrendSummary {
	const cohorts = new Set<number>();
	const terms = new Set<number>();
	let results = 0;
	for (const row of rows) {
		cohorts.add(row.entry_year);
		terms.add(row.term_index);
		results += row.n ?? 0;
	}
	return {
		results,
		mean: weightedMean(rows, (row) => row.mean),
		failRate: weightedMean(rows, (row) => row.fail_rate),
		cohorts: [...cohorts].sort((a, b) => a - b),
		terms: [...terms].sort((a, b) => a - b),
	};
}

export interface TrendLabels {
	term(termIndex: number): string;
	cohort(entryYear: number): string;
	/** The name of the metric drawn, e.g. 平均分. */
	metric: string;
	/** The label of the count in the tooltip, e.g. 人数. */
	n: string;
	/** A metric value as shown to the reader (score with one decimal, rate as a percentage). */
	value(value: number): string;
	/** Said instead of a value for a cell the server hid (too few students). */
	suppressed: string;
	/** A tick on the value axis (fewer decimals than `value`). */
	axis(value: number): string;
	count(n: number): string;
}

interface PointData {
	value: number | null;
	n: number | null;
	/** Why there is no value: the server hid the cell, or gave only a bound ('<5%'). */
	hidden?: 'suppressed' | string;
}

interface TooltipParam {
	marker?: string;
	seriesName?: string;
	axisValueLabel?: string;
	data?: PointData | null;
}


/** One line per entry cohort; x = term since entry; y = the chosen metric; the tooltip adds n. */
export function trendsOption(rows: readonly GradeTrendRow[], metric: GradeMetric, labels: TrendLabels): ChartOption {
	const { cohorts, terms } = summarizeTrends(rows);
	const byKey = new Map(rows.map((row) => [`${row.entry_year}:${row.term_index}`, row]));
	const isRate = metric === 'fail_rate';

	const series = cohorts.map((year) => ({
		type: 'line' as const,
		name: labels.cohort(year),
		symbolSize: 6,
		connectNulls: false,
		emphasis: { focus: 'series' as const },
		data: terms.map((term): PointData => {
			const row = byKey.get(`${year}:${term}`);
			if (!row) return { value: null, n: null };
			const hidden = row.suppressed ? 'suppressed' : row.censored?.[metric];
			return { value: row[metric] ?? null, n: row.n, ...(hidden ? { hidden } : {}) };
		}),
	}));

	return {
		animationDuration: 400,
		legend: { type: 'scroll', top: 0, left: 0, right: 0, icon: 'roundRect', itemWidth: 14, itemHeight: 8 },
		grid: {
			left: 4,
			right: 16,
			top: 40,
			bottom: 4,
			// Keep axis labels inside the canvas at any width (ECharts 6's successor of containLabel).
			outerBoundsMode: 'same',
			outerBoundsContain: 'axisLabel',
		},
		tooltip: {
			trigger: 'axis',
			confine: true,
			formatter: (raw: unknown) => {
				const params = (Array.isArray(raw) ? raw : [raw]) as TooltipParam[];
				const head = escapeHtml(params[0]?.axisValueLabel ?? '');
				const muted = (text: string) => `<span style="color:#64748b">${escapeHtml(text)}</span>`;
				const lines = params
					.filter((p) => p.data && (p.data.value !== null || p.data.hidden))
					.map((p) => {
						const data = p.data as PointData;
						const name = `${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}&nbsp;&nbsp;`;
						if (data.hidden === 'suppressed') return name + muted(labels.suppressed);
						const value = data.value === null ? (data.hidden ?? '') : labels.value(data.value);
						const count = data.n === null ? '' : `&nbsp;&nbsp;${muted(`${labels.n} ${labels.count(data.n)}`)}`;
						return `${name}<b>${escapeHtml(value)}</b>${count}`;
					});
				return [`<b>${head}</b>`, ...lines].join('<br/>');
			},
		},
		xAxis: {
			type: 'category',
			boundaryGap: false,
			data: terms.map((term) => labels.term(term)),
		},
		yAxis: {
			type: 'value',
			// Scores cluster between 60 and 90: start the axis near the data, not at 0. Rates start at 0.
			scale: !isRate,
			min: isRate ? 0 : undefined,
			axisLabel: { formatter: (value: number) => labels.axis(value) },
		},
		series,
	};
}

export interface TrendTableRow extends Record<string, unknown>, Suppressible {
	entry_year: number;
	term_index: number;
	n: number | null;
	mean: number | null;
	median: number | null;
	p10: number | null;
	p90: number | null;
	fail_rate: number | null;
	/** Why values are missing: hidden cell, or a rate given only as a bound. Empty otherwise. */
	note: string;
}

export interface NoteLabels {
	suppressed: string;
	/** e.g. "不及格率 <5%（基数小）" for field fail_rate, bound '<5%'. */
	censored(field: string, bound: string): string;
}

/** The rows behind the chart, sorted by cohort then term (the order a reader scans a table in). */
export function trendTableRows(rows: readonly GradeTrendRow[], notes: NoteLabels): TrendTableRow[] {
	return [...rows]
		.sort((a, b) => a.entry_year - b.entry_year || a.term_index - b.term_index)
		.map((row) => {
			const note = row.suppressed
				? notes.suppressed
				: Object.entries(row.censored ?? {})
						.map(([field, bound]) => notes.censored(field, bound))
						.join('; ');
			return { ...row, note };
		});
}

/**
 * The calendar view: x = academic year, one line for all cohorts under the filters (a bar per year
 * would hide the trend the line shows); the tooltip adds n. Rows of GET /api/grades/trends/years.
 */
export function yearTrendsOption(
	rows: readonly GradeYearTrendRow[],
	metric: GradeMetric,
	labels: Omit<TrendLabels, 'term' | 'cohort'> & { year(academicYear: number): string },
): ChartOption | null {
	if (rows.length === 0) return null;
	const years = [...rows].sort((a, b) => a.academic_year - b.academic_year);
	const isRate = metric === 'fail_rate';
	return {
		animationDuration: 400,
		grid: { ...GRID, top: 16 },
		tooltip: {
			trigger: 'axis',
			confine: true,
			formatter: (raw: unknown) => {
				const [p] = (Array.isArray(raw) ? raw : [raw]) as { dataIndex: number }[];
				const row = years[p.dataIndex];
				const head = `<b>${escapeHtml(labels.year(row.academic_year))}</b>`;
				const muted = (text: string) => `<span style="color:#64748b">${escapeHtml(text)}</span>`;
				if (row.suppressed) return `${head}<br/>${muted(labels.suppressed)}`;
				const value = row[metric];
				const shown = value === null ? (row.censored?.[metric] ?? '—') : labels.value(value);
				return `${head}<br/>${escapeHtml(labels.metric)} <b>${escapeHtml(shown)}</b>&nbsp;&nbsp;${muted(`${labels.n} ${labels.count(row.n ?? 0)}`)}`;
			},
		},
		xAxis: { type: 'category', boundaryGap: false, data: years.map((row) => labels.year(row.academic_year)) },
		yAxis: {
			type: 'value',
			scale: !isRate,
			min: isRate ? 0 : undefined,
			axisLabel: { formatter: (value: number) => labels.axis(value) },
		},
		series: [
			{
				type: 'line',
				name: labels.metric,
				symbolSize: 6,
				connectNulls: false,
				data: years.map((row) => (row.suppressed ? null : row[metric])),
			},
		],
	};
}
