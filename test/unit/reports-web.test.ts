// The reports page's pure modules: its URL state, the report's address, the file name of a download,
// and the builders that turn the report's JSON into key figures, table cells and the trend chart.
// Inputs are small hand-made values; expectations follow from them.
import { describe, expect, it } from 'vitest';
import { cohortReportUrl, dispositionFilename, type CohortReport, type ReportSection } from '../../web/lib/api.ts';
import { formatReportCell, reportFigures, sectionTable, trendsOption } from '../../web/lib/reports/preview.ts';
import { parseReportsPageState, REPORTS_PAGE_SCHEMA, serializeState } from '../../web/lib/url-state.ts';

const f = { number: (v: number | null, d = 0) => (v === null ? '—' : v.toFixed(d)), percent: (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`) };

describe('reports page URL state', () => {
	const parse = (search: string) => parseReportsPageState(new URLSearchParams(search));
	it.each([
		['', { cohort: null, college: null, major: null }],
		['cohort=2018', { cohort: 2018, college: null, major: null }],
		['cohort=18', { cohort: null, college: null, major: null }],
		['cohort=2018&college=计算机学院&major=软件工程', { cohort: 2018, college: '计算机学院', major: '软件工程' }],
		['major=软件工程', { cohort: null, college: null, major: null }],
	])('reads %j', (search, expected) => {
		expect(parse(search)).toEqual(expected);
	});

	it('keeps a college account’s major: its college is its own, never in the URL', () => {
		expect(parseReportsPageState(new URLSearchParams('cohort=2018&major=软件工程'), '计算机学院')).toEqual({ cohort: 2018, college: null, major: '软件工程' });
	});

	it('writes only what was chosen', () => {
		expect(serializeState(REPORTS_PAGE_SCHEMA, { cohort: null, college: null, major: null }).toString()).toBe('');
		expect(serializeState(REPORTS_PAGE_SCHEMA, { cohort: 2018, college: '理学院', major: null }).toString()).toBe(`cohort=2018&college=${encodeURIComponent('理学院')}`);
	});
});

describe('report address and file name', () => {
	it('uses the page’s parameter names and adds the format', () => {
		expect(cohortReportUrl({ cohort: 2018, college: null, major: null })).toBe('/api/reports/cohort?cohort=2018');
		expect(cohortReportUrl({ cohort: 2018, college: '理学院', major: '数学' }, 'pdf')).toBe(
			`/api/reports/cohort?cohort=2018&college=${encodeURIComponent('理学院')}&major=${encodeURIComponent('数学')}&format=pdf`,
		);
	});

	it.each([
		[`attachment; filename="cohort-report-2018_v1.pdf"; filename*=UTF-8''${encodeURIComponent('入学年级报告-2018级-全校.pdf')}`, '入学年级报告-2018级-全校.pdf'],
		['attachment; filename="cohort-report-2018_v1.csv"', 'cohort-report-2018_v1.csv'],
		["attachment; filename*=UTF-8''%E0%A4%A", 'fallback.pdf'],
		[null, 'fallback.pdf'],
	])('takes the file name of %j', (header, expected) => {
		expect(dispositionFilename(header, 'fallback.pdf')).toBe(expected);
	});
});

const trends: ReportSection = {
	id: 'trends',
	title: '成绩趋势（按学期）',
	note: '',
	columns: [
		{ key: 'term_index', label: '学期序号', kind: 'int' },
		{ key: 'mean', label: '平均分', kind: 'decimal' },
		{ key: 'fail_rate', label: '不及格率', kind: 'rate' },
	],
	rows: [
		{ term_index: 1, mean: 67.9, fail_rate: 0.3 },
		{ term_index: 2, mean: null, fail_rate: null, suppressed: true },
		{ term_index: 3, mean: 70, fail_rate: '<5%' },
	],
};

describe('report preview builders', () => {
	it('formats cells: hidden as —, rates as percentages, censoring marks as they are', () => {
		expect(formatReportCell(null, 'rate', f)).toBe('—');
		expect(formatReportCell(0.9090909, 'rate', f)).toBe('90.9%');
		expect(formatReportCell(1.914286, 'decimal', f)).toBe('1.91');
		expect(formatReportCell('<5%', 'rate', f)).toBe('<5%');
		expect(formatReportCell('高等数学A', 'text', f)).toBe('高等数学A');
	});

	it('gives the six key figures with the reason a rate is missing', () => {
		const report = {
			overview: {
				students: 12, n_adjusted: 11, retention_rate: 10 / 11, grad_100_rate: 3 / 11, grad_150_rate: null, grad_200_rate: null,
				retention_state: 'measured', grad_100_state: 'measured', grad_150_state: 'not_yet', grad_200_state: 'not_yet',
				mean_gpa: 134 / 70, gpa_students: 10, fail_rate: 0.2, results: 20,
			},
		} as unknown as CohortReport;
		const labels = {
			students: 'S', studentsHint: (n: string) => `base ${n}`, retention: 'R', grad100: 'G100', grad150: 'G150',
			meanGpa: 'GPA', meanGpaHint: (n: string) => `${n} students`, failRate: 'F', failRateHint: (n: string) => `${n} results`, notYet: 'not yet', undated: 'undated',
		};
		expect(reportFigures(report, labels, f).map(({ key, value, hint }) => [key, value, hint])).toEqual([
			['students', '12', 'base 11'],
			['retention', '90.9%', ''],
			['grad100', '27.3%', ''],
			['grad150', null, 'not yet'],
			['meanGpa', '1.91', '10 students'],
			['failRate', '20.0%', '20 results'],
		]);
	});

	it('builds a table with the page’s labels and the outcome lines in the page’s language', () => {
		const table = sectionTable(trends, (_s, key) => key.toUpperCase(), f);
		expect(table.columns.map((c: { label: string; numeric?: boolean }) => [c.label, c.numeric])).toEqual([['TERM_INDEX', true], ['MEAN', true], ['FAIL_RATE', true]]);
		expect(table.columns[2].format!(0.3, {})).toBe('30.0%');
		const outcomes: ReportSection = { ...trends, id: 'outcomes', columns: [{ key: 'outcome', label: '项目', kind: 'text' }], rows: [{ key: 'n', outcome: '入学' }] };
		expect(sectionTable(outcomes, (_s, k) => k, f, (key) => (key === 'n' ? 'Entered' : null)).rows).toEqual([{ key: 'n', outcome: 'Entered' }]);
		const windows: ReportSection = { ...outcomes, rows: [{ key: 'grad_200', state: 'not_yet', outcome: '200% 学制内毕业', note: '尚未到期' }, { key: 'retained', state: 'measured', outcome: '保留', note: '' }] };
		expect(sectionTable(windows, (_s, k) => k, f, () => null, (state) => `[${state}]`).rows.map((r) => [r.outcome, r.note])).toEqual([
			['200% 学制内毕业', '[not_yet]'],
			['保留', ''],
		]);
	});

	it('draws hidden terms as gaps and the fail rate in percent', () => {
		const option = trendsOption(trends, { term: (i) => `T${i}`, mean: 'Mean', failRate: 'Fail' });
		const series = option.series as { data: (number | null)[] }[];
		expect((option.xAxis as { data: string[] }).data).toEqual(['T1', 'T2', 'T3']);
		expect(series[0].data).toEqual([67.9, null, 70]);
		expect(series[1].data).toEqual([30, null, null]);
	});
});
