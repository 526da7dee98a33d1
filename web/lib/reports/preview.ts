// Pure builders for the reports page's preview, from the JSON of GET /api/reports/cohort: the key
// figures, the grade-trend chart and the section tables. No Svelte, no DOM: words and number formats
// come in as functions, so the caller picks the language and tests can pass plain ones.

import type { CohortReport, ReportCellKind, ReportSection } from '../api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { GRID } from '../grades/chart-parts.ts';

// The shapes KeyFigures.svelte and Chart.svelte take (declared there; repeated here because a .ts module
// cannot read types out of a .svelte file under plain tsc).
export interface Figure {
	key?: string;
	label: string;
	value: string | null;
	hint?: string;
}

export interface TableColumn {
	key: string;
	label: string;
	numeric?: boolean;
	format?: (value: unknown, row: Record<string, unknown>) => string;
}

export interface ChartTable {
	columns: TableColumn[];
	rows: Record<string, unknown>[];
}

export interface PreviewFormats {
	number(value: number | null, digits?: number): string;
	percent(value: number | null): string;
}

export interface FigureLabels {
	students: string;
	studentsHint(n: string): string;
	retention: string;
	grad100: string;
	grad150: string;
	meanGpa: string;
	meanGpaHint(n: string): string;
	failRate: string;
	failRateHint(n: string): string;
	notYet: string;
	undated: string;
}

/** The six key figures of the overview; a hidden or unmeasurable one shows "—" with the reason. */
export function reportFigures(report: CohortReport, labels: FigureLabels, f: PreviewFormats): Figure[] {
	const o = report.overview;
	const stateHint = (state: string | null) => (state === 'not_yet' ? labels.notYet : state === 'undated' ? labels.undated : '');
	return [
		{ key: 'students', label: labels.students, value: o.students === null ? null : f.number(o.students), hint: o.n_adjusted === null ? '' : labels.studentsHint(f.number(o.n_adjusted)) },
		{ key: 'retention', label: labels.retention, value: o.retention_rate === null ? null : f.percent(o.retention_rate), hint: stateHint(o.retention_state) },
		{ key: 'grad100', label: labels.grad100, value: o.grad_100_rate === null ? null : f.percent(o.grad_100_rate), hint: stateHint(o.grad_100_state) },
		{ key: 'grad150', label: labels.grad150, value: o.grad_150_rate === null ? null : f.percent(o.grad_150_rate), hint: stateHint(o.grad_150_state) },
		{ key: 'meanGpa', label: labels.meanGpa, value: o.mean_gpa === null ? null : f.number(o.mean_gpa, 2), hint: o.gpa_students === null ? '' : labels.meanGpaHint(f.number(o.gpa_students)) },
		{ key: 'failRate', label: labels.failRate, value: o.fail_rate === null ? null : f.percent(o.fail_rate), hint: o.results === null ? '' : labels.failRateHint(f.number(o.results)) },
	];
}

/** A cell as the on-screen table shows it: '—' for hidden, a censoring mark as it is. */
export function formatReportCell(value: unknown, kind: ReportCellKind, f: PreviewFormats): string {
	if (value === null || value === undefined) return '—';
	if (typeof value !== 'number') return String(value);
	if (kind === 'rate') return f.percent(value);
	if (kind === 'decimal') return f.number(value, 2);
	if (kind === 'int') return f.number(value);
	return String(value);
}

/**
 * A section as a table: the column labels from `label(section, key)` (the page's dictionary); the
 * outcome lines named by their `key`, and their note by their window's `state`, in the page's words.
 */
export function sectionTable(
	section: ReportSection,
	label: (section: ReportSection, key: string) => string,
	f: PreviewFormats,
	lineLabel?: (key: string) => string | null,
	stateLabel?: (state: string) => string,
): ChartTable {
	const columns: TableColumn[] = section.columns.map((column) => ({
		key: column.key,
		label: label(section, column.key),
		numeric: column.kind !== 'text',
		format: (value: unknown) => formatReportCell(value, column.kind, f),
	}));
	const rows = section.rows.map((row) => {
		if (section.id !== 'outcomes') return row;
		const named = lineLabel && typeof row.key === 'string' ? lineLabel(row.key) : null;
		const note = stateLabel && typeof row.state === 'string' && row.state !== 'measured' ? stateLabel(row.state) : row.note;
		return { ...row, outcome: named ?? row.outcome, note };
	});
	return { columns, rows };
}

export interface TrendChartLabels {
	term(index: number): string;
	mean: string;
	failRate: string;
}

/** Mean score per term (bars) and the fail rate (line, right axis); hidden terms are gaps. */
export function trendsOption(section: ReportSection, labels: TrendChartLabels): ChartOption {
	const rows = section.rows;
	const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
	return {
		grid: { ...GRID, right: 56 },
		tooltip: { trigger: 'axis' },
		legend: { top: 0, data: [labels.mean, labels.failRate] },
		xAxis: { type: 'category', data: rows.map((row) => labels.term(row.term_index as number)) },
		yAxis: [
			{ type: 'value', name: labels.mean, min: 0, max: 100 },
			{ type: 'value', name: `${labels.failRate} %`, min: 0, splitLine: { show: false } },
		],
		series: [
			{ name: labels.mean, type: 'bar', data: rows.map((row) => num(row.mean)), itemStyle: { color: '#3b6ea5' } },
			{
				name: labels.failRate,
				type: 'line',
				yAxisIndex: 1,
				connectNulls: false,
				data: rows.map((row) => (num(row.fail_rate) === null ? null : Number((num(row.fail_rate)! * 100).toFixed(1)))),
				itemStyle: { color: '#c0504d' },
			},
		],
	};
}
