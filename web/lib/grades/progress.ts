// Pure builders for the student-progress panel (GET /api/grades/progress): for one cohort, the shares
// of its students in each cumulative-GPA band (or failed-credit band) at the end of each term, stacked
// to 100%, the bands past an academic-warning line in warm colours.

import type { ProgressRow } from '../api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { escapeHtml, GRID, muted, type Formatters } from './chart-parts.ts';

export type ProgressKind = ProgressRow['kind'];

export interface ProgressLabels extends Formatters {
	term(termIndex: number): string;
	/** A band's name: "GPA < 1.5", "1.5–2", "0 学分", "≥ 20 学分" … */
	band(kind: ProgressKind, row: Pick<ProgressRow, 'band' | 'lower' | 'upper'>): string;
	students: string;
	warning: string;
}

const WARNING_COLORS = ['#b2182b', '#d6604d', '#f4a582'];
const SAFE_COLORS = ['#4393c3', '#92c5de', '#2166ac', '#d1e5f0', '#053061'];

/** The bands of one kind present in the rows, in order, with whether each is a warning band. */
export function bandsOf(rows: readonly ProgressRow[], kind: ProgressKind): Pick<ProgressRow, 'band' | 'lower' | 'upper' | 'warning'>[] {
	const byBand = new Map<number, Pick<ProgressRow, 'band' | 'lower' | 'upper' | 'warning'>>();
	for (const row of rows) if (row.kind === kind && !byBand.has(row.band)) byBand.set(row.band, { band: row.band, lower: row.lower, upper: row.upper, warning: row.warning });
	return [...byBand.values()].sort((a, b) => a.band - b.band);
}

/** The share of a cohort's students present in a term who are in a warning band. */
export function warningShare(rows: readonly ProgressRow[], kind: ProgressKind, entryYear: number, termIndex: number): number | null {
	const cells = rows.filter((r) => r.kind === kind && r.entry_year === entryYear && r.term_index === termIndex);
	if (cells.length === 0 || cells.some((r) => r.warning && r.suppressed)) return null;
	return cells.filter((r) => r.warning).reduce((sum, r) => sum + (r.share ?? 0), 0);
}

export function progressOption(rows: readonly ProgressRow[], kind: ProgressKind, entryYear: number, labels: ProgressLabels): ChartOption | null {
	const own = rows.filter((r) => r.kind === kind && r.entry_year === entryYear);
	if (own.length === 0) return null;
	const terms = [...new Set(own.map((r) => r.term_index))].sort((a, b) => a - b);
	const bands = bandsOf(own, kind);
	const cell = new Map(own.map((r) => [`${r.term_index}:${r.band}`, r]));
	// Warning bands: the worst (furthest from the line) the darkest.
	const warnings = bands.filter((b) => b.warning);
	const safe = bands.filter((b) => !b.warning);
	const colorOf = (band: (typeof bands)[number]) => {
		if (band.warning) {
			const i = kind === 'gpa' ? warnings.indexOf(band) : warnings.length - 1 - warnings.indexOf(band);
			return WARNING_COLORS[Math.min(WARNING_COLORS.length - 1, i)];
		}
		return SAFE_COLORS[safe.indexOf(band) % SAFE_COLORS.length];
	};
	return {
		animationDuration: 400,
		legend: { type: 'scroll', top: 0, left: 0, right: 0, icon: 'roundRect', itemWidth: 14, itemHeight: 8 },
		grid: GRID,
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			confine: true,
			formatter: (raw: unknown) => {
				const params = (Array.isArray(raw) ? raw : [raw]) as { dataIndex: number; seriesIndex: number; marker?: string; seriesName?: string }[];
				const term = terms[params[0]?.dataIndex ?? 0];
				const lines = params.flatMap((p) => {
					const row = cell.get(`${term}:${bands[p.seriesIndex].band}`);
					if (!row) return [];
					const value = row.suppressed ? muted(labels.suppressed) : `<b>${escapeHtml(labels.percent(row.share, 1))}</b> ${muted(`${labels.students} ${labels.count(row.students)}`)}`;
					return [`${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}${row.warning ? ` ${muted(labels.warning)}` : ''}&nbsp;&nbsp;${value}`];
				});
				return [`<b>${escapeHtml(labels.term(term))}</b>`, ...lines].join('<br/>');
			},
		},
		xAxis: { type: 'category', data: terms.map((t) => labels.term(t)) },
		yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => labels.percent(v, 0) } },
		series: bands.map((band) => ({
			type: 'bar' as const,
			name: labels.band(kind, band),
			stack: 'share',
			barMaxWidth: 40,
			itemStyle: { color: colorOf(band) },
			data: terms.map((term) => {
				const row = cell.get(`${term}:${band.band}`);
				return row && !row.suppressed ? row.share : null;
			}),
		})),
	};
}
