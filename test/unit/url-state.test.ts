// The URL-state rules of web/lib/url-state.ts, table-driven: what a URL means (parse), what a state
// writes (serialize: only values that differ from the defaults, unrelated parameters kept), and that
// the two round-trip.
import { describe, expect, it } from 'vitest';
import {
	AUDIT_PAGE_DEFAULTS,
	AUDIT_PAGE_SCHEMA,
	GRADES_PAGE_DEFAULTS,
	GRADES_PAGE_SCHEMA,
	PARAM,
	gradeFiltersOf,
	gradeMetricFiltersOf,
	hrefWithState,
	parseAuditPageState,
	parseGradesPageState,
	safeNextPath,
	serializeAuditPageState,
	serializeGradesPageState,
	type AuditPageState,
	type GradesPageState,
} from '../../web/lib/url-state.ts';
import { auditQuery, gradeFiltersQuery, gradeMetricFiltersQuery } from '../../web/lib/api.ts';

const D = GRADES_PAGE_DEFAULTS;
const state = (patch: Partial<GradesPageState>): GradesPageState => ({ ...D, ...patch });

describe('PARAM', () => {
	it('uses the API’s query names for the filters', () => {
		expect(PARAM).toEqual({
			cohortFrom: 'cohort_from',
			cohortTo: 'cohort_to',
			level: 'level',
			college: 'college',
			major: 'major',
			metric: 'metric',
			username: 'username',
			route: 'route',
			outcome: 'outcome',
			from: 'from',
			to: 'to',
			limit: 'limit',
			offset: 'offset',
			next: 'next',
			category: 'category',
			channel: 'channel',
			purpose: 'purpose',
			requesterType: 'requester_type',
			period: 'period',
			by: 'by',
			serviceBy: 'service_by',
			horizon: 'horizon',
			accession: 'accession',
			courseNature: 'course_nature',
			attempt: 'attempt',
			panel: 'panel',
			axis: 'axis',
			distribution: 'dist',
			distributionBy: 'dist_by',
			inflationGroup: 'group',
			teachingDept: 'teaching_dept',
			course: 'course_id',
			measure: 'measure',
			changeType: 'change_type',
			changeBy: 'change_by',
			changePeriod: 'change_period',
			outcomeBy: 'outcome_by',
			outcomeMeasure: 'outcome_measure',
			survivalBy: 'survival_by',
			groupA: 'group_a',
			groupB: 'group_b',
			riskFactor: 'factor',
			cohort: 'cohort',
			figure: 'figure',
			insightArea: 'area',
			severity: 'severity',
		});
	});

	it('names every parameter once', () => {
		const names = Object.values(PARAM);
		expect(new Set(names).size).toBe(names.length);
	});

	it('defaults to all cohorts, levels, colleges, majors and course natures, first attempts, the mean', () => {
		expect(D).toEqual({
			cohortFrom: null,
			cohortTo: null,
			level: null,
			college: null,
			major: null,
			courseNature: null,
			attempt: 'first',
			metric: 'mean',
			panel: 'trends',
			axis: 'term',
			distribution: 'boxplot',
			distributionBy: 'college',
			inflationGroup: 'teaching',
			teachingDept: null,
			course: null,
			compareBy: 'cohort',
			compareA: null,
			compareB: null,
			measure: 'score',
		});
	});
});

describe('parseGradesPageState', () => {
	const cases: { title: string; search: string; expected: GradesPageState }[] = [
		{ title: 'empty URL gives the defaults', search: '', expected: D },
		{
			title: 'every parameter',
			search:
				'cohort_from=2018&cohort_to=2022&level=本科&college=计算机科学与技术学院&major=软件工程&metric=fail_rate' +
				'&course_nature=必修&attempt=best&panel=courses&axis=year&dist=gpa&dist_by=cohort&group=students&teaching_dept=数学与统计学院' +
				'&course_id=G08001&by=college&group_a=理学院&group_b=文学院&measure=gpa',
			expected: {
				cohortFrom: 2018,
				cohortTo: 2022,
				level: '本科',
				college: '计算机科学与技术学院',
				major: '软件工程',
				metric: 'fail_rate',
				courseNature: '必修',
				attempt: 'best',
				panel: 'courses',
				axis: 'year',
				distribution: 'gpa',
				distributionBy: 'cohort',
				inflationGroup: 'students',
				teachingDept: '数学与统计学院',
				course: 'G08001',
				compareBy: 'college',
				compareA: '理学院',
				compareB: '文学院',
				measure: 'gpa',
			},
		},
		{
			title: 'percent-encoded Chinese',
			search: `college=${encodeURIComponent('外国语学院')}`,
			expected: state({ college: '外国语学院' }),
		},
		{ title: 'a year that is not four digits is ignored', search: 'cohort_from=18&cohort_to=abcd', expected: D },
		{ title: 'a fractional or signed year is ignored', search: 'cohort_from=2018.5&cohort_to=-2020', expected: D },
		{ title: 'spaces around values are trimmed', search: 'cohort_from=%202019%20&level=%20专科', expected: state({ cohortFrom: 2019, level: '专科' }) },
		{ title: 'an unknown metric falls back to the mean', search: 'metric=max', expected: D },
		{ title: 'each metric is accepted', search: 'metric=p90', expected: state({ metric: 'p90' }) },
		{ title: 'an unknown attempt rule or panel falls back to the default', search: 'attempt=worst&panel=secret', expected: D },
		{ title: 'blank values mean "not chosen"', search: 'level=&college=%20&metric=', expected: D },
		{ title: 'a major without its college is dropped', search: 'major=软件工程', expected: D },
		{
			title: 'an inverted range is kept for the server to reject with its message',
			search: 'cohort_from=2022&cohort_to=2018',
			expected: state({ cohortFrom: 2022, cohortTo: 2018 }),
		},
		{ title: 'unrelated parameters are ignored', search: 'utm_source=mail&tab=2', expected: D },
		{ title: 'the first of repeated parameters wins', search: 'level=本科&level=专科', expected: state({ level: '本科' }) },
		{ title: 'an overlong text value is ignored', search: `college=${'学'.repeat(201)}`, expected: D },
	];

	it.each(cases)('$title', ({ search, expected }) => {
		expect(parseGradesPageState(new URLSearchParams(search))).toEqual(expected);
	});
});

describe('serializeGradesPageState', () => {
	const cases: { title: string; state: GradesPageState; current?: string; expected: string }[] = [
		{ title: 'the defaults write nothing', state: D, expected: '' },
		{ title: 'the default metric is not written', state: state({ metric: 'mean' }), expected: '' },
		{ title: 'another metric is written', state: state({ metric: 'median' }), expected: 'metric=median' },
		{
			title: 'parameters come in one fixed order',
			state: state({ metric: 'p10', major: '软件工程', college: '计算机科学与技术学院', cohortTo: 2022, cohortFrom: 2018 }),
			expected: `cohort_from=2018&cohort_to=2022&college=${encodeURIComponent('计算机科学与技术学院')}&major=${encodeURIComponent('软件工程')}&metric=p10`,
		},
		{ title: 'a major without a college is not written', state: state({ major: '软件工程' }), expected: '' },
		{
			title: 'unrelated parameters are kept, ours replaced',
			state: state({ level: '专科' }),
			current: 'tab=2&level=本科&college=外国语学院',
			expected: `tab=2&level=${encodeURIComponent('专科')}`,
		},
		{ title: 'going back to the defaults clears our parameters', state: D, current: 'metric=p90&cohort_from=2019', expected: '' },
	];

	it.each(cases)('$title', ({ state, current, expected }) => {
		expect(serializeGradesPageState(state, new URLSearchParams(current ?? ''))).toBe(expected);
	});
});

describe('round trip', () => {
	const states: GradesPageState[] = [
		D,
		state({ cohortFrom: 2019 }),
		state({ cohortTo: 2021, level: '本科', metric: 'fail_rate' }),
		state({ college: '计算机科学与技术学院', major: '软件工程', metric: 'p90' }),
		state({ college: 'A&B=C 学院?', major: '#1 专业' }),
	];

	it.each(states)('parse(serialize(%o)) is the same state', (original) => {
		expect(parseGradesPageState(new URLSearchParams(serializeGradesPageState(original)))).toEqual(original);
	});
});

describe('hrefWithState', () => {
	const cases: { title: string; url: string; state: GradesPageState; expected: string }[] = [
		{ title: 'no "?" for the default view', url: 'http://x/grades?metric=p90', state: D, expected: '/grades' },
		{ title: 'path kept, search rewritten', url: 'http://x/grades', state: state({ cohortFrom: 2020 }), expected: '/grades?cohort_from=2020' },
	];

	it.each(cases)('$title', ({ url, state, expected }) => {
		expect(hrefWithState(new URL(url), GRADES_PAGE_SCHEMA, state)).toBe(expected);
	});
});

describe('the API query', () => {
	const cases: { title: string; state: GradesPageState; expected: string }[] = [
		{ title: 'no filters, no query', state: state({ metric: 'p90' }), expected: '' },
		{ title: 'the metric is a page choice, not an API filter', state: state({ level: '本科', metric: 'median' }), expected: `level=${encodeURIComponent('本科')}` },
		{ title: 'the same names as the page URL', state: state({ cohortFrom: 2018, cohortTo: 2020 }), expected: 'cohort_from=2018&cohort_to=2020' },
	];

	it.each(cases)('$title', ({ state, expected }) => {
		expect(gradeFiltersQuery(gradeFiltersOf(state))).toBe(expected);
	});

	it('adds course nature and a non-default attempt rule for the grades metrics; the panel and its choices stay out', () => {
		const chosen = state({ cohortFrom: 2019, courseNature: '选修', attempt: 'latest', panel: 'courses', teachingDept: '理学院', compareA: '2020' });
		expect(gradeMetricFiltersQuery(gradeMetricFiltersOf(chosen))).toBe(`cohort_from=2019&course_nature=${encodeURIComponent('选修')}&attempt=latest`);
		expect(gradeMetricFiltersQuery(gradeMetricFiltersOf(state({ attempt: 'first' })))).toBe('');
		// The cohort filters alone (the status pages use them) know nothing of either.
		expect(gradeFiltersQuery(gradeFiltersOf(chosen))).toBe('cohort_from=2019');
	});
});

describe('safeNextPath', () => {
	const cases: { title: string; next: string | null; expected: string }[] = [
		{ title: 'absent', next: null, expected: '/grades' },
		{ title: 'empty', next: '', expected: '/grades' },
		{ title: 'a path with its filters', next: '/grades?college=外国语学院', expected: '/grades?college=外国语学院' },
		{ title: 'another area', next: '/status', expected: '/status' },
		{ title: 'another origin', next: 'https://evil.example/', expected: '/grades' },
		{ title: 'a protocol-relative URL', next: '//evil.example/x', expected: '/grades' },
		{ title: 'a backslash URL browsers read as another host', next: '/\\evil.example', expected: '/grades' },
		{ title: 'a script URL', next: 'javascript:alert(1)', expected: '/grades' },
		{ title: 'a relative path', next: 'grades', expected: '/grades' },
	];

	it.each(cases)('$title', ({ next, expected }) => {
		expect(safeNextPath(next, '/grades')).toBe(expected);
	});
});

// ---------------------------------------------------------------------------------------------
// The admin page's audit log

const A = AUDIT_PAGE_DEFAULTS;
const audit = (patch: Partial<AuditPageState>): AuditPageState => ({ ...A, ...patch });

describe('AUDIT_PAGE_DEFAULTS', () => {
	it('is the whole log, newest first, 50 a page', () => {
		expect(A).toEqual({ username: null, route: null, outcome: null, from: null, to: null, limit: 50, offset: 0 });
	});
});

describe('parseAuditPageState', () => {
	const cases: { title: string; search: string; expected: AuditPageState }[] = [
		{ title: 'empty URL gives the defaults', search: '', expected: A },
		{
			title: 'every parameter',
			search: 'username=admin&route=grades&outcome=refused&from=2025-03-01&to=2025-03-31&limit=100&offset=200',
			expected: { username: 'admin', route: 'grades', outcome: 'refused', from: '2025-03-01', to: '2025-03-31', limit: 100, offset: 200 },
		},
		{ title: 'a route with slashes', search: `route=${encodeURIComponent('/api/auth/login')}`, expected: audit({ route: '/api/auth/login' }) },
		{ title: 'each outcome is accepted', search: 'outcome=error', expected: audit({ outcome: 'error' }) },
		{ title: 'an unknown outcome is ignored', search: 'outcome=denied', expected: A },
		{ title: 'a date that is not YYYY-MM-DD is ignored', search: 'from=2025-3-1&to=01.03.2025', expected: A },
		{ title: 'a date that does not exist is ignored', search: 'from=2025-02-30&to=2025-13-01', expected: A },
		{ title: 'a leap day is a date', search: 'from=2024-02-29', expected: audit({ from: '2024-02-29' }) },
		{ title: 'an inverted date range is kept (it simply matches nothing)', search: 'from=2025-04-01&to=2025-03-01', expected: audit({ from: '2025-04-01', to: '2025-03-01' }) },
		{ title: 'a page size not offered falls back to the default', search: 'limit=37', expected: A },
		{ title: 'a page size beyond the API’s limit is ignored', search: 'limit=5000', expected: A },
		{ title: 'a negative offset is ignored', search: 'offset=-50', expected: A },
		{ title: 'a fractional offset is ignored', search: 'offset=1.5', expected: A },
		{ title: 'a non-numeric offset is ignored', search: 'offset=abc', expected: A },
		{ title: 'spaces around values are trimmed', search: 'username=%20admin%20&offset=%2050', expected: audit({ username: 'admin', offset: 50 }) },
		{ title: 'blank values mean "not chosen"', search: 'username=&route=%20&outcome=&from=', expected: A },
		{ title: 'the grades page’s parameters are not the audit log’s', search: 'college=外国语学院&metric=p90', expected: A },
	];

	it.each(cases)('$title', ({ search, expected }) => {
		expect(parseAuditPageState(new URLSearchParams(search))).toEqual(expected);
	});
});

describe('serializeAuditPageState', () => {
	const cases: { title: string; state: AuditPageState; current?: string; expected: string }[] = [
		{ title: 'the defaults write nothing', state: A, expected: '' },
		{ title: 'the first page and the default size are not written', state: audit({ offset: 0, limit: 50 }), expected: '' },
		{ title: 'a later page is written', state: audit({ offset: 50 }), expected: 'offset=50' },
		{
			title: 'parameters come in one fixed order',
			state: audit({ offset: 20, limit: 20, to: '2025-03-31', from: '2025-03-01', outcome: 'ok', route: 'grades', username: 'admin' }),
			expected: 'username=admin&route=grades&outcome=ok&from=2025-03-01&to=2025-03-31&limit=20&offset=20',
		},
		{
			title: 'unrelated parameters are kept, ours replaced',
			state: audit({ outcome: 'error' }),
			current: 'tab=2&outcome=ok&offset=100',
			expected: 'tab=2&outcome=error',
		},
		{ title: 'a route is percent-encoded', state: audit({ route: '/api/auth/login' }), expected: `route=${encodeURIComponent('/api/auth/login')}` },
	];

	it.each(cases)('$title', ({ state, current, expected }) => {
		expect(serializeAuditPageState(state, new URLSearchParams(current ?? ''))).toBe(expected);
	});
});

describe('audit round trip', () => {
	const states: AuditPageState[] = [
		A,
		audit({ username: 'admin' }),
		audit({ route: '/api/grades/trends', outcome: 'refused', limit: 200 }),
		audit({ from: '2024-02-29', to: '2024-12-31', offset: 400, limit: 100 }),
		audit({ username: 'a&b=c?', route: '#x 学院' }),
	];

	it.each(states)('parse(serialize(%o)) is the same state', (original) => {
		expect(parseAuditPageState(new URLSearchParams(serializeAuditPageState(original)))).toEqual(original);
	});

	it('hrefWithState leaves the default view without "?"', () => {
		expect(hrefWithState(new URL('http://x/admin?offset=50&username=admin'), AUDIT_PAGE_SCHEMA, A)).toBe('/admin');
	});
});

describe('the audit API query', () => {
	const cases: { title: string; state: AuditPageState; expected: string }[] = [
		{ title: 'the page is always sent (the API’s default size differs)', state: A, expected: 'limit=50&offset=0' },
		{
			title: 'the same names as the page URL',
			state: audit({ username: 'leader', outcome: 'refused', from: '2025-01-01', offset: 100, limit: 100 }),
			expected: 'username=leader&outcome=refused&from=2025-01-01&limit=100&offset=100',
		},
	];

	it.each(cases)('$title', ({ state, expected }) => {
		expect(auditQuery(state)).toBe(expected);
	});
});
