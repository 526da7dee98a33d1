// The utilization page's pure parts: its URL state and the builders of its key figures, charts and
// tables, on small hand-made answers.
import { describe, expect, it } from 'vitest';
import type { UtilizationForecast, UtilizationPeriodRow, UtilizationQualityRow } from '../../web/lib/api.ts';
import {
	parseUtilizationPageState,
	serializeUtilizationPageState,
	UTILIZATION_PAGE_DEFAULTS,
	utilizationFiltersOf,
} from '../../web/lib/url-state.ts';
import { keyFigures } from '../../web/lib/utilization/key-figures.ts';
import { forecastOption, forecastTableRows } from '../../web/lib/utilization/forecast-chart.ts';
import { channelShiftOption, otherShare } from '../../web/lib/utilization/period-chart.ts';
import { barChartHeight, breakdownOption, crosstabAxes } from '../../web/lib/utilization/breakdown-chart.ts';
import { formatHours, serviceOption, toMinutes } from '../../web/lib/utilization/service-chart.ts';
import { niceShareMax, shownQualityRows } from '../../web/lib/utilization/quality-chart.ts';
import { rowNote } from '../../web/lib/utilization/labels.ts';

const formatters = { count: (n: number) => String(n), percent: (r: number) => `${(r * 100).toFixed(1)}%`, suppressed: 'hidden' };

describe('utilization URL state', () => {
	it.each([
		['', UTILIZATION_PAGE_DEFAULTS],
		['?from=2024-01-01&to=2024-06-30&channel=%E7%8E%B0%E5%9C%BA', { ...UTILIZATION_PAGE_DEFAULTS, from: '2024-01-01', to: '2024-06-30', channel: '现场' }],
		['?requester_type=%E6%A0%A1%E5%8F%8B&by=purpose&service_by=purpose&period=year&horizon=6', {
			...UTILIZATION_PAGE_DEFAULTS,
			requesterType: '校友',
			by: 'purpose',
			serviceBy: 'purpose',
			period: 'year',
			horizon: 6,
		}],
		// Junk falls back to the defaults: an impossible date, an unknown dimension, a horizon not offered.
		['?from=2024-02-30&by=student_id&horizon=24&period=week', UTILIZATION_PAGE_DEFAULTS],
	])('reads %s', (search, expected) => {
		expect(parseUtilizationPageState(new URLSearchParams(search))).toEqual(expected);
	});

	it('writes only what differs from the defaults, and keeps parameters it does not own', () => {
		expect(serializeUtilizationPageState(UTILIZATION_PAGE_DEFAULTS)).toBe('');
		const state = { ...UTILIZATION_PAGE_DEFAULTS, category: '学籍', horizon: 9 as const, period: 'month' as const };
		expect(serializeUtilizationPageState(state, new URLSearchParams('lang=en'))).toBe('lang=en&category=%E5%AD%A6%E7%B1%8D&horizon=9');
	});

	it('hands the API the filters only', () => {
		const state = { ...UTILIZATION_PAGE_DEFAULTS, purpose: '查找', by: 'channel' as const };
		expect(utilizationFiltersOf(state)).toEqual({ from: null, to: null, category: null, channel: null, purpose: '查找', requesterType: null });
	});
});

describe('key figures', () => {
	it('takes each figure from the summary, with the bound the server gave for a censored rate', () => {
		const figures = keyFigures({
			first_day: '2023-06-05',
			last_day: '2024-12-02',
			requests: 24,
			items: 32,
			pages: 168,
			student_record_requests: 19,
			student_record_share: 19 / 22,
			onsite_share: 10 / 24,
			online_share: null,
			completed: 21,
			median_hours: 23,
			p90_hours: 96,
			within_1wd: 16 / 21,
			within_3wd: null,
			censored: { within_3wd: '>95%', online_share: '<5%' },
		});
		expect(figures.map((f) => [f.key, f.value, f.bound])).toEqual([
			['requests', 24, null],
			['items', 32, null],
			['pages', 168, null],
			['studentShare', 19 / 22, null],
			['median', 23, null],
			['online', null, '<5%'],
		]);
		expect(figures[4].hint).toEqual({ value: null, bound: '>95%' });
		expect(figures[5].hint).toEqual({ value: 10 / 24, bound: null });
		expect(keyFigures(undefined).every((f) => f.value === null)).toBe(true);
	});
});

describe('the forecast chart', () => {
	const answer: UtilizationForecast = {
		version: 'v1',
		rows: [
			{ month: '2024-01', year: 2024, requests: 10, fitted: null, backtest: null, naive: null },
			{ month: '2024-02', year: 2024, requests: null, fitted: null, backtest: 11.5, naive: 9, suppressed: true },
			{ month: '2024-03', year: 2024, requests: 12, fitted: 11, backtest: 12.5, naive: 10 },
		],
		forecast: [
			{ month: '2024-04', forecast: 20, lower80: 18, upper80: 22, lower95: 15, upper95: 25 },
			{ month: '2024-05', forecast: 30, lower80: 27, upper80: 33, lower95: 25, upper95: 35 },
		],
		backtest: { from: '2024-02', to: '2024-03', mape: 5, naive_mape: 10, months: 2 },
		model: null,
		partial: [],
		shortfall: null,
	};
	const labels = { ...formatters, actual: 'A', backtest: 'B', naive: 'N', forecast: 'F', band80: '80', band95: '95' };

	it('lays history and forecast on one month axis, bands as a lower edge plus a width', () => {
		const option = forecastOption(answer, labels)!;
		expect((option.xAxis as { data: string[] }).data).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05']);
		const series = option.series as { name: string; data: (number | null)[]; stack?: string }[];
		const byName = (name: string) => series.filter((s) => s.name === name).map((s) => s.data);
		// 95 %: lower 15, 25; width 25 − 15 = 10, 35 − 25 = 10. 80 %: lower 18, 27; width 4, 6.
		expect(byName('95')).toEqual([[null, null, null, 15, 25], [null, null, null, 10, 10]]);
		expect(byName('80')).toEqual([[null, null, null, 18, 27], [null, null, null, 4, 6]]);
		expect(byName('A')).toEqual([[10, null, 12]]);
		expect(byName('B')).toEqual([[null, 11.5, 12.5]]);
		// The forecast line starts at the last actual month so that the two join.
		expect(byName('F')).toEqual([[null, null, 12, 20, 30]]);
		expect(forecastOption({ ...answer, rows: [] }, labels)).toBeNull();
	});

	it('lists every month in the table, the hidden one noted', () => {
		const rows = forecastTableRows(answer, 'hidden');
		expect(rows.map((r) => [r.month, r.requests, r.forecast, r.note])).toEqual([
			['2024-01', 10, null, ''],
			['2024-02', null, null, 'hidden'],
			['2024-03', 12, null, ''],
			['2024-04', null, 20, ''],
			['2024-05', null, 30, ''],
		]);
		expect(rows[4]).toMatchObject({ lower80: 27, upper95: 35 });
	});
});

describe('the other builders', () => {
	it('derives the proxy-and-post share from the other two', () => {
		expect(otherShare({ onsite_share: 0.6, online_share: 0.3 })).toBeCloseTo(0.1, 12);
		expect(otherShare({ onsite_share: null, online_share: 0.3 })).toBeNull();
		const years = [
			{ period: '2023', onsite_share: 0.6, online_share: 0.2 },
			{ period: '2024', onsite_share: 0.5, online_share: 0.5 },
		] as UtilizationPeriodRow[];
		const series = channelShiftOption(years, { ...formatters, onsite: 'S', online: 'O', other: 'X' })!.series as { data: (number | null)[] }[];
		expect(series[2].data[1]).toBe(0);
		expect(series[2].data[0]).toBeCloseTo(0.2, 12);
	});

	it('orders the cross-tab’s columns by their totals, rows as answered', () => {
		const axes = crosstabAxes([
			{ row_value: '出国留学', col_value: '在校生', requests: 3, items: 3, row_share: 0.5 },
			{ row_value: '出国留学', col_value: '校友', requests: 3, items: 4, row_share: 0.5 },
			{ row_value: '学历学位认证', col_value: '校友', requests: 2, items: 3, row_share: 2 / 3 },
			{ row_value: null, col_value: '在校生', requests: null, items: null, row_share: null, suppressed: true },
		]);
		expect(axes).toEqual({ rowValues: ['出国留学', '学历学位认证', null], colValues: ['校友', '在校生'] });
	});

	it('names the bars and labels them with their shares', () => {
		const option = breakdownOption(
			[
				{ value: '学籍', requests: 19, items: 21, pages: 66, share: 19 / 24, items_share: 21 / 32 },
				{ value: null, requests: null, items: null, pages: null, share: null, items_share: null, suppressed: true },
			],
			{ ...formatters, requests: 'R', name: (v) => v ?? '(none)' },
		)!;
		expect((option.yAxis as { data: string[] }).data).toEqual(['学籍', '(none)']);
		expect((option.series as { data: unknown[] }[])[0].data).toEqual([19, null]);
		expect([barChartHeight(0), barChartHeight(5), barChartHeight(100)]).toEqual([220, 220, 720]);
	});

	it('draws turnaround in minutes on a log axis that starts at one minute', () => {
		expect([toMinutes(0.5), toMinutes(0.001), toMinutes(null)]).toEqual([30, 1, null]);
		const option = serviceOption(
			[
				{ value: '现场', requests: 10, completed: 8, median_hours: 0.5, p90_hours: 49.8, within_1wd: 7 / 8, within_3wd: 7 / 8 },
				{ value: '邮寄', requests: 2, completed: 0, median_hours: null, p90_hours: null, within_1wd: null, within_3wd: null },
			],
			{ ...formatters, name: (v) => String(v), median: 'M', p90: 'P', axis: 'h', hours: (h) => `${h}h` },
		)!;
		// A channel without a timed request has no bar.
		expect((option.yAxis as { data: string[] }).data).toEqual(['现场']);
		expect((option.series as { data: unknown[] }[]).map((s) => s.data)).toEqual([[30], [49.8 * 60]]);
	});

	it('says hours in minutes under an hour and in hours above', () => {
		const units = { minutes: (n: string) => `${n} min`, hours: (n: string) => `${n} h` };
		const number = (n: number, digits: number) => n.toFixed(digits);
		expect([0.25, 1 / 3, 3.84, 23, null].map((h) => formatHours(h, units, number))).toEqual(['15 min', '20 min', '3.8 h', '23 h', '—']);
	});

	it('always draws the findings the archive asked for, others only when they occur', () => {
		const row = (issue: string, affected: number | null): UtilizationQualityRow => ({ issue, affected, base: 24, share: affected === null ? null : affected / 24 });
		const rows = [row('purpose_vague', 6), row('purpose_missing', 0), row('category_missing', 0), row('completion_missing', 1), row('channel_missing', 2)];
		expect(shownQualityRows(rows).map((r) => r.issue)).toEqual(['purpose_vague', 'category_missing', 'completion_missing', 'channel_missing']);
		expect([niceShareMax(0.362), niceShareMax(0.01), niceShareMax(0.95)]).toEqual([0.5, 0.1, 1]);
	});

	it('notes why a table cell is empty', () => {
		expect(rowNote({ suppressed: true }, 'hidden', () => '')).toBe('hidden');
		expect(rowNote({ censored: { share: '<5%' } }, 'hidden', (f, b) => `${f} ${b}`)).toBe('share <5%');
	});
});
