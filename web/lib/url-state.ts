// The one URL-state module of the web app (DESIGN.md: "filter state in the URL").
//
// Rules (after Evidence's FILTER_SYSTEM.md and Rill's url-params):
// - Every URL parameter name is declared once, in `PARAM`; the filter names are the API's own query
//   names, so a page URL's filters and the API request it makes read the same.
// - The URL records only what the user chose: values equal to the default are not written, so the
//   default view has a clean URL and a shared link keeps meaning the same thing.
// - Values that do not parse (cohort_from=abc, metric=foo) fall back to the default instead of failing;
//   the server still validates everything it receives (e.g. cohort_from ≤ cohort_to) and its message
//   is shown to the user.
// - Writes replace the history entry (no Back-button trail of filter clicks) and keep focus and scroll.
//
// Everything here except `writeUrlState` is pure and unit-tested (test/unit/url-state.test.ts).

/** Every URL parameter the app reads or writes. */
export const PARAM = {
	cohortFrom: 'cohort_from',
	cohortTo: 'cohort_to',
	level: 'level',
	college: 'college',
	major: 'major',
	metric: 'metric',
	/** The audit log's filters and page (GET /api/admin/audit takes the same names). */
	username: 'username',
	route: 'route',
	outcome: 'outcome',
	from: 'from',
	to: 'to',
	limit: 'limit',
	offset: 'offset',
	/** The sign-in page's "where to go afterwards" (a path on this site). */
	next: 'next',
	/** Utilization filters (from/to above are its date range) and view choices; the API's own names. */
	category: 'category',
	channel: 'channel',
	purpose: 'purpose',
	requesterType: 'requester_type',
	period: 'period',
	by: 'by',
	serviceBy: 'service_by',
	horizon: 'horizon',
	/** The archive page's open report (an accession id). */
	accession: 'accession',
	/** The status page's view choices (its filters are the cohort filters above). */
	changeType: 'change_type',
	changeBy: 'change_by',
	changePeriod: 'change_period',
	outcomeBy: 'outcome_by',
	outcomeMeasure: 'outcome_measure',
	survivalBy: 'survival_by',
	groupA: 'group_a',
	groupB: 'group_b',
	riskFactor: 'factor',
	/** The grades dashboard: two more filters (the API's names), then its view choices (its comparison
	 * takes `by`, `group_a` and `group_b` above). */
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
	/** The reports page's entry cohort (GET /api/reports/cohort takes the same name). */
	cohort: 'cohort',
	/** The overview: the key figure whose trend is drawn, and the insights list's filters (the API's names). */
	figure: 'figure',
	insightArea: 'area',
	severity: 'severity',
} as const;

export type ParamName = (typeof PARAM)[keyof typeof PARAM];

/** How one value is read from and written to its URL parameter. `parse` returns undefined for junk. */
export interface Codec<T> {
	parse(raw: string): T | undefined;
	format(value: T): string;
}

export interface Field<T> {
	param: ParamName;
	codec: Codec<T>;
	default: T;
}

export type Schema<S> = { [K in keyof S]: Field<S[K]> };

// Longest free-text value accepted from a URL; college and major names are far shorter.
const MAX_TEXT_LENGTH = 200;

/** A four-digit year (entry cohort); null when absent. */
export const yearCodec: Codec<number | null> = {
	parse: (raw) => (/^\d{4}$/.test(raw.trim()) ? Number(raw.trim()) : undefined),
	format: (value) => (value === null ? '' : String(value)),
};

/** A free-text value such as a college name; blank means absent. */
export const textCodec: Codec<string | null> = {
	parse: (raw) => {
		const value = raw.trim();
		return value === '' || value.length > MAX_TEXT_LENGTH ? undefined : value;
	},
	format: (value) => value ?? '',
};

/** A calendar date as YYYY-MM-DD that exists (not 2024-02-30); null when absent. */
export const dateCodec: Codec<string | null> = {
	parse: (raw) => {
		const value = raw.trim();
		if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
		const date = new Date(`${value}T00:00:00Z`);
		return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : undefined;
	},
	format: (value) => value ?? '',
};

/** A whole number, written in plain digits, from `min` to `max`. */
export function integerCodec(min: number, max = Number.MAX_SAFE_INTEGER): Codec<number> {
	return {
		parse: (raw) => {
			const value = raw.trim();
			if (!/^\d{1,15}$/.test(value)) return undefined;
			const n = Number(value);
			return n >= min && n <= max ? n : undefined;
		},
		format: (value) => String(value),
	};
}

/** One of a fixed set of whole numbers (a page size, say). */
export function oneOfNumberCodec<T extends number>(values: readonly T[]): Codec<T> {
	const integer = integerCodec(0);
	return {
		parse: (raw) => {
			const n = integer.parse(raw);
			return n !== undefined && (values as readonly number[]).includes(n) ? (n as T) : undefined;
		},
		format: (value) => String(value),
	};
}

/** One of a fixed set of values. */
export function oneOfCodec<T extends string>(values: readonly T[]): Codec<T> {
	return {
		parse: (raw) => (values as readonly string[]).includes(raw.trim()) ? (raw.trim() as T) : undefined,
		format: (value) => value,
	};
}

/** Reads a typed state from URL search parameters: missing or unparsable values become defaults. */
export function parseState<S>(schema: Schema<S>, search: URLSearchParams): S {
	const state = {} as S;
	for (const key of Object.keys(schema) as (keyof S)[]) {
		const field = schema[key];
		const raw = search.get(field.param);
		const parsed = raw === null ? undefined : field.codec.parse(raw);
		state[key] = parsed === undefined ? field.default : parsed;
	}
	return state;
}

/**
 * Writes `state` into a copy of `current`: the schema's parameters are replaced, in schema order, by
 * the values that differ from their defaults; parameters the schema does not know are kept.
 */
export function serializeState<S>(
	schema: Schema<S>,
	state: S,
	current: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
	const next = new URLSearchParams(current);
	const keys = Object.keys(schema) as (keyof S)[];
	for (const key of keys) next.delete(schema[key].param);
	for (const key of keys) {
		const field = schema[key];
		const value = state[key];
		if (value === field.default || value === null || value === undefined) continue;
		const text = field.codec.format(value);
		if (text !== '') next.set(field.param, text);
	}
	return next;
}

/** `pathname?search` for `url` with `state` written into its search (no '?' when empty). */
export function hrefWithState<S>(url: URL, schema: Schema<S>, state: S): string {
	const search = serializeState(schema, state, url.searchParams).toString();
	return search ? `${url.pathname}?${search}` : url.pathname;
}

/**
 * Puts `state` into the address bar, replacing the current history entry. SvelteKit's `page.url`
 * follows, so pages that derive their state from it update by themselves.
 * `$app/navigation` is imported lazily so that this module's pure parts load outside SvelteKit
 * (unit tests, Node scripts).
 */
export async function writeUrlState<S>(url: URL, schema: Schema<S>, state: S): Promise<void> {
	const href = hrefWithState(url, schema, state);
	if (href === url.pathname + url.search) return;
	const { goto } = await import('$app/navigation');
	await goto(href, { replaceState: true, keepFocus: true, noScroll: true });
}

/**
 * Where the sign-in page sends the user afterwards (PARAM.next): a path on this site only. `next`
 * comes from the URL, so anything else — another origin, `//host`, `/\host`, `javascript:` — falls
 * back to `fallback` (no open redirect).
 */
export function safeNextPath(next: string | null, fallback: string): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
	return next;
}

// ---------------------------------------------------------------------------------------------
// Grades

/**
 * The cohort filters: the grade endpoints take them (GET /api/grades/…), and so do the status ones;
 * the API takes the same names.
 */
export interface GradeFilters {
	cohortFrom: number | null;
	cohortTo: number | null;
	level: string | null;
	college: string | null;
	major: string | null;
}

/** The grades metrics' filters: the cohort filters, the course nature and the attempt rule. */
export interface GradeMetricFilters extends GradeFilters {
	courseNature: string | null;
	/** Which result of a course counts (the API's attempt rule); first is the default. */
	attempt: AttemptRule;
}

export const ATTEMPT_RULES = ['first', 'best', 'latest'] as const;
export type AttemptRule = (typeof ATTEMPT_RULES)[number];

export const GRADE_METRICS = ['mean', 'median', 'fail_rate', 'p10', 'p90', 'gpa'] as const;
export type GradeMetric = (typeof GRADE_METRICS)[number];

/** The dashboard's panels, shown one at a time (each fetches its data only while it is shown). */
export const GRADE_PANELS = ['trends', 'distribution', 'courses', 'inflation', 'compare', 'progress'] as const;
export type GradePanel = (typeof GRADE_PANELS)[number];

export const TREND_AXES = ['term', 'year'] as const;
export const DISTRIBUTION_VIEWS = ['boxplot', 'histogram', 'gpa'] as const;
/** Distributions per college (per major once a college is chosen) or per cohort. */
export const DISTRIBUTION_GROUPS = ['college', 'cohort'] as const;
/** Grade inflation by the college that teaches and grades, or by the students' college (or major). */
export const INFLATION_GROUPS = ['teaching', 'students'] as const;
export const COMPARE_BY = ['cohort', 'college'] as const;
export const COMPARE_MEASURES = ['score', 'gpa'] as const;

export interface GradesPageState extends GradeMetricFilters {
	metric: GradeMetric;
	panel: GradePanel;
	/** Trends per term since entry or per academic year. */
	axis: (typeof TREND_AXES)[number];
	distribution: (typeof DISTRIBUTION_VIEWS)[number];
	distributionBy: (typeof DISTRIBUTION_GROUPS)[number];
	inflationGroup: (typeof INFLATION_GROUPS)[number];
	/** The course table narrowed to one teaching college. */
	teachingDept: string | null;
	/** The course whose year-by-year DFW rate is drawn. */
	course: string | null;
	compareBy: (typeof COMPARE_BY)[number];
	/** The two sides of the comparison (a cohort's year or a college); null = the server's default. */
	compareA: string | null;
	compareB: string | null;
	measure: (typeof COMPARE_MEASURES)[number];
}

export const GRADE_FILTERS_SCHEMA: Schema<GradeFilters> = {
	cohortFrom: { param: PARAM.cohortFrom, codec: yearCodec, default: null },
	cohortTo: { param: PARAM.cohortTo, codec: yearCodec, default: null },
	level: { param: PARAM.level, codec: textCodec, default: null },
	college: { param: PARAM.college, codec: textCodec, default: null },
	major: { param: PARAM.major, codec: textCodec, default: null },
};

export const GRADE_METRIC_FILTERS_SCHEMA: Schema<GradeMetricFilters> = {
	...GRADE_FILTERS_SCHEMA,
	courseNature: { param: PARAM.courseNature, codec: textCodec, default: null },
	attempt: { param: PARAM.attempt, codec: oneOfCodec(ATTEMPT_RULES), default: 'first' },
};

export const GRADES_PAGE_SCHEMA: Schema<GradesPageState> = {
	...GRADE_METRIC_FILTERS_SCHEMA,
	metric: { param: PARAM.metric, codec: oneOfCodec(GRADE_METRICS), default: 'mean' },
	panel: { param: PARAM.panel, codec: oneOfCodec(GRADE_PANELS), default: 'trends' },
	axis: { param: PARAM.axis, codec: oneOfCodec(TREND_AXES), default: 'term' },
	distribution: { param: PARAM.distribution, codec: oneOfCodec(DISTRIBUTION_VIEWS), default: 'boxplot' },
	distributionBy: { param: PARAM.distributionBy, codec: oneOfCodec(DISTRIBUTION_GROUPS), default: 'college' },
	inflationGroup: { param: PARAM.inflationGroup, codec: oneOfCodec(INFLATION_GROUPS), default: 'teaching' },
	teachingDept: { param: PARAM.teachingDept, codec: textCodec, default: null },
	course: { param: PARAM.course, codec: textCodec, default: null },
	compareBy: { param: PARAM.by, codec: oneOfCodec(COMPARE_BY), default: 'cohort' },
	compareA: { param: PARAM.groupA, codec: textCodec, default: null },
	compareB: { param: PARAM.groupB, codec: textCodec, default: null },
	measure: { param: PARAM.measure, codec: oneOfCodec(COMPARE_MEASURES), default: 'score' },
};

export const GRADES_PAGE_DEFAULTS: GradesPageState = parseState(GRADES_PAGE_SCHEMA, new URLSearchParams());

/**
 * The grades page's state from its URL. A major is only meaningful inside its college (the major
 * select depends on the college), so a major without a college is dropped.
 */
export function parseGradesPageState(search: URLSearchParams): GradesPageState {
	const state = parseState(GRADES_PAGE_SCHEMA, search);
	if (state.college === null) state.major = null;
	return state;
}

/** The grades page's URL search for `state` ('' for the default view), keeping unrelated params. */
export function serializeGradesPageState(state: GradesPageState, current?: URLSearchParams): string {
	const normalized = state.college === null ? { ...state, major: null } : state;
	return serializeState(GRADES_PAGE_SCHEMA, normalized, current).toString();
}

/** Just the filters, for an API request: the page's other parameters (metric) stay out. */
export function gradeFiltersOf(state: GradeFilters): GradeFilters {
	const { cohortFrom, cohortTo, level, college, major } = state;
	return { cohortFrom, cohortTo, level, college, major };
}

/** The grades metrics' filters, for their API requests: the view choices stay out. */
export function gradeMetricFiltersOf(state: GradeMetricFilters): GradeMetricFilters {
	return { ...gradeFiltersOf(state), courseNature: state.courseNature, attempt: state.attempt };
}

// ---------------------------------------------------------------------------------------------
// Admin: the audit log

export const AUDIT_OUTCOMES = ['ok', 'refused', 'error'] as const;
/** ok: status < 400; refused: 4xx; error: 5xx (the API's own split). */
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AUDIT_PAGE_SIZES = [20, 50, 100, 200] as const;
export type AuditPageSize = (typeof AUDIT_PAGE_SIZES)[number];

/** The audit log's filters; GET /api/admin/audit takes the same names. */
export interface AuditFilters {
	/** One account, exactly. */
	username: string | null;
	/** Part of the route path (grades, /api/auth/login …). */
	route: string | null;
	outcome: AuditOutcome | null;
	/** YYYY-MM-DD, inclusive, UTC days (the log's own clock). */
	from: string | null;
	to: string | null;
}

export interface AuditPageState extends AuditFilters {
	limit: AuditPageSize;
	/** Rows skipped, newest first. */
	offset: number;
}

export const AUDIT_FILTERS_SCHEMA: Schema<AuditFilters> = {
	username: { param: PARAM.username, codec: textCodec, default: null },
	route: { param: PARAM.route, codec: textCodec, default: null },
	outcome: { param: PARAM.outcome, codec: oneOfCodec(AUDIT_OUTCOMES), default: null },
	from: { param: PARAM.from, codec: dateCodec, default: null },
	to: { param: PARAM.to, codec: dateCodec, default: null },
};

export const AUDIT_PAGE_SCHEMA: Schema<AuditPageState> = {
	...AUDIT_FILTERS_SCHEMA,
	limit: { param: PARAM.limit, codec: oneOfNumberCodec(AUDIT_PAGE_SIZES), default: 50 },
	offset: { param: PARAM.offset, codec: integerCodec(0), default: 0 },
};

export const AUDIT_PAGE_DEFAULTS: AuditPageState = parseState(AUDIT_PAGE_SCHEMA, new URLSearchParams());

/** The admin page's audit state from its URL. */
export function parseAuditPageState(search: URLSearchParams): AuditPageState {
	return parseState(AUDIT_PAGE_SCHEMA, search);
}

/** The admin page's URL search for `state` ('' for the default view), keeping unrelated params. */
export function serializeAuditPageState(state: AuditPageState, current?: URLSearchParams): string {
	return serializeState(AUDIT_PAGE_SCHEMA, state, current).toString();
}

/** Just the filters (a change of filters starts again at the first page). */
export function auditFiltersOf(state: AuditFilters): AuditFilters {
	const { username, route, outcome, from, to } = state;
	return { username, route, outcome, from, to };
}

// ---------------------------------------------------------------------------------------------
// Utilization (档案利用)

/** Filters of every utilization endpoint; GET /api/utilization/* take the same names. */
export interface UtilizationFilters {
	/** YYYY-MM-DD, inclusive, the day requested. */
	from: string | null;
	to: string | null;
	category: string | null;
	channel: string | null;
	purpose: string | null;
	requesterType: string | null;
}

export const UTILIZATION_PERIODS = ['month', 'quarter', 'year'] as const;
export type UtilizationPeriod = (typeof UTILIZATION_PERIODS)[number];

/** What the breakdown card may cut the requests by. */
export const BREAKDOWN_DIMENSIONS = ['category', 'purpose', 'requester_type', 'channel', 'delivery'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** What the service-time card may cut the requests by. */
export const SERVICE_DIMENSIONS = ['channel', 'purpose', 'requester_type', 'category'] as const;
export type ServiceDimension = (typeof SERVICE_DIMENSIONS)[number];

export const FORECAST_HORIZONS = [6, 9, 12] as const;
export type ForecastHorizon = (typeof FORECAST_HORIZONS)[number];

export interface UtilizationPageState extends UtilizationFilters {
	period: UtilizationPeriod;
	by: BreakdownDimension;
	serviceBy: ServiceDimension;
	horizon: ForecastHorizon;
}

export const UTILIZATION_FILTERS_SCHEMA: Schema<UtilizationFilters> = {
	from: { param: PARAM.from, codec: dateCodec, default: null },
	to: { param: PARAM.to, codec: dateCodec, default: null },
	category: { param: PARAM.category, codec: textCodec, default: null },
	channel: { param: PARAM.channel, codec: textCodec, default: null },
	purpose: { param: PARAM.purpose, codec: textCodec, default: null },
	requesterType: { param: PARAM.requesterType, codec: textCodec, default: null },
};

export const UTILIZATION_PAGE_SCHEMA: Schema<UtilizationPageState> = {
	...UTILIZATION_FILTERS_SCHEMA,
	period: { param: PARAM.period, codec: oneOfCodec(UTILIZATION_PERIODS), default: 'month' },
	by: { param: PARAM.by, codec: oneOfCodec(BREAKDOWN_DIMENSIONS), default: 'category' },
	serviceBy: { param: PARAM.serviceBy, codec: oneOfCodec(SERVICE_DIMENSIONS), default: 'channel' },
	horizon: { param: PARAM.horizon, codec: oneOfNumberCodec(FORECAST_HORIZONS), default: 12 },
};

export const UTILIZATION_PAGE_DEFAULTS: UtilizationPageState = parseState(UTILIZATION_PAGE_SCHEMA, new URLSearchParams());

/** The utilization page's state from its URL. */
export function parseUtilizationPageState(search: URLSearchParams): UtilizationPageState {
	return parseState(UTILIZATION_PAGE_SCHEMA, search);
}

/** The utilization page's URL search for `state` ('' for the default view), keeping unrelated params. */
export function serializeUtilizationPageState(state: UtilizationPageState, current?: URLSearchParams): string {
	return serializeState(UTILIZATION_PAGE_SCHEMA, state, current).toString();
}

/** Just the filters, for the API requests: the view choices (period, by …) stay out. */
export function utilizationFiltersOf(state: UtilizationFilters): UtilizationFilters {
	const { from, to, category, channel, purpose, requesterType } = state;
	return { from, to, category, channel, purpose, requesterType };
}

// ---------------------------------------------------------------------------------------------
// Status (学籍异动)

/** What the status-change breakdown may cut the changes by (the change type has its own select). */
export const STATUS_CHANGE_GROUPS = ['reason', 'college', 'major', 'level'] as const;
export type StatusChangeBreakdown = (typeof STATUS_CHANGE_GROUPS)[number];

export const STATUS_CHANGE_PERIODS = ['year', 'term'] as const;
export type StatusChangeTimePeriod = (typeof STATUS_CHANGE_PERIODS)[number];

export const STATUS_OUTCOME_GROUPS = ['none', 'college', 'major', 'level'] as const;
export type StatusOutcomeBreakdown = (typeof STATUS_OUTCOME_GROUPS)[number];

/** The outcome drawn per group when the outcomes are cut by college, major or level. */
export const STATUS_OUTCOME_MEASURES = ['retention', 'grad_100', 'grad_150', 'grad_200'] as const;
export type StatusOutcomeMeasure = (typeof STATUS_OUTCOME_MEASURES)[number];

export const STATUS_SURVIVAL_GROUPS = ['cohort', 'college', 'level', 'none'] as const;
export type StatusSurvivalBreakdown = (typeof STATUS_SURVIVAL_GROUPS)[number];

export const STATUS_RISK_FACTORS = ['gpa', 'failed_credits'] as const;
export type StatusRiskFactorChoice = (typeof STATUS_RISK_FACTORS)[number];

/** The status page: the cohort filters (the API's names) and each card's view choice. */
export interface StatusPageState extends GradeFilters {
	/** The change type the breakdown shows (退学 by default: the change leaders ask about first). */
	changeType: string;
	changeBy: StatusChangeBreakdown;
	changePeriod: StatusChangeTimePeriod;
	outcomeBy: StatusOutcomeBreakdown;
	outcomeMeasure: StatusOutcomeMeasure;
	survivalBy: StatusSurvivalBreakdown;
	/** The two groups of the log-rank comparison (b null: a against everyone else). */
	groupA: string | null;
	groupB: string | null;
	riskFactor: StatusRiskFactorChoice;
}

export const STATUS_PAGE_SCHEMA: Schema<StatusPageState> = {
	...GRADE_FILTERS_SCHEMA,
	changeType: { param: PARAM.changeType, codec: textCodec as Codec<string>, default: '退学' },
	changeBy: { param: PARAM.changeBy, codec: oneOfCodec(STATUS_CHANGE_GROUPS), default: 'reason' },
	changePeriod: { param: PARAM.changePeriod, codec: oneOfCodec(STATUS_CHANGE_PERIODS), default: 'year' },
	outcomeBy: { param: PARAM.outcomeBy, codec: oneOfCodec(STATUS_OUTCOME_GROUPS), default: 'none' },
	outcomeMeasure: { param: PARAM.outcomeMeasure, codec: oneOfCodec(STATUS_OUTCOME_MEASURES), default: 'grad_150' },
	survivalBy: { param: PARAM.survivalBy, codec: oneOfCodec(STATUS_SURVIVAL_GROUPS), default: 'cohort' },
	groupA: { param: PARAM.groupA, codec: textCodec, default: null },
	groupB: { param: PARAM.groupB, codec: textCodec, default: null },
	riskFactor: { param: PARAM.riskFactor, codec: oneOfCodec(STATUS_RISK_FACTORS), default: 'gpa' },
};

export const STATUS_PAGE_DEFAULTS: StatusPageState = parseState(STATUS_PAGE_SCHEMA, new URLSearchParams());

/**
 * The status page's state from its URL. As on the grades page a major needs its college; the compared
 * groups belong to the survival grouping, so without a first group there is no second.
 */
export function parseStatusPageState(search: URLSearchParams): StatusPageState {
	const state = parseState(STATUS_PAGE_SCHEMA, search);
	if (state.college === null) state.major = null;
	if (state.groupA === null || state.survivalBy === 'none') {
		state.groupA = null;
		state.groupB = null;
	}
	if (state.groupB === state.groupA) state.groupB = null;
	return state;
}

/** The status page's URL search for `state` ('' for the default view), keeping unrelated params. */
export function serializeStatusPageState(state: StatusPageState, current?: URLSearchParams): string {
	return serializeState(STATUS_PAGE_SCHEMA, state, current).toString();
}

// ---------------------------------------------------------------------------------------------
// Reports (报表)

/** The reports page: one entry cohort (null: the newest in the data), optionally a college and a major. */
export interface ReportsPageState {
	cohort: number | null;
	college: string | null;
	major: string | null;
}

export const REPORTS_PAGE_SCHEMA: Schema<ReportsPageState> = {
	cohort: { param: PARAM.cohort, codec: yearCodec, default: null },
	college: { param: PARAM.college, codec: textCodec, default: null },
	major: { param: PARAM.major, codec: textCodec, default: null },
};

/** The reports page's state from its URL; as on the other pages a major needs its college. */
export function parseReportsPageState(search: URLSearchParams, ownCollege: string | null = null): ReportsPageState {
	const state = parseState(REPORTS_PAGE_SCHEMA, search);
	// A major belongs to a college: the one in the URL, or a college account's own (never in its URL).
	if (state.college === null && ownCollege === null) state.major = null;
	return state;
}

// ---------------------------------------------------------------------------------------------
// Overview (总览)

export const OVERVIEW_MEASURES = [
	'students_enrolled',
	'grad_rate_100',
	'retention_first_year',
	'status_change_rate',
	'mean_gpa',
	'archive_requests',
	'student_record_share',
] as const;
export type OverviewFigure = (typeof OVERVIEW_MEASURES)[number];

export const INSIGHT_AREAS = ['grades', 'status', 'utilization', 'quality'] as const;
export const INSIGHT_SEVERITIES = ['high', 'medium', 'low'] as const;

/** The overview page: one college (leaders may pick; a college account always has its own), the key
 * figure whose trend is drawn, and the insights list's area and lowest severity. */
export interface OverviewPageState {
	college: string | null;
	figure: OverviewFigure;
	area: (typeof INSIGHT_AREAS)[number] | null;
	severity: (typeof INSIGHT_SEVERITIES)[number] | null;
}

export const OVERVIEW_PAGE_SCHEMA: Schema<OverviewPageState> = {
	college: { param: PARAM.college, codec: textCodec, default: null },
	figure: { param: PARAM.figure, codec: oneOfCodec(OVERVIEW_MEASURES), default: 'students_enrolled' },
	area: { param: PARAM.insightArea, codec: oneOfCodec(INSIGHT_AREAS) as Codec<OverviewPageState['area']>, default: null },
	severity: { param: PARAM.severity, codec: oneOfCodec(INSIGHT_SEVERITIES) as Codec<OverviewPageState['severity']>, default: null },
};

export function parseOverviewPageState(search: URLSearchParams): OverviewPageState {
	return parseState(OVERVIEW_PAGE_SCHEMA, search);
}
