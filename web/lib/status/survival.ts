// Time to withdrawal: Kaplan–Meier curves drawn as the cumulative share withdrawn, 1 − S(t), which
// reads better than S near 1 (a 3 % rise is visible; 0.97 against 1.00 is not), rising at the term of
// each withdrawal and level until the next (ECharts step 'end'), with the 95 % band for the groups
// asked for. Pure: the rows of GET /api/status/survival in, an ECharts option out.

import type { StatusSurvivalRow } from '../api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { CHART_PALETTE } from '../charts/echarts.ts';
import { escapeHtml, GRID, muted, type StatusFormatters } from './labels.ts';

/** The groups of the answer in their order; whether each is shown (not hidden by suppression). */
export function survivalGroups(rows: readonly StatusSurvivalRow[]): { name: string | null; hidden: boolean; n: number | null }[] {
	const groups = new Map<string | null, { name: string | null; hidden: boolean; n: number | null }>();
	for (const row of rows) {
		if (!groups.has(row.group_name)) groups.set(row.group_name, { name: row.group_name, hidden: Boolean(row.suppressed), n: row.group_n });
	}
	return [...groups.values()];
}

export interface SurvivalLabels extends StatusFormatters {
	term(term: number): string;
	/** The entry point (term 0). */
	entry: string;
	group(name: string | null): string;
	atRisk: string;
	band: string;
}

interface Point {
	value: number | null;
	atRisk: number | null;
	lower?: number | null;
	upper?: number | null;
}

/**
 * A curve is drawn while at least this many students are still at risk: past that, one withdrawal
 * moves it by several points and the tail says more about chance than about the group (the usual
 * practice of cutting Kaplan–Meier plots where few remain; the data table keeps every term).
 */
export const MIN_AT_RISK = 10;

/**
 * One step line per shown group (cumulative withdrawal from entry, term 0, on); for the groups in
 * `banded`, the 95 % band as a shaded area (drawn as a stacked pair: the band's lower edge, invisible,
 * then its width). Groups hidden by suppression are left out.
 */
export function survivalOption(rows: readonly StatusSurvivalRow[], banded: ReadonlySet<string | null>, labels: SurvivalLabels): ChartOption | null {
	const groups = survivalGroups(rows).filter((g) => !g.hidden);
	if (groups.length === 0) return null;
	const terms = [...new Set(rows.map((r) => r.term))].sort((a, b) => a - b);
	const byKey = new Map(rows.map((r) => [`${r.group_name}|${r.term}`, r]));
	const color = (i: number) => CHART_PALETTE[i % CHART_PALETTE.length];
	const points = (group: string | null): Point[] => [
		{ value: 0, atRisk: null, lower: 0, upper: 0 },
		...terms.map((term): Point => {
			const row = byKey.get(`${group}|${term}`);
			if (!row || row.survival === null || (row.at_risk ?? 0) < MIN_AT_RISK) return { value: null, atRisk: row?.at_risk ?? null };
			return {
				value: 1 - row.survival,
				atRisk: row.at_risk,
				lower: row.upper === null ? null : 1 - row.upper,
				upper: row.lower === null ? null : 1 - row.lower,
			};
		}),
	];
	const series: NonNullable<ChartOption['series']> = [];
	groups.forEach((group, i) => {
		const data = points(group.name);
		series.push({
			type: 'line',
			name: labels.group(group.name),
			step: 'end',
			symbol: 'none',
			connectNulls: false,
			lineStyle: { width: 2, color: color(i) },
			itemStyle: { color: color(i) },
			emphasis: { focus: 'series' },
			data,
			z: 3,
		});
		if (!banded.has(group.name)) return;
		const stack = `band-${i}`;
		series.push(
			{
				type: 'line',
				name: `${labels.group(group.name)} ${labels.band}`,
				stack,
				step: 'end',
				symbol: 'none',
				lineStyle: { opacity: 0 },
				tooltip: { show: false },
				data: data.map((p) => p.lower ?? null),
				silent: true,
			},
			{
				type: 'line',
				name: `${labels.group(group.name)} ${labels.band}`,
				stack,
				step: 'end',
				symbol: 'none',
				lineStyle: { opacity: 0 },
				areaStyle: { color: color(i), opacity: 0.15 },
				tooltip: { show: false },
				data: data.map((p) => (p.lower === null || p.lower === undefined || p.upper === null || p.upper === undefined ? null : p.upper - p.lower)),
				silent: true,
			},
		);
	});
	return {
		animationDuration: 400,
		legend: {
			type: 'scroll',
			top: 0,
			left: 0,
			right: 0,
			icon: 'roundRect',
			itemWidth: 14,
			itemHeight: 8,
			data: groups.map((g) => labels.group(g.name)),
		},
		grid: GRID,
		tooltip: {
			trigger: 'axis',
			confine: true,
			formatter: (raw: unknown) => {
				const params = (Array.isArray(raw) ? raw : [raw]) as { marker?: string; seriesName?: string; axisValueLabel?: string; data?: Point | number | null }[];
				const lines = params
					.filter((p) => p.data !== null && typeof p.data === 'object' && p.data.value !== null)
					.map((p) => {
						const data = p.data as Point;
						const band =
							data.lower !== null && data.lower !== undefined && data.upper !== null && data.upper !== undefined && data.atRisk !== null
								? `&nbsp;${muted(`(${labels.percent(data.lower)} – ${labels.percent(data.upper)})`)}`
								: '';
						const risk = data.atRisk === null ? '' : `&nbsp;&nbsp;${muted(`${labels.atRisk} ${labels.count(data.atRisk)}`)}`;
						return `${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}&nbsp;&nbsp;<b>${escapeHtml(labels.percent(data.value!))}</b>${band}${risk}`;
					});
				return [`<b>${escapeHtml(params[0]?.axisValueLabel ?? '')}</b>`, ...lines].join('<br/>');
			},
		},
		xAxis: { type: 'category', boundaryGap: false, data: [labels.entry, ...terms.map((t) => labels.term(t))] },
		yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => labels.percent(v) } },
		series,
	};
}
