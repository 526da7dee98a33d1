// How the overview writes a figure of each unit, its year and its change against last year, in the
// current language (i18n.svelte.ts).

import type { OverviewMeasureInfo, OverviewUnit } from '../api.ts';
import { formatNumber, formatPercent, t } from '../i18n.svelte.ts';
import type { FigureSummary } from './key-figures.ts';

export function formatFigure(unit: OverviewUnit, value: number | null | undefined): string {
	if (value === null || value === undefined) return '—';
	switch (unit) {
		case 'share':
			return formatPercent(value, 1);
		case 'per_1000':
			return `${formatNumber(value, 1)}‰`;
		case 'grade_point':
			return formatNumber(value, 2);
		default:
			return formatNumber(value);
	}
}

export function figureYear(basis: OverviewMeasureInfo['basis'], year: number): string {
	return basis === 'cohort' ? t('overview.year.cohort', { year }) : t('overview.year.academic_year', { year, next: String(year + 1).slice(2) });
}

/** "▲ 3.1%" for counts (relative), "▼ 1.2 个百分点" for shares, "▲ 0.04" for grade points and rates per 1,000. */
export function formatChange(summary: FigureSummary): string {
	const { change, unit } = summary;
	if (change === null) return t('overview.noChange');
	const arrow = change > 0 ? '▲ ' : change < 0 ? '▼ ' : '';
	const size = Math.abs(change);
	let text: string;
	if (unit === 'share') text = t('overview.changePoints', { value: formatNumber(size * 100, 1) });
	else if (summary.relativeChange !== null) text = formatPercent(Math.abs(summary.relativeChange), 1);
	else text = formatFigure(unit, size);
	return t('overview.change', { change: `${arrow}${text}` });
}
