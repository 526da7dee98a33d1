// The key figures of the utilization page from the summary row: which figure, its value, and the bound
// the server gave instead of a number when it censored an extreme rate on a small base.

import type { UtilizationSummaryRow } from '../api.ts';

export type FigureKind = 'count' | 'share' | 'hours';

export interface KeyFigure {
	key: 'requests' | 'items' | 'pages' | 'studentShare' | 'median' | 'online';
	kind: FigureKind;
	value: number | null;
	/** '<5%' / '>95%' when the server gave a bound instead of the value. */
	bound: string | null;
	/** The secondary figure in the hint line (within 3 working days, on-site share), with its bound. */
	hint: { value: number | null; bound: string | null } | null;
}

export function keyFigures(row: UtilizationSummaryRow | null | undefined): KeyFigure[] {
	const r = row ?? null;
	const bound = (field: string) => r?.censored?.[field] ?? null;
	const figure = (key: KeyFigure['key'], kind: FigureKind, field: keyof UtilizationSummaryRow, hint: KeyFigure['hint'] = null): KeyFigure => ({
		key,
		kind,
		value: r ? ((r[field] as number | null) ?? null) : null,
		bound: bound(field),
		hint,
	});
	return [
		figure('requests', 'count', 'requests'),
		figure('items', 'count', 'items'),
		figure('pages', 'count', 'pages'),
		figure('studentShare', 'share', 'student_record_share'),
		figure('median', 'hours', 'median_hours', { value: r?.within_3wd ?? null, bound: bound('within_3wd') }),
		figure('online', 'share', 'online_share', { value: r?.onsite_share ?? null, bound: bound('onsite_share') }),
	];
}
