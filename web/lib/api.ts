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
	PARAM,
	auditFiltersOf,
	gradeFiltersOf,
	serializeState,
	type AuditPageState,
	type GradeFilters,
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
	ip: string;
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

export function getGradeTrends(filters: GradeFilters, options?: RequestOptions): Promise<GradeTrends> {
	const query = gradeFiltersQuery(filters);
	return requestJson<GradeTrends>(query ? `/api/grades/trends?${query}` : '/api/grades/trends', options);
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
