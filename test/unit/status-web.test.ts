// The status page's pure modules: its URL state and the builders that turn API rows into key figures,
// ECharts options and table cells. Inputs are small hand-made rows; expectations follow from them.
import { describe, expect, it } from 'vitest';
import type { StatusChangeRow, StatusFlowRow, StatusOutcomeRow, StatusRiskRow, StatusSurvivalRow } from '../../web/lib/api.ts';
import { changeRatesOption, groupsBySize, periodKey, sortBreakdown } from '../../web/lib/status/changes.ts';
import { flowNodes, flowsOption, NOW_STAGE } from '../../web/lib/status/flows.ts';
import { outcomeCell, outcomeKeyFigures, type OutcomeLabels } from '../../web/lib/status/outcomes.ts';
import { factorRows, ratioAxis } from '../../web/lib/status/risk.ts';
import { MIN_AT_RISK, survivalGroups, survivalOption } from '../../web/lib/status/survival.ts';
import { parseStatusPageState, serializeStatusPageState, STATUS_PAGE_DEFAULTS } from '../../web/lib/url-state.ts';

const fmt = {
	count: (n: number) => String(n),
	percent: (r: number) => `${(r * 100).toFixed(1)}%`,
	perMille: (r: number) => `${r.toFixed(1)}‰`,
	suppressed: 'hidden',
};

describe('status page URL state', () => {
	const parse = (search: string) => parseStatusPageState(new URLSearchParams(search));

	it('defaults to 退学 by reason, per year, outcomes not cut, curves by cohort, GPA', () => {
		expect(STATUS_PAGE_DEFAULTS).toMatchObject({
			changeType: '退学',
			changeBy: 'reason',
			changePeriod: 'year',
			outcomeBy: 'none',
			outcomeMeasure: 'grad_150',
			survivalBy: 'cohort',
			groupA: null,
			groupB: null,
			riskFactor: 'gpa',
		});
		expect(serializeStatusPageState(STATUS_PAGE_DEFAULTS)).toBe('');
	});

	it.each([
		['group_b=2020', { groupA: null, groupB: null }],
		['group_a=2020&group_b=2020', { groupA: '2020', groupB: null }],
		['group_a=2020&survival_by=none', { groupA: null, groupB: null }],
		['group_a=2020&group_b=2019', { groupA: '2020', groupB: '2019' }],
		['major=软件工程', { major: null }],
		['change_by=gender&factor=x&outcome_by=1', { changeBy: 'reason', riskFactor: 'gpa', outcomeBy: 'none' }],
	])('%s → %o', (search, expected) => {
		expect(parse(search)).toMatchObject(expected);
	});

	it('writes only what differs from the defaults, under the API-like names', () => {
		const state = { ...STATUS_PAGE_DEFAULTS, college: '机械工程学院', survivalBy: 'college' as const, groupA: '机械工程学院', changeType: '休学' };
		expect(serializeStatusPageState(state)).toBe(
			`college=${encodeURIComponent('机械工程学院')}&change_type=${encodeURIComponent('休学')}&survival_by=college&group_a=${encodeURIComponent('机械工程学院')}`,
		);
	});
});

function changeRow(academic_year: number, group_name: string, changes: number | null, rate: number | null, suppressed = false): StatusChangeRow {
	return { academic_year, term: null, month: null, group_name, changes, students: changes, enrolled: 1000, rate_per_1000: rate, ...(suppressed ? { suppressed } : {}) };
}

describe('status changes', () => {
	const rows = [changeRow(2020, '休学', 4, 4), changeRow(2020, '退学', 9, 9), changeRow(2021, '退学', 3, 3), changeRow(2021, '休学', null, null, true)];

	it('orders the types by their changes and keys periods by year (and term)', () => {
		expect(groupsBySize(rows)).toEqual(['退学', '休学']);
		expect(periodKey({ academic_year: 2021, term: null })).toBe('2021');
		expect(periodKey({ academic_year: 2021, term: 2 })).toBe('2021-2');
	});

	it('draws one line per type: a missing cell is 0 (nobody), a hidden one a gap', () => {
		const rowsWithMissing = [...rows, changeRow(2022, '退学', 5, 5)];
		const option = changeRatesOption(rowsWithMissing, { ...fmt, period: (y) => String(y), group: (g) => g ?? '', changes: 'changes' })!;
		const series = option.series as { name: string; data: { value: number | null; hidden?: boolean }[] }[];
		expect(series.map((s) => s.name)).toEqual(['退学', '休学']);
		expect(series[0].data.map((p) => p.value)).toEqual([9, 3, 5]);
		expect(series[1].data.map((p) => [p.value, p.hidden ?? false])).toEqual([
			[4, false],
			[null, true],
			[0, false],
		]);
	});

	it('sorts a breakdown by rate, hidden rows last', () => {
		expect(sortBreakdown(rows).map((r) => [r.academic_year, r.group_name])).toEqual([
			[2020, '退学'],
			[2020, '休学'],
			[2021, '退学'],
			[2021, '休学'],
		]);
	});
});

describe('flows', () => {
	const link = (source: string, target: string, students: number | null, suppressed = false): StatusFlowRow => {
		const [ss, sc] = source.split(':');
		const [ts, tc] = target.split(':');
		return {
			source,
			target,
			source_stage: Number(ss),
			source_category: sc as StatusFlowRow['source_category'],
			target_stage: Number(ts),
			target_category: tc as StatusFlowRow['target_category'],
			students,
			...(suppressed ? { suppressed } : {}),
		};
	};
	const rows = [
		link('0:entry', '1:enrolled', 90),
		link('0:entry', '1:withdrawn', 10),
		link('1:enrolled', '2:enrolled', 85),
		link('1:enrolled', '2:on_leave', 5),
		link('2:enrolled', '99:graduated', 80),
		link('2:enrolled', '99:withdrawn', 5),
		link('2:on_leave', '99:deceased', null, true),
	];

	it('makes a node per stage and category, "now" right after the last year, hidden links left out', () => {
		const nodes = flowNodes(rows);
		expect(nodes.map((n) => [n.name, n.depth, n.value])).toEqual([
			['0:entry', 0, 100],
			['1:enrolled', 1, 90],
			['1:withdrawn', 1, 10],
			['2:enrolled', 2, 85],
			['2:on_leave', 2, 5],
			[`${NOW_STAGE}:graduated`, 3, 80],
			[`${NOW_STAGE}:withdrawn`, 3, 5],
		]);
		const option = flowsOption(rows, { ...fmt, stage: String, category: String, students: 'students' })!;
		const sankey = (option.series as { links: unknown[] }[])[0];
		expect(sankey.links).toHaveLength(6);
	});

	it('draws nothing when every link is hidden', () => {
		expect(flowsOption([link('0:entry', '1:enrolled', null, true)], { ...fmt, stage: String, category: String, students: 's' })).toBeNull();
	});
});

function outcome(entry_year: number, patch: Partial<StatusOutcomeRow>): StatusOutcomeRow {
	return {
		entry_year, group_name: null, n: 100, excluded: 0, n_adjusted: 100,
		retention_state: 'measured', retained: 95, retention_rate: 0.95, on_leave_y1: 1,
		grad_100_state: 'measured', grad_100: 80, grad_100_rate: 0.8,
		grad_150_state: 'measured', grad_150: 90, grad_150_rate: 0.9, transferred_150: 1, transferred_150_rate: 0.01,
		grad_200_state: 'not_yet', grad_200: null, grad_200_rate: null,
		enrolled: 0, on_leave: 0, graduated: 90, completed: 2, withdrawn: 5, transferred: 1, deceased: 0, degrees: 80, degree_rate: 80 / 90,
		...patch,
	};
}

describe('outcomes', () => {
	const rows = [
		outcome(2018, {}),
		outcome(2020, { grad_150_state: 'not_yet', grad_150: null, grad_150_rate: null, withdrawn: 3 }),
		outcome(2022, { grad_100_state: 'not_yet', grad_100: null, grad_100_rate: null, grad_150_state: 'not_yet', grad_150: null, grad_150_rate: null, retained: 90, retention_rate: 0.9, withdrawn: 2 }),
		outcome(2024, { retention_state: 'not_yet', retained: null, retention_rate: null, grad_100_state: 'not_yet', grad_100: null, grad_100_rate: null, withdrawn: null, n: null, suppressed: true }),
	];

	it('takes each measure from the latest cohort it is measured for, and the withdrawn share of the rows shown', () => {
		const figures = outcomeKeyFigures(rows);
		expect(figures.latest.retention).toEqual({ entryYear: 2022, rate: 0.9, count: 90, base: 100 });
		expect(figures.latest.grad_100).toMatchObject({ entryYear: 2020, rate: 0.8 });
		expect(figures.latest.grad_150).toMatchObject({ entryYear: 2018, rate: 0.9 });
		expect(figures.latest.grad_200).toBeNull();
		expect(figures.withdrawn).toEqual({ count: 10, n: 300, share: 10 / 300 });
	});

	it('says why a cell has no rate instead of showing 0', () => {
		const labels = { ...fmt, cohort: String, measure: String, group: String, state: (s: string) => `state:${s}` } as OutcomeLabels;
		expect(outcomeCell(rows[0], 'grad_150', labels)).toBe('90.0% (90)');
		expect(outcomeCell(rows[1], 'grad_150', labels)).toBe('state:not_yet');
		expect(outcomeCell(rows[3], 'retention', labels)).toBe('—');
		expect(outcomeCell({ ...rows[0], grad_100_rate: null, censored: { grad_100_rate: '>95%' } }, 'grad_100', labels)).toBe('>95% (80)');
	});
});

describe('survival curves', () => {
	const point = (group_name: string, term: number, at_risk: number, survival: number | null, lower: number | null, upper: number | null, suppressed = false): StatusSurvivalRow => ({
		group_name, term, group_n: 40, undated: 0, at_risk, events: 0, censored_count: 0, survival, lower, upper, ...(suppressed ? { suppressed } : {}),
	});
	const rows = [
		point('2019', 1, 40, 0.95, 0.9, 0.98),
		point('2019', 2, 30, 0.9, 0.8, 0.95),
		point('2019', 3, MIN_AT_RISK - 1, 0.8, 0.5, 0.9),
		point('2020', 1, null as unknown as number, null, null, null, true),
		point('2020', 2, null as unknown as number, null, null, null, true),
		point('2020', 3, null as unknown as number, null, null, null, true),
	];

	it('lists the groups, the hidden ones marked', () => {
		expect(survivalGroups(rows).map((g) => [g.name, g.hidden])).toEqual([
			['2019', false],
			['2020', true],
		]);
	});

	it('draws 1 − S from entry, with the band turned the same way, and stops where few remain at risk', () => {
		const labels = { ...fmt, term: (t: number) => `T${t}`, entry: 'entry', group: (g: string | null) => g ?? 'all', atRisk: 'at risk', band: 'band' };
		const option = survivalOption(rows, new Set(['2019']), labels)!;
		const series = option.series as { name: string; stack?: string; data: ({ value: number | null; lower?: number | null; upper?: number | null } | number | null)[] }[];
		// The shown group's line and its two band series; the hidden group is not drawn.
		expect(series.map((s) => s.name)).toEqual(['2019', '2019 band', '2019 band']);
		const line = series[0].data as { value: number | null; lower?: number | null; upper?: number | null }[];
		expect(line.map((p) => (p.value === null ? null : Number(p.value.toFixed(6))))).toEqual([0, 0.05, 0.1, null]);
		expect(Number(line[1].lower!.toFixed(6))).toBe(0.02); // 1 − upper 0.98
		expect(Number(line[1].upper!.toFixed(6))).toBe(0.1); // 1 − lower 0.9
		expect((series[2].data as (number | null)[]).map((v) => (v === null ? null : Number(v.toFixed(6))))).toEqual([0, 0.08, 0.15, null]);
		expect((option.xAxis as { data: string[] }).data).toEqual(['entry', 'T1', 'T2', 'T3']);
	});
});

describe('risk factors', () => {
	const risk = (band_order: number, band: string, rr: number | null, rr_lower: number | null, rr_upper: number | null, reference = false): StatusRiskRow => ({
		factor: 'gpa', band_order, band, reference, corrected: false, students: 50, withdrawn: 1, rate: 0.02, rr, rr_lower, rr_upper,
	});

	it('keeps one factor in band order and fits the log axis to powers of ten around 1', () => {
		const rows = [risk(3, '[2, 3)', 1, null, null, true), risk(1, '[0, 1)', 7.5, 0.47, 118.5), risk(2, '[1, 2)', 2, 0.05, 78)];
		expect(factorRows([...rows, { ...rows[0], factor: 'failed_credits' }], 'gpa').map((r) => r.band)).toEqual(['[0, 1)', '[1, 2)', '[2, 3)']);
		expect(ratioAxis(rows)).toEqual({ min: 0.01, max: 1000 });
		expect(ratioAxis([risk(1, 'x', 1.5, 1.2, 2)])).toEqual({ min: 1, max: 10 });
	});
});
