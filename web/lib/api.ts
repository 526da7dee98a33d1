// The one place the web app talks to the API (same origin, JSON).
//
// Every function is typed by the API's response; every failure is thrown as an ApiError carrying the
// HTTP status and the server's `message` (the API's one error shape: { statusCode, error, message }),
// which the UI shows to the user as is. Network failures are ApiError with status 0.
//
// Sessions: the API keeps the session in an HttpOnly cookie (sent by the browser by itself) and wants
// the session's CSRF token echoed in `x-csrf-token` on every state-changing request; `setCsrfToken`
// is fed by the session module. A 401 from a data request means the session ended: the handler set
// with `onUnauthorized` (the app shell) sends the user to the sign-in page.

import {
	AUDIT_FILTERS_SCHEMA,
	GRADE_FILTERS_SCHEMA,
	GRADE_METRIC_FILTERS_SCHEMA,
	PARAM,
	auditFiltersOf,
	gradeFiltersOf,
	gradeMetricFiltersOf,
	serializeState,
	type AuditPageState,
	type GradeFilters,
	type GradeMetricFilters,
} from './url-state.ts';
import {
	UTILIZATION_FILTERS_SCHEMA,
	utilizationFiltersOf,
	type BreakdownDimension,
	type ServiceDimension,
	type UtilizationFilters,
	type UtilizationPeriod,
} from './url-state.ts';

export class ApiError extends Error {
	override readonly name = 'ApiError';
	/** HTTP status; 0 when the server could not be reached or the request was not answered. */
	readonly status: number;

	constructor(status: number, message: string) {
		super(message);
		this.status = status;
	}
}

export interface Health {
	status: string;
	/** The curated data version readers see; null while the archive is empty. */
	version: string | null;
	students: number;
}

export type Role = 'leader' | 'teaching_affairs' | 'college' | 'archivist' | 'admin';

export interface SessionUser {
	username: string;
	display_name: string;
	role: Role | string;
	/** The server's Chinese name of the role (校领导 …). */
	role_label: string;
	/** A college account's own college; null for school-wide roles. */
	college: string | null;
}

export interface SessionInfo {
	user: SessionUser;
	csrf_token: string;
}

export interface DemoAccounts {
	demo: boolean;
	password: string | null;
	accounts: { username: string; role: string; role_label: string; college: string | null }[];
}

export interface College {
	name: string;
	majors: string[];
}

export interface Meta {
	version: string;
	/** Entry years, ascending. */
	cohorts: number[];
	levels: string[];
	colleges: College[];
	/** Course natures (课程性质) in the grades, most common first. */
	course_natures: string[];
	/** The attempt rules answered from rollups (at once); the others are worked out from every result. */
	attempts_rolled_up: string[];
}

/**
 * Fields the API adds to aggregate rows for roles that see small-cell-suppressed answers: a hidden
 * cell has its count and measures set to null; an extreme rate on a small base is null with its
 * bound ('<5%' / '>95%') in `censored`.
 */
export interface Suppressible {
	suppressed?: boolean;
	censored?: Record<string, string>;
}

export interface SuppressionNote {
	threshold: number;
	cells: number;
}

export interface GradeTrendRow extends Suppressible {
	entry_year: number;
	/** 1 … 10: the student's 1st … 10th term since entry. */
	term_index: number;
	/** Null when the cell is suppressed. */
	n: number | null;
	mean: number | null;
	median: number | null;
	p10: number | null;
	p90: number | null;
	/** Share of results below the pass mark, 0 … 1. */
	fail_rate: number | null;
	/** Students behind the results; credit-weighted mean grade point. */
	students?: number | null;
	gpa?: number | null;
}

export interface GradeTrends {
	version: string;
	rows: GradeTrendRow[];
	/** Present when the answer was suppressed for the caller's role. */
	suppression?: SuppressionNote;
}

/** One call in the audit log (GET /api/admin/audit). */
export interface AuditRow {
	/** 1, 2, 3 … in the order written; the hash chain links each entry to the one before. */
	seq: number;
	/** ISO 8601, UTC. */
	at: string;
	/** Null for calls without a session (a failed sign-in, say). */
	username: string | null;
	role: string | null;
	college: string | null;
	method: string;
	/** The route pattern, e.g. /api/grades/trends. */
	route: string;
	/** Query and path parameters as received (for a sign-in: the user name tried, never the password). */
	params: Record<string, unknown>;
	status: number;
	/** Rows in the answer; null when the answer had none. */
	rows: number | null;
	ms: number;
	ip: string | null;
}

export interface AuditLog {
	/** Rows matching the filters (all pages). */
	total: number;
	/** The whole log's hash check: first_broken is the 0-based index of the first bad entry, -1 if none. */
	chain: { entries: number; first_broken: number };
	/** Newest first. */
	rows: AuditRow[];
}

export interface Account {
	username: string;
	display_name: string;
	role: Role | string;
	college: string | null;
	disabled: boolean;
	demo: boolean;
	created_at: string;
}

export interface RequestOptions {
	signal?: AbortSignal;
}

interface ErrorBody {
	statusCode?: number;
	error?: string;
	message?: string;
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

/** The session's CSRF token, sent with every POST; null when signed out. */
export function setCsrfToken(token: string | null): void {
	csrfToken = token;
}

/** Called when a data request answers 401 (the session ended or never began). */
export function onUnauthorized(handler: (() => void) | null): void {
	unauthorizedHandler = handler;
}

interface JsonRequest extends RequestOptions {
	method?: 'GET' | 'POST';
	body?: unknown;
	/** Whether a 401 means "session over" (false for the auth routes, where 401 is an answer). */
	reportUnauthorized?: boolean;
}

async function requestJson<T>(path: string, options: JsonRequest = {}): Promise<T> {
	const method = options.method ?? 'GET';
	const headers: Record<string, string> = { accept: 'application/json' };
	if (method !== 'GET') {
		headers['content-type'] = 'application/json';
		if (csrfToken) headers['x-csrf-token'] = csrfToken;
	}
	let response: Response;
	try {
		response = await fetch(path, {
			method,
			headers,
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
			credentials: 'same-origin',
			signal: options.signal,
		});
	} catch (cause) {
		if (options.signal?.aborted) throw cause; // a superseded request: the caller ignores AbortError
		throw new ApiError(0, cause instanceof Error ? cause.message : String(cause));
	}
	const text = await response.text();
	let body: unknown = undefined;
	try {
		body = text ? JSON.parse(text) : undefined;
	} catch {
		// not JSON (a proxy's HTML error page, say): handled below
	}
	if (!response.ok) {
		const error = (body ?? {}) as ErrorBody;
		const message =
			typeof error.message === 'string' && error.message !== ''
				? error.message
				: `${response.status} ${error.error ?? response.statusText}`.trim();
		if (response.status === 401 && options.reportUnauthorized !== false) unauthorizedHandler?.();
		throw new ApiError(response.status, message);
	}
	if (body === undefined) throw new ApiError(response.status, `Expected JSON from ${path}`);
	return body as T;
}

/** The API's query string for grade filters: the same parameter names as the page URL. */
export function gradeFiltersQuery(filters: GradeFilters): string {
	return serializeState(GRADE_FILTERS_SCHEMA, gradeFiltersOf(filters)).toString();
}

export function getHealth(options?: RequestOptions): Promise<Health> {
	return requestJson<Health>('/api/health', options);
}

/** The signed-in account, or null when there is no session. */
export async function getSession(): Promise<SessionInfo | null> {
	try {
		return await requestJson<SessionInfo>('/api/auth/me', { reportUnauthorized: false });
	} catch (error) {
		if (error instanceof ApiError && error.status === 401) return null;
		throw error;
	}
}

export function login(username: string, password: string): Promise<SessionInfo> {
	return requestJson<SessionInfo>('/api/auth/login', {
		method: 'POST',
		body: { username, password },
		reportUnauthorized: false,
	});
}

export async function logout(): Promise<void> {
	await requestJson<{ ok: boolean }>('/api/auth/logout', { method: 'POST', body: {}, reportUnauthorized: false });
}

/** The demo accounts the sign-in page may offer (an empty list outside demo mode). */
export function getDemoAccounts(): Promise<DemoAccounts> {
	return requestJson<DemoAccounts>('/api/auth/demo-accounts', { reportUnauthorized: false });
}

// Filter options change only with a new data version or another account (a college account sees its
// own college only); one request per page load and session is enough.
let metaPromise: Promise<Meta> | null = null;

/** Forgets what was fetched for the previous account. */
export function clearCachedAnswers(): void {
	metaPromise = null;
}

export function getMeta(): Promise<Meta> {
	if (!metaPromise) {
		metaPromise = requestJson<Meta>('/api/meta');
		metaPromise.catch(() => (metaPromise = null)); // let a later call retry after a failure
	}
	return metaPromise;
}

export function getGradeTrends(filters: GradeMetricFilters, options?: RequestOptions): Promise<GradeTrends> {
	return requestJson<GradeTrends>(gradesUrl('trends', filters), options);
}

// Grades: the dashboard's other metrics (GET /api/grades/…, api/routes/grades.ts) ------------------

/** The API's query string for the grades metrics' filters (cohort filters, course nature, attempt rule). */
export function gradeMetricFiltersQuery(filters: GradeMetricFilters): string {
	return serializeState(GRADE_METRIC_FILTERS_SCHEMA, gradeMetricFiltersOf(filters)).toString();
}

type QueryValue = string | number | boolean | null | undefined;

function gradesUrl(route: string, filters: GradeMetricFilters, extra: Record<string, QueryValue> = {}): string {
	const query = new URLSearchParams(gradeMetricFiltersQuery(filters));
	for (const [name, value] of Object.entries(extra)) if (value !== null && value !== undefined && value !== '') query.set(name, String(value));
	const search = query.toString();
	return search ? `/api/grades/${route}?${search}` : `/api/grades/${route}`;
}

export interface GradeAnswer<T> {
	version: string;
	rows: T[];
	suppression?: SuppressionNote;
}

export interface GradeYearTrendRow extends Suppressible {
	academic_year: number;
	n: number | null;
	students: number | null;
	mean: number | null;
	median: number | null;
	p10: number | null;
	p90: number | null;
	fail_rate: number | null;
	gpa: number | null;
}

/** Groups of the distributions: cohort (entry year), the students' college or major, or the teaching college. */
export type GradeGroupBy = 'cohort' | 'college' | 'major' | 'teaching_dept';

export interface ScoreBinRow extends Suppressible {
	/** The group: a cohort's year as text, a college, major or teaching college. */
	grp: string;
	bin_lower: number;
	bin_upper: number;
	results: number | null;
	students: number | null;
	/** Share of the group's results. */
	share: number | null;
}

export interface BoxplotRow extends Suppressible {
	grp: string;
	n: number | null;
	students: number | null;
	mean: number | null;
	sd: number | null;
	q1: number | null;
	median: number | null;
	q3: number | null;
	/** Tukey's whiskers: the most extreme results within 1.5 IQR of the quartiles. */
	whisker_low: number | null;
	whisker_high: number | null;
	outliers_low: number | null;
	outliers_high: number | null;
}

export interface GpaBandRow extends Suppressible {
	grp: string;
	band_lower: number;
	band_upper: number;
	students: number | null;
	share: number | null;
}

/** A first-attempt DFW rate with its Wilson interval and its standing among peers. */
export interface DfwStanding extends Suppressible {
	/** Too few results to rank: no z-score, rank or outlier flag. */
	volatile: boolean;
	peers: number;
	n: number | null;
	students: number | null;
	dfw: number | null;
	dfw_rate: number | null;
	ci_low: number | null;
	ci_high: number | null;
	peer_mean: number | null;
	z: number | null;
	outlier: 'high' | 'low' | null;
	/** 1 = the highest DFW rate among the ranked rows. */
	rank: number | null;
}

export interface CourseDifficultyRow extends DfwStanding {
	course_id: string;
	course_name: string;
	teaching_dept: string | null;
	course_nature: string | null;
	first_year: number;
	last_year: number;
}

export interface DepartmentDifficultyRow extends DfwStanding {
	teaching_dept: string;
	courses: number | null;
}

export interface CourseYearRow extends Suppressible {
	course_id: string;
	academic_year: number;
	course_name: string;
	teaching_dept: string | null;
	course_nature: string | null;
	volatile: boolean;
	previous_year: number | null;
	n: number | null;
	students: number | null;
	dfw: number | null;
	dfw_rate: number | null;
	ci_low: number | null;
	ci_high: number | null;
	/** This year's rate minus the previous year's (both not volatile). */
	change: number | null;
	p_value: number | null;
	/** Benjamini–Hochberg adjusted over every course-year under the filters. */
	q_value: number | null;
	jump: 'up' | 'down' | null;
}

export type InflationGroupBy = 'teaching_dept' | 'college' | 'major';

export interface InflationYearRow extends Suppressible {
	grp: string;
	academic_year: number;
	n: number | null;
	students: number | null;
	mean: number | null;
	/** Share of scores of 90 or more. */
	share_90: number | null;
}

export interface InflationTrendRow extends Suppressible {
	grp: string;
	years: number;
	first_year: number;
	last_year: number;
	n: number | null;
	students: number | null;
	/** Points per year, with r² and the 95% interval. */
	slope: number | null;
	intercept: number | null;
	r2: number | null;
	slope_low: number | null;
	slope_high: number | null;
	share_90_slope: number | null;
	share_90_low: number | null;
	share_90_high: number | null;
	/** Points per year with the course mix held fixed. */
	within_course_slope: number | null;
	courses_over_years: number | null;
}

export interface ComparisonRow extends Suppressible {
	by: 'cohort' | 'college';
	measure: 'score' | 'gpa';
	a: string;
	b: string;
	/** Results up to this term index were compared (cohorts at the same point); null = all. */
	term_limit: number | null;
	students: number | null;
	a_students: number | null;
	a_mean: number | null;
	a_sd: number | null;
	b_students: number | null;
	b_mean: number | null;
	b_sd: number | null;
	/** b − a, with its 95% interval. */
	difference: number | null;
	ci_low: number | null;
	ci_high: number | null;
	t: number | null;
	df: number | null;
	p_value: number | null;
	cohens_d: number | null;
	effect: 'negligible' | 'small' | 'medium' | 'large' | null;
	verdict_zh: string | null;
	verdict_en: string | null;
}

export interface ProgressRow extends Suppressible {
	entry_year: number;
	term_index: number;
	kind: 'gpa' | 'failed_credits';
	/** 0, 1, … in order: GPA band 0 lies below the warning line; failed-credit bands 0 none … 3 serious. */
	band: number;
	lower: number;
	upper: number | null;
	warning: boolean;
	students: number | null;
	share: number | null;
}

export interface GradeProgress extends GradeAnswer<ProgressRow> {
	thresholds: { warning_gpa: number; warning_credits: number; serious_credits: number };
}

export function getGradeYearTrends(filters: GradeMetricFilters, options?: RequestOptions) {
	return requestJson<GradeAnswer<GradeYearTrendRow>>(gradesUrl('trends/years', filters), options);
}

export function getScoreHistogram(filters: GradeMetricFilters, by: GradeGroupBy, bin: 1 | 2 | 5 | 10, options?: RequestOptions) {
	return requestJson<GradeAnswer<ScoreBinRow>>(gradesUrl('distribution/scores', filters, { by, bin }), options);
}

export function getScoreBoxplot(filters: GradeMetricFilters, by: GradeGroupBy, options?: RequestOptions) {
	return requestJson<GradeAnswer<BoxplotRow>>(gradesUrl('distribution/boxplot', filters, { by }), options);
}

export function getGpaBands(filters: GradeMetricFilters, by: Exclude<GradeGroupBy, 'teaching_dept'>, options?: RequestOptions) {
	return requestJson<GradeAnswer<GpaBandRow>>(gradesUrl('distribution/gpa', filters, { by }), options);
}

export const COURSE_SORT_KEYS = ['rank', 'course_name', 'teaching_dept', 'n', 'dfw_rate', 'z'] as const;
export type CourseSortKey = (typeof COURSE_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** Which rows of the course table, in which order; no limit: every row (a download). */
export interface CourseTableQuery {
	sort: CourseSortKey;
	/** Absent: the API's default for the column (rates, counts, z high to low; the rest ascending). */
	direction?: SortDirection;
	outliersOnly: boolean;
	offset?: number;
	limit?: number;
}

/** The page a paged answer holds (api/plugins/table-page.ts). */
export interface PageNote {
	total: number;
	offset: number;
	limit: number | null;
	sort: string;
	direction: SortDirection;
}

/** The course table, sorted and paged by the API (after suppression, so every page hides the same). */
export function getCourseDifficulty(filters: GradeMetricFilters, teachingDept: string | null, table: CourseTableQuery, options?: RequestOptions) {
	return requestJson<GradeAnswer<CourseDifficultyRow> & { page: PageNote }>(
		gradesUrl('courses', filters, {
			teaching_dept: teachingDept,
			sort: table.sort,
			direction: table.direction,
			outliers_only: table.outliersOnly || null,
			offset: table.offset || null,
			limit: table.limit,
		}),
		options,
	);
}

export function getDepartmentDifficulty(filters: GradeMetricFilters, options?: RequestOptions) {
	return requestJson<GradeAnswer<DepartmentDifficultyRow>>(gradesUrl('departments', filters), options);
}

/** One course's years (courseId), or every flagged jump under the filters (courseId null). */
export function getCourseYears(filters: GradeMetricFilters, courseId: string | null, options?: RequestOptions) {
	const extra = courseId === null ? { jumps_only: true } : { course_id: courseId };
	return requestJson<GradeAnswer<CourseYearRow>>(gradesUrl('courses/years', filters, extra), options);
}

export function getInflation(filters: GradeMetricFilters, by: InflationGroupBy, options?: RequestOptions) {
	return requestJson<GradeAnswer<InflationYearRow>>(gradesUrl('inflation', filters, { by }), options);
}

export function getInflationTrends(filters: GradeMetricFilters, by: InflationGroupBy, options?: RequestOptions) {
	return requestJson<GradeAnswer<InflationTrendRow>>(gradesUrl('inflation/trends', filters, { by }), options);
}

export function getComparison(
	filters: GradeMetricFilters,
	choice: { by: 'cohort' | 'college'; a: string | null; b: string | null; measure: 'score' | 'gpa' },
	options?: RequestOptions,
) {
	return requestJson<GradeAnswer<ComparisonRow>>(gradesUrl('compare', filters, choice), options);
}

export function getProgress(filters: GradeMetricFilters, options?: RequestOptions) {
	return requestJson<GradeProgress>(gradesUrl('progress', filters), options);
}

/** The API's query string for an audit-log page: the filters under the page URL's names, then the page. */
export function auditQuery(state: AuditPageState): string {
	const query = serializeState(AUDIT_FILTERS_SCHEMA, auditFiltersOf(state));
	query.set(PARAM.limit, String(state.limit));
	query.set(PARAM.offset, String(state.offset));
	return query.toString();
}

/** The audit log, newest first, filtered and paged (administrators only). */
export function getAuditLog(state: AuditPageState, options?: RequestOptions): Promise<AuditLog> {
	return requestJson<AuditLog>(`/api/admin/audit?${auditQuery(state)}`, options);
}

/** The accounts, without their password hashes (administrators only). */
export function getAccounts(options?: RequestOptions): Promise<{ rows: Account[] }> {
	return requestJson<{ rows: Account[] }>('/api/admin/users', options);
}

export function isAbortError(error: unknown): boolean {
	return error instanceof DOMException && error.name === 'AbortError';
}

// ---------------------------------------------------------------------------------------------
// Utilization (档案利用): GET /api/utilization/*. Definitions: sql/metrics/utilization/README.md.

/** What the utilization filters offer, and the days the request log spans. */
export interface UtilizationOptions {
	version: string;
	categories: string[];
	channels: string[];
	purposes: string[];
	requester_types: string[];
	first_day: string | null;
	last_day: string | null;
}

/** Key figures (one row; its measures are null when the server hid them). */
export interface UtilizationSummaryRow extends Suppressible {
	first_day: string | null;
	last_day: string | null;
	requests: number | null;
	/** 卷次, refused requests left out. */
	items: number | null;
	pages: number | null;
	student_record_requests: number | null;
	/** 学籍 over requests with a category, 0 … 1. */
	student_record_share: number | null;
	onsite_share: number | null;
	/** PC端, 移动端, 自助终端 over requests with a channel. */
	online_share: number | null;
	completed: number | null;
	median_hours: number | null;
	p90_hours: number | null;
	/** Completed within 1 / 3 working days (Mon–Fri, holidays ignored). */
	within_1wd: number | null;
	within_3wd: number | null;
}

export interface UtilizationPeriodRow extends Suppressible {
	/** 2024-03, 2024-Q1 or 2024. */
	period: string;
	period_start: string;
	year: number | null;
	requests: number | null;
	items: number | null;
	pages: number | null;
	student_record_share: number | null;
	onsite_share: number | null;
	online_share: number | null;
}

export interface UtilizationBreakdownRow extends Suppressible {
	/** Null: not recorded. For channel_group: onsite, online or other. */
	value: string | null;
	requests: number | null;
	items: number | null;
	pages: number | null;
	share: number | null;
	items_share: number | null;
}

export interface UtilizationCrosstabRow extends Suppressible {
	row_value: string | null;
	col_value: string | null;
	requests: number | null;
	items: number | null;
	row_share: number | null;
}

export interface UtilizationServiceRow extends Suppressible {
	value: string | null;
	requests: number | null;
	completed: number | null;
	median_hours: number | null;
	p90_hours: number | null;
	within_1wd: number | null;
	within_3wd: number | null;
}

export interface UtilizationSeasonalRow extends Suppressible {
	/** 1 = January … 12. */
	month: number;
	requests: number | null;
	mean_requests: number | null;
	/** Ratio to the academic year's mean month; the twelve average 1. */
	index: number | null;
}

export interface UtilizationHistoryRow extends Suppressible {
	/** YYYY-MM, complete months only. */
	month: string;
	year: number;
	requests: number | null;
	fitted: number | null;
	backtest: number | null;
	naive: number | null;
}

export interface UtilizationForecastRow {
	month: string;
	forecast: number;
	lower80: number | null;
	upper80: number | null;
	lower95: number | null;
	upper95: number | null;
}

export interface UtilizationForecast {
	version: string;
	rows: UtilizationHistoryRow[];
	forecast: UtilizationForecastRow[];
	/** MAPEs in percent; null when there are too few complete months. */
	backtest: { from: string; to: string; mape: number | null; naive_mape: number | null; months: number } | null;
	model: {
		method: 'holt-winters';
		seasonality: string;
		period: number;
		alpha: number;
		beta: number;
		gamma: number;
		trained_from: string;
		trained_to: string;
	} | null;
	/** Incomplete months left out at either end. */
	partial: string[];
	shortfall: { months: number; needed: number } | null;
	suppression?: SuppressionNote;
}

export interface UtilizationQualityRow extends Suppressible {
	/** purpose_vague, purpose_missing, purpose_search, purpose_other, category_missing, completion_missing … */
	issue: string;
	affected: number | null;
	base: number | null;
	share: number | null;
}

/** An answer of rows, with the suppression note when the server hid cells for the caller's role. */
export interface UtilizationRows<T> {
	version: string;
	rows: T[];
	suppression?: SuppressionNote;
}

/** The API's query string for utilization filters: the same parameter names as the page URL. */
export function utilizationFiltersQuery(filters: UtilizationFilters): string {
	return serializeState(UTILIZATION_FILTERS_SCHEMA, utilizationFiltersOf(filters)).toString();
}

function getUtilization<T>(route: string, filters: UtilizationFilters, extra: Record<string, string>, options?: RequestOptions): Promise<T> {
	const query = serializeState(UTILIZATION_FILTERS_SCHEMA, utilizationFiltersOf(filters));
	for (const [name, value] of Object.entries(extra)) query.set(name, value);
	const search = query.toString();
	return requestJson<T>(`/api/utilization/${route}${search ? `?${search}` : ''}`, options);
}

export function getUtilizationOptions(options?: RequestOptions): Promise<UtilizationOptions> {
	return requestJson<UtilizationOptions>('/api/utilization/options', options);
}

export function getUtilizationSummary(filters: UtilizationFilters, options?: RequestOptions) {
	return getUtilization<UtilizationRows<UtilizationSummaryRow>>('summary', filters, {}, options);
}

export function getUtilizationTimeseries(filters: UtilizationFilters, period: UtilizationPeriod, options?: RequestOptions) {
	return getUtilization<UtilizationRows<UtilizationPeriodRow>>('timeseries', filters, { [PARAM.period]: period }, options);
}

export function getUtilizationBreakdown(filters: UtilizationFilters, by: BreakdownDimension, options?: RequestOptions) {
	return getUtilization<UtilizationRows<UtilizationBreakdownRow> & { by: string }>('breakdown', filters, { [PARAM.by]: by }, options);
}

/** Purpose × requester type (the cross-tab the archive asks for). */
export function getUtilizationCrosstab(filters: UtilizationFilters, options?: RequestOptions) {
	return getUtilization<UtilizationRows<UtilizationCrosstabRow>>('crosstab', filters, { rows: 'purpose', cols: 'requester_type' }, options);
}

export function getUtilizationService(filters: UtilizationFilters, by: ServiceDimension, options?: RequestOptions) {
	return getUtilization<UtilizationRows<UtilizationServiceRow> & { by: string }>('service', filters, { [PARAM.by]: by }, options);
}

export function getUtilizationSeasonality(filters: UtilizationFilters, options?: RequestOptions) {
	return getUtilization<UtilizationRows<UtilizationSeasonalRow> & { years: number; from: string | null; to: string | null }>(
		'seasonality',
		filters,
		{},
		options,
	);
}

export function getUtilizationForecast(filters: UtilizationFilters, horizon: number, options?: RequestOptions) {
	return getUtilization<UtilizationForecast>('forecast', filters, { [PARAM.horizon]: String(horizon) }, options);
}

export function getUtilizationQuality(filters: UtilizationFilters, options?: RequestOptions) {
	return getUtilization<UtilizationRows<UtilizationQualityRow>>('quality', filters, {}, options);
}

// ---------------------------------------------------------------------------------------------
// Archive (档案接收): POST/GET /api/archive/accessions, the four-property reports, quarantined rows.

export type CheckStatus = 'pass' | 'warn' | 'fail';
export const ARCHIVE_PROPERTIES = ['authenticity', 'integrity', 'usability', 'security'] as const;
export type ArchiveProperty = (typeof ARCHIVE_PROPERTIES)[number];

export interface ArchiveCheckItem {
	id: string;
	status: CheckStatus;
	/** Chinese and English, as the server words it. */
	title: string;
	detail: string;
	file: string | null;
}

export interface ArchiveFileReport {
	file: string;
	format: string;
	sha256: string;
	bytes: number;
	table: string | null;
	profile: string | null;
	profile_detected: boolean;
	encoding: string | null;
	encoding_basis: string | null;
	delimiter: string | null;
	sheet: string | null;
	read_path: string | null;
	rows_declared: number | null;
	rows_received: number;
	header: string[];
	columns: { column: string; from: string[]; kind: string; note: string | null }[];
	not_kept: string[];
	identifiers_dropped: { header: string; kind: string; values: number }[];
	identifiers_masked: number;
	source_fields: string[];
}

export interface ArchiveRuleCount {
	rule: string;
	description: string;
	rows: number;
	first_file: string;
	first_line: number | null;
	example: string;
}

export interface ArchiveTableReport {
	table: string;
	files: string[];
	rows_received: number;
	rows_accepted: number;
	rows_quarantined: number;
	rejected_share: number;
	rules: ArchiveRuleCount[];
}

export interface ArchiveTotals {
	received: number;
	accepted: number;
	quarantined: number;
}

/** The four-property receipt report (四性检测) of an accession, or of a refused package. */
export interface ArchiveReport {
	report_version: number;
	accession_id: string | null;
	status: 'committed' | 'refused';
	refusal: string | null;
	package: { source: string; sha256: string; received_at: string; files: number; bytes: number; sender_manifest: boolean };
	software: { name: string; version: string };
	settings: { max_rejected_share: number };
	files: ArchiveFileReport[];
	tables: ArchiveTableReport[];
	totals: ArchiveTotals;
	properties: Record<ArchiveProperty, { status: CheckStatus; items: ArchiveCheckItem[] }>;
}

export interface AccessionSummary {
	accession_id: string;
	committed_at: string;
	received_at: string | null;
	source: string | null;
	profiles: string[];
	files: string[];
	tables: { table: string; rows_received: number; rows_accepted: number; rows_quarantined: number }[];
	totals: ArchiveTotals;
	/** Null for accessions received before reports existed. */
	checks: Record<ArchiveProperty, CheckStatus> | null;
	recovered: boolean;
}

export interface AccessionList {
	rows: AccessionSummary[];
	/** The accession register's hash check: first_broken is -1 when the chain holds. */
	register: { entries: number; first_broken: number };
}

export interface ArchiveProfile {
	name: string;
	label: string;
	description: string | null;
	tables: string[];
}

export function getAccessions(options?: RequestOptions): Promise<AccessionList> {
	return requestJson<AccessionList>('/api/archive/accessions', options);
}

export function getAccessionReport(id: string, options?: RequestOptions): Promise<ArchiveReport> {
	return requestJson<ArchiveReport>(`/api/archive/accessions/${encodeURIComponent(id)}`, options);
}

export function getArchiveProfiles(options?: RequestOptions): Promise<{ rows: ArchiveProfile[] }> {
	return requestJson<{ rows: ArchiveProfile[] }>('/api/archive/profiles', options);
}

/** Where a table's quarantined rows of an accession download as CSV (a plain link: the cookie goes along). */
export function quarantineCsvUrl(id: string, table: string): string {
	return `/api/archive/accessions/${encodeURIComponent(id)}/quarantine/${encodeURIComponent(table)}`;
}

export interface UploadOptions {
	profile?: string;
	table?: string;
	encoding?: string;
	sheet?: string;
}

export type UploadResult =
	| { status: 'committed'; accession_id: string; version: string | null; report: ArchiveReport }
	| { status: 'already-received'; accession_id: string; version: string | null }
	| { status: 'refused'; message: string; report: ArchiveReport | null };

/**
 * Sends a transfer package (multipart, with the CSRF token). A refusal (422) is an answer, not an
 * error: it comes back with the server's message and the report; other failures throw ApiError.
 */
export async function uploadPackage(files: File[], options: UploadOptions = {}): Promise<UploadResult> {
	const form = new FormData();
	for (const [name, value] of Object.entries(options)) if (value) form.append(name, value);
	for (const file of files) form.append('files', file, file.name);
	const headers: Record<string, string> = { accept: 'application/json' };
	if (csrfToken) headers['x-csrf-token'] = csrfToken;
	let response: Response;
	try {
		response = await fetch('/api/archive/accessions', { method: 'POST', headers, body: form, credentials: 'same-origin' });
	} catch (cause) {
		throw new ApiError(0, cause instanceof Error ? cause.message : String(cause));
	}
	let body: (ErrorBody & { report?: ArchiveReport | null }) | UploadResult | undefined;
	try {
		body = (await response.json()) as typeof body;
	} catch {
		body = undefined;
	}
	if (response.status === 422 && body) {
		const refused = body as ErrorBody & { report?: ArchiveReport | null };
		return { status: 'refused', message: refused.message ?? '', report: refused.report ?? null };
	}
	if (!response.ok || !body) {
		if (response.status === 401) unauthorizedHandler?.();
		const error = (body ?? {}) as ErrorBody;
		throw new ApiError(response.status, error.message || `${response.status} ${response.statusText}`.trim());
	}
	return body as UploadResult;
}

// ---------------------------------------------------------------------------------------------
// Status (学籍异动): GET /api/status/*. Definitions: sql/metrics/status/README.md. The filters are the
// cohort filters of the grades (the same names); every answer says the as-of date it is measured at.

/** Status categories, as the API names them (the Chinese codes map onto them). */
export type StatusCategory = 'enrolled' | 'on_leave' | 'withdrawn' | 'transferred' | 'graduated' | 'completed' | 'deceased';

export interface StatusAnswer<R> {
	version: string;
	/** YYYY-MM-DD: the latest day the records speak for. */
	as_of: string;
	rows: R[];
	suppression?: SuppressionNote;
}

export type StatusChangeGroup = 'change_type' | 'reason' | 'college' | 'major' | 'level' | 'none';
export type StatusChangePeriod = 'year' | 'term' | 'month' | 'all';

export interface StatusChangeRow extends Suppressible {
	/** Academic year (2021 = 2021-2022) for period year and term; null otherwise. */
	academic_year: number | null;
	/** 1 (Sep–Jan) or 2 (Feb–Aug) for period term. */
	term: number | null;
	/** 1–12 for period month. */
	month: number | null;
	/** A change type, reason, college, major or level; null for by = none. */
	group_name: string | null;
	changes: number | null;
	students: number | null;
	/** On the register at the start of the period (student-years for all); null for month. */
	enrolled: number | null;
	rate_per_1000: number | null;
}

export interface StatusSequenceRow extends Suppressible {
	/** 休学→复学→毕业 …; null for the pooled rest. */
	sequence: string | null;
	outcome: StatusCategory | null;
	other: boolean;
	sequences: number;
	students: number | null;
}

export interface StatusFlowRow extends Suppressible {
	/** "stage:category": stage 0 entry, y the end of study year y, 99 now. */
	source: string;
	target: string;
	source_stage: number;
	source_category: StatusCategory | 'entry';
	target_stage: number;
	target_category: StatusCategory;
	students: number | null;
}

/** measured; not_yet: the window has not ended for the whole cell; undated: an outcome has no date. */
export type MeasureState = 'measured' | 'not_yet' | 'undated';

export interface StatusOutcomeRow extends Suppressible {
	entry_year: number;
	group_name: string | null;
	n: number | null;
	excluded: number | null;
	n_adjusted: number | null;
	retention_state: MeasureState;
	retained: number | null;
	retention_rate: number | null;
	on_leave_y1: number | null;
	grad_100_state: MeasureState;
	grad_100: number | null;
	grad_100_rate: number | null;
	grad_150_state: MeasureState;
	grad_150: number | null;
	grad_150_rate: number | null;
	transferred_150: number | null;
	transferred_150_rate: number | null;
	grad_200_state: MeasureState;
	grad_200: number | null;
	grad_200_rate: number | null;
	enrolled: number | null;
	on_leave: number | null;
	graduated: number | null;
	completed: number | null;
	withdrawn: number | null;
	transferred: number | null;
	deceased: number | null;
	degrees: number | null;
	degree_rate: number | null;
}

export type StatusOutcomeGroup = 'none' | 'college' | 'major' | 'level';
export type StatusSurvivalGroup = 'none' | 'cohort' | 'college' | 'major' | 'level';

export interface StatusSurvivalRow extends Suppressible {
	group_name: string | null;
	/** Term index since entry (1 = the first autumn term). */
	term: number;
	group_n: number | null;
	undated: number | null;
	at_risk: number | null;
	events: number | null;
	censored_count: number | null;
	/** Kaplan–Meier probability of not having withdrawn; null past the follow-up or when hidden. */
	survival: number | null;
	lower: number | null;
	upper: number | null;
}

export interface StatusLogRankRow extends Suppressible {
	side: 'a' | 'b';
	/** Null for "everyone else". */
	group_name: string | null;
	n: number | null;
	events: number | null;
	expected: number | null;
	chi_square: number | null;
	df: number | null;
	p_value: number | null;
}

export type StatusRiskFactor = 'gpa' | 'failed_credits';

export interface StatusRiskRow extends Suppressible {
	factor: StatusRiskFactor;
	band_order: number;
	/** An interval: [2, 3), (5, 10] … */
	band: string;
	reference: boolean;
	corrected: boolean;
	students: number | null;
	withdrawn: number | null;
	rate: number | null;
	rr: number | null;
	rr_lower: number | null;
	rr_upper: number | null;
}

function statusUrl(route: string, filters: GradeFilters, extra: Record<string, string | number | null | undefined> = {}): string {
	const query = new URLSearchParams(gradeFiltersQuery(filters));
	for (const [name, value] of Object.entries(extra)) if (value !== null && value !== undefined && value !== '') query.set(name, String(value));
	const search = query.toString();
	return search ? `/api/status/${route}?${search}` : `/api/status/${route}`;
}

export function getStatusChanges(
	filters: GradeFilters,
	choice: { by: StatusChangeGroup; period: StatusChangePeriod; changeType?: string | null },
	options?: RequestOptions,
): Promise<StatusAnswer<StatusChangeRow>> {
	const url = statusUrl('changes', filters, { by: choice.by, period: choice.period, change_type: choice.changeType });
	return requestJson<StatusAnswer<StatusChangeRow>>(url, options);
}

export function getStatusSequences(filters: GradeFilters, limit: number, options?: RequestOptions): Promise<StatusAnswer<StatusSequenceRow>> {
	return requestJson<StatusAnswer<StatusSequenceRow>>(statusUrl('sequences', filters, { limit }), options);
}

export function getStatusFlows(filters: GradeFilters, options?: RequestOptions): Promise<StatusAnswer<StatusFlowRow>> {
	return requestJson<StatusAnswer<StatusFlowRow>>(statusUrl('flows', filters), options);
}

export function getStatusOutcomes(filters: GradeFilters, by: StatusOutcomeGroup, options?: RequestOptions): Promise<StatusAnswer<StatusOutcomeRow>> {
	return requestJson<StatusAnswer<StatusOutcomeRow>>(statusUrl('outcomes', filters, { by }), options);
}

export function getStatusSurvival(filters: GradeFilters, by: StatusSurvivalGroup, options?: RequestOptions): Promise<StatusAnswer<StatusSurvivalRow>> {
	return requestJson<StatusAnswer<StatusSurvivalRow>>(statusUrl('survival', filters, { by }), options);
}

/** The log-rank test of group a against b (or everyone else when b is null). */
export function getStatusLogRank(
	filters: GradeFilters,
	by: Exclude<StatusSurvivalGroup, 'none'>,
	a: string,
	b: string | null,
	options?: RequestOptions,
): Promise<StatusAnswer<StatusLogRankRow>> {
	return requestJson<StatusAnswer<StatusLogRankRow>>(statusUrl('logrank', filters, { by, a, b }), options);
}

export function getStatusRisk(filters: GradeFilters, options?: RequestOptions): Promise<StatusAnswer<StatusRiskRow>> {
	return requestJson<StatusAnswer<StatusRiskRow>>(statusUrl('risk', filters), options);
}

// Reports: the cohort report (GET /api/reports/cohort, api/routes/reports.ts) --------------------------

export type ReportCellKind = 'text' | 'int' | 'decimal' | 'rate';

export interface ReportSection {
	id: 'overview' | 'trends' | 'courses' | 'changes' | 'outcomes';
	/** The section's Chinese title, as in the files. */
	title: string;
	note: string;
	columns: { key: string; label: string; kind: ReportCellKind }[];
	/** Cells: numbers, text, null (hidden or not measurable) or a censoring mark ('<5%'); `key` names a line. */
	rows: (Record<string, unknown> & Suppressible & { key?: string })[];
}

export type ReportMeasureState = 'measured' | 'not_yet' | 'undated';

export interface CohortReport {
	version: string;
	as_of: string;
	generated_at: string;
	/** Milliseconds the server spent on it. */
	generation_ms: number;
	scope: { cohort: number; college: string | null; major: string | null; minN: number };
	overview: {
		students: number | null;
		n_adjusted: number | null;
		retention_rate: number | null;
		grad_100_rate: number | null;
		grad_150_rate: number | null;
		grad_200_rate: number | null;
		retention_state: ReportMeasureState | null;
		grad_100_state: ReportMeasureState | null;
		grad_150_state: ReportMeasureState | null;
		grad_200_state: ReportMeasureState | null;
		mean_gpa: number | null;
		gpa_students: number | null;
		fail_rate: number | null;
		results: number | null;
	};
	sections: ReportSection[];
	suppression: SuppressionNote | null;
}

export interface ReportQuery {
	cohort: number;
	college: string | null;
	major: string | null;
}

export type ReportFileFormat = 'pdf' | 'xlsx' | 'csv';

/** The report's address: the same parameter names as the page URL, plus the format. */
export function cohortReportUrl(query: ReportQuery, format: 'json' | ReportFileFormat = 'json'): string {
	const search = new URLSearchParams({ [PARAM.cohort]: String(query.cohort) });
	if (query.college) search.set(PARAM.college, query.college);
	if (query.major) search.set(PARAM.major, query.major);
	if (format !== 'json') search.set('format', format);
	return `/api/reports/cohort?${search}`;
}

/** The report's content, for the preview. */
export function getCohortReport(query: ReportQuery, options?: RequestOptions): Promise<CohortReport> {
	return requestJson<CohortReport>(cohortReportUrl(query), options);
}

export interface ReportFile {
	blob: Blob;
	/** The server's file name (the Chinese one when given). */
	filename: string;
	/** The server's generation time (x-generation-ms), when it said. */
	generationMs: number | null;
}

/** The file name of a Content-Disposition header: filename* (RFC 5987, UTF-8) first, then filename. */
export function dispositionFilename(header: string | null, fallback: string): string {
	if (!header) return fallback;
	const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
	if (extended) {
		try {
			return decodeURIComponent(extended[1]);
		} catch {
			// a malformed encoding: the plain name below
		}
	}
	return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/** Fetches a report file; a refusal or failure is an ApiError with the API's message, like every call. */
export async function downloadCohortReport(query: ReportQuery, format: ReportFileFormat, options?: RequestOptions): Promise<ReportFile> {
	const url = cohortReportUrl(query, format);
	let response: Response;
	try {
		response = await fetch(url, { credentials: 'same-origin', signal: options?.signal });
	} catch (cause) {
		if (options?.signal?.aborted) throw cause;
		throw new ApiError(0, cause instanceof Error ? cause.message : String(cause));
	}
	if (!response.ok) {
		let message = `${response.status} ${response.statusText}`.trim();
		try {
			const body = (await response.json()) as ErrorBody;
			if (typeof body.message === 'string' && body.message !== '') message = body.message;
		} catch {
			// not JSON: the status line above
		}
		if (response.status === 401) unauthorizedHandler?.();
		throw new ApiError(response.status, message);
	}
	const ms = Number(response.headers.get('x-generation-ms'));
	return {
		blob: await response.blob(),
		filename: dispositionFilename(response.headers.get('content-disposition'), `cohort-report-${query.cohort}.${format}`),
		generationMs: Number.isFinite(ms) && response.headers.has('x-generation-ms') ? ms : null,
	};
}

// ---------------------------------------------------------------------------------------------
// Overview (总览): key figures and the insights engine's findings

export type OverviewMeasure =
	| 'students_enrolled'
	| 'grad_rate_100'
	| 'retention_first_year'
	| 'status_change_rate'
	| 'mean_gpa'
	| 'archive_requests'
	| 'student_record_share';
export type OverviewUnit = 'students' | 'share' | 'per_1000' | 'grade_point' | 'requests';

export interface OverviewMeasureInfo {
	measure: OverviewMeasure;
	basis: 'academic_year' | 'cohort';
	unit: OverviewUnit;
	link: string;
}

export interface OverviewPoint {
	measure: OverviewMeasure;
	year: number;
	value: number | null;
	n: number | null;
	suppressed?: boolean;
}

export interface Overview {
	version: string;
	as_of: string | null;
	measures: OverviewMeasureInfo[];
	rows: OverviewPoint[];
	suppression?: { threshold: number; cells: number };
}

export function getOverview(college: string | null, options?: RequestOptions): Promise<Overview> {
	return requestJson<Overview>(college ? `/api/overview?college=${encodeURIComponent(college)}` : '/api/overview', options);
}

export type InsightArea = 'grades' | 'status' | 'utilization' | 'quality';
export type InsightSeverity = 'high' | 'medium' | 'low';

export interface Insight {
	rank: number;
	id: string | null;
	area: InsightArea;
	kind: string;
	severity: InsightSeverity;
	college: string | null;
	n: number | null;
	effect: number | null;
	p_value: number | null;
	q_value: number | null;
	numbers: Record<string, number> | null;
	sentence_zh: string | null;
	sentence_en: string | null;
	link: string | null;
	suppressed?: boolean;
}

export interface Insights {
	version: string;
	as_of: string;
	alpha: number;
	tests: number;
	significant: number;
	rows: Insight[];
	suppression?: { threshold: number; cells: number };
}

export function getInsights(query: { college: string | null; area: InsightArea | null; severity: InsightSeverity | null }, options?: RequestOptions): Promise<Insights> {
	const search = new URLSearchParams();
	if (query.college) search.set('college', query.college);
	if (query.area) search.set('area', query.area);
	if (query.severity) search.set('severity', query.severity);
	const text = search.toString();
	return requestJson<Insights>(text ? `/api/insights?${text}` : '/api/insights', options);
}
