// The data-quality findings as bars of their shares, for the archive to fix where requests are recorded.
// Pure: the rows of GET /api/utilization/quality in, an ECharts option out.

import type { UtilizationQualityRow } from '../api.ts';
import type { ChartOption } from '../charts/echarts.ts';
import { GRID, type Formatters } from './labels.ts';

export interface QualityLabels extends Formatters {
	issue(code: string): string;
	share: string;
}

/** The share axis' end: the largest share with room for its label, rounded up to a tenth (at most 100 %). */
export function niceShareMax(largest: number): number {
	return Math.min(1, Math.max(0.1, Math.ceil(largest * 1.2 * 10) / 10));
}

/** The findings the archive asked to see even when there are none: vague purposes, no category, no completion time. */
export const ALWAYS_SHOWN = new Set(['purpose_vague', 'category_missing', 'completion_missing']);

/** The findings drawn: those always shown and any other that occurs (the table lists them all). */
export function shownQualityRows(rows: readonly UtilizationQualityRow[]): UtilizationQualityRow[] {
	return rows.filter((r) => ALWAYS_SHOWN.has(r.issue) || r.suppressed || (r.affected ?? 0) > 0);
}

export function qualityOption(rows: readonly UtilizationQualityRow[], labels: QualityLabels): ChartOption | null {
	const shown = shownQualityRows(rows);
	if (rows.length === 0) return null;
	return {
		animationDuration: 400,
		grid: { ...GRID, top: 8, right: 48 },
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			confine: true,
			formatter: (raw: unknown) => {
				const [p] = (Array.isArray(raw) ? raw : [raw]) as { dataIndex: number }[];
				const r = shown[p?.dataIndex ?? 0];
				if (!r) return '';
				if (r.share === null || r.affected === null || r.base === null) return `${labels.issue(r.issue)}: ${labels.suppressed}`;
				return `${labels.issue(r.issue)}<br/><b>${labels.percent(r.share)}</b> (${labels.count(r.affected)} / ${labels.count(r.base)})`;
			},
		},
		xAxis: { type: 'value', min: 0, max: (extent: { max: number }) => niceShareMax(extent.max), axisLabel: { formatter: (v: number) => labels.percent(v) } },
		yAxis: { type: 'category', inverse: true, data: shown.map((r) => labels.issue(r.issue)) },
		series: [
			{
				type: 'bar',
				name: labels.share,
				barMaxWidth: 20,
				data: shown.map((r) => r.share),
				itemStyle: { color: '#c8455a' },
				label: { show: true, position: 'right', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? labels.percent(p.value) : '') },
			},
		],
	};
}
