// Outcomes per entry cohort: first-year retention and graduation within 100 / 150 / 200 % of normal
// time. Pure: the rows of GET /api/status/outcomes in; the key figures, the ECharts option and the data
// table's rows out. A measure not yet measurable (or undated) has no bar and says so — never a 0.

import type { MeasureState, StatusOutcomeRow } from '../api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import type { StatusOutcomeMeasure } from '../url-state.ts';
import { escapeHtml, GRID, muted, type StatusFormatters } from './labels.ts';

export const OUTCOME_MEASURES: readonly StatusOutcomeMeasure[] = ['retention', 'grad_100', 'grad_150', 'grad_200'];

const MEASURE_COLORS: Record<StatusOutcomeMeasure, string> = {
	retention: '#2f6fb5',
	grad_100: '#7fa23a',
	grad_150: '#2e9e6b',
	grad_200: '#1f6b4a',
};

export function rateOf(row: StatusOutcomeRow, measure: StatusOutcomeMeasure): number | null {
	return measure === 'retention' ? row.retention_rate : row[`${measure}_rate`];
}

export function countOf(row: StatusOutcomeRow, measure: StatusOutcomeMeasure): number | null {
	return measure === 'retention' ? row.retained : row[measure];
}

export function stateOf(row: StatusOutcomeRow, measure: StatusOutcomeMeasure): MeasureState {
	return row[`${measure}_state`];
}

export interface KeyFigure {
	entryYear: number;
	rate: number;
	count: number;
	base: number;
}

export interface OutcomeKeyFigures {
	/** Each measure for the latest cohort it is measured (and shown) for. */
	latest: Record<StatusOutcomeMeasure, KeyFigure | null>;
	/** Withdrawn now (退学, 肄业) over everyone who entered, all cohorts shown. */
	withdrawn: { count: number; n: number; share: number } | null;
}

/** From the rows of by = none (one per cohort). */
export function outcomeKeyFigures(rows: readonly StatusOutcomeRow[]): OutcomeKeyFigures {
	const latest = {} as Record<StatusOutcomeMeasure, KeyFigure | null>;
	const newestFirst = [...rows].sort((a, b) => b.entry_year - a.entry_year);
	for (const measure of OUTCOME_MEASURES) {
		const row = newestFirst.find((r) => !r.suppressed && stateOf(r, measure) === 'measured' && rateOf(r, measure) !== null && countOf(r, measure) !== null);
		latest[measure] = row
			? { entryYear: row.entry_year, rate: rateOf(row, measure)!, count: countOf(row, measure)!, base: row.n_adjusted ?? 0 }
			: null;
	}
	let count = 0;
	let n = 0;
	for (const row of rows) {
		if (row.withdrawn === null || row.n === null) continue;
		count += row.withdrawn;
		n += row.n;
	}
	return { latest, withdrawn: n > 0 ? { count, n, share: count / n } : null };
}

export interface OutcomeLabels extends StatusFormatters {
	cohort(entryYear: number): string;
	measure(measure: StatusOutcomeMeasure): string;
	group(name: string | null): string;
	/** Said for a measure whose window has not ended, or whose outcomes have no date. */
	state(state: MeasureState): string;
}

interface Bar {
	value: number | null;
	count: number | null;
	base: number | null;
	note?: string;
}

function bar(row: StatusOutcomeRow | undefined, measure: StatusOutcomeMeasure, labels: OutcomeLabels): Bar {
	if (!row) return { value: null, count: null, base: null };
	if (row.suppressed) return { value: null, count: null, base: null, note: labels.suppressed };
	const state = stateOf(row, measure);
	if (state !== 'measured') return { value: null, count: null, base: null, note: labels.state(state) };
	const bound = row.censored?.[measure === 'retention' ? 'retention_rate' : `${measure}_rate`];
	return { value: rateOf(row, measure), count: countOf(row, measure), base: row.n_adjusted, note: bound };
}

/**
 * by = none: per cohort, a bar for each measure. Cut by college, major or level: one line per group for
 * the chosen measure, over the cohorts.
 */
export function outcomesOption(
	rows: readonly StatusOutcomeRow[],
	grouped: boolean,
	measure: StatusOutcomeMeasure,
	labels: OutcomeLabels,
): ChartOption | null {
	if (rows.length === 0) return null;
	const cohorts = [...new Set(rows.map((r) => r.entry_year))].sort((a, b) => a - b);
	const groups = [...new Set(rows.map((r) => r.group_name))];
	const find = (year: number, group: string | null) => rows.find((r) => r.entry_year === year && r.group_name === group);
	const series = grouped
		? groups.map((group) => ({
				type: 'line' as const,
				name: labels.group(group),
				symbolSize: 6,
				connectNulls: false,
				emphasis: { focus: 'series' as const },
				data: cohorts.map((year) => bar(find(year, group), measure, labels)),
			}))
		: OUTCOME_MEASURES.map((m) => ({
				type: 'bar' as const,
				name: labels.measure(m),
				barMaxWidth: 18,
				itemStyle: { color: MEASURE_COLORS[m] },
				data: cohorts.map((year) => bar(find(year, null), m, labels)),
			}));
	return {
		animationDuration: 400,
		legend: { type: 'scroll', top: 0, left: 0, right: 0, icon: 'roundRect', itemWidth: 14, itemHeight: 8 },
		grid: GRID,
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: grouped ? 'line' : 'shadow' },
			confine: true,
			formatter: (raw: unknown) => {
				const params = (Array.isArray(raw) ? raw : [raw]) as { marker?: string; seriesName?: string; axisValueLabel?: string; data?: Bar }[];
				const lines = params
					.filter((p) => p.data && (p.data.value !== null || p.data.note))
					.map((p) => {
						const data = p.data!;
						const name = `${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}&nbsp;&nbsp;`;
						if (data.value === null) return name + muted(data.note ?? '');
						const counts = data.count !== null && data.base !== null ? `&nbsp;&nbsp;${muted(`${labels.count(data.count)} / ${labels.count(data.base)}`)}` : '';
						return `${name}<b>${escapeHtml(labels.percent(data.value))}</b>${counts}`;
					});
				return [`<b>${escapeHtml(params[0]?.axisValueLabel ?? '')}</b>`, ...lines].join('<br/>');
			},
		},
		xAxis: { type: 'category', data: cohorts.map((y) => labels.cohort(y)) },
		yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => labels.percent(v) } },
		series,
	};
}

/** A rate cell of the table: the percentage with its count, the server's bound, or why there is none. */
export function outcomeCell(row: StatusOutcomeRow, measure: StatusOutcomeMeasure, labels: OutcomeLabels): string {
	if (row.suppressed) return '—';
	const state = stateOf(row, measure);
	if (state !== 'measured') return labels.state(state);
	const rate = rateOf(row, measure);
	const count = countOf(row, measure);
	const field = measure === 'retention' ? 'retention_rate' : `${measure}_rate`;
	const shown = rate !== null ? labels.percent(rate) : (row.censored?.[field] ?? '—');
	return count === null ? shown : `${shown} (${labels.count(count)})`;
}
