// Runtime settings, read once from the environment. Every setting is XUEJI_* (plus PORT and HOST) and
// has a default that makes the README's first command work untouched; the README lists them all.
import path from 'node:path';
import { ATTEMPT_RULES, DEFAULT_ATTEMPT_RULE, DEFAULT_ROLLED_UP_ATTEMPTS, type AttemptRule } from './archive/attempt-rules.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /**
   * Demo mode (default): generate and ingest a demo university when the archive is empty, keep one
   * demo account per role and list them on the sign-in page. Off (production): demo accounts are
   * disabled and weak passwords refused.
   */
  demo: boolean;
  demoStudents: number;
  demoSeed: number;
  /**
   * DuckDB's memory limit per process: the server's shares the machine with its clients and the Node
   * heap (at 300,000 students the bench measured its peak RSS at 1.2–1.7 GiB, 1.9 GiB with 1GB), and
   * the rare detail question that outgrows it spills to disk; the ingest CLI's is larger, the limit at
   * which curation at that scale was measured (analytics/archive/curate.ts).
   */
  duckdbMemoryLimit: { server: string; ingest: string };
  duckdbThreads: number;
  /** Accounts live outside the archive, so the archive can be copied without credentials. */
  accountsFile: string;
  auditFile: string;
  /** Signs session cookies; a random one per process when unset (sessions are in memory anyway). */
  sessionSecret: string | null;
  secureCookies: boolean;
  /** Aggregate cells counting fewer people are suppressed for leaders and colleges. */
  suppressionThreshold: number;
  /** Below this base, rates under 5% or over 95% are shown as "<5%" / ">95%". */
  smallBase: number;
  /**
   * The grades attempt rules curation rolls up (first always): best and latest too make those questions
   * as fast as the default's, at about three more minutes of curation per rule at 300,000 students.
   */
  rollupAttempts: readonly AttemptRule[];
  /** A package with a larger share of rejected rows in any table is refused whole (0–1). */
  maxRejectedShare: number;
  /** Largest upload the API accepts for one transfer package, in MiB. */
  maxUploadMiB: number;
  /** Academic-warning lines (学业预警) the grades progress metric counts students against. */
  academicWarning: AcademicWarning;
  /** Keep computed dashboard answers by VERSION and query (api/plugins/response-cache.ts); off for benchmarks. */
  responseCache: boolean;
  /**
   * Where the API reads curated Parquet from: null = the archive folder itself. Set, a root with the
   * archive's reader layout — VERSION and curated/<version>/<table>/<partition>=…/*.parquet — e.g. a
   * mounted object store the curated versions are copied to (README: province-wide deployment).
   */
  parquetRoot: string | null;
}

/**
 * A cumulative GPA below `gpa` is a warning; accumulated failed credits at or above `failedCredits` a
 * warning and at or above `seriousFailedCredits` a serious one. Schools set their own lines; the
 * defaults (ours) are typical of published 学业预警 rules on the 5-point scale (score / 10 − 5).
 */
export interface AcademicWarning {
  gpa: number;
  failedCredits: number;
  seriousFailedCredits: number;
}

export const DEFAULT_ACADEMIC_WARNING: AcademicWarning = { gpa: 1.5, failedCredits: 10, seriousFailedCredits: 20 };

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a number above 0, got "${raw}"`);
  return value;
}

function academicWarning(env: NodeJS.ProcessEnv): AcademicWarning {
  const lines = {
    gpa: positive(env, 'XUEJI_WARNING_GPA', DEFAULT_ACADEMIC_WARNING.gpa),
    failedCredits: positive(env, 'XUEJI_WARNING_FAILED_CREDITS', DEFAULT_ACADEMIC_WARNING.failedCredits),
    seriousFailedCredits: positive(env, 'XUEJI_SERIOUS_FAILED_CREDITS', DEFAULT_ACADEMIC_WARNING.seriousFailedCredits),
  };
  if (lines.seriousFailedCredits <= lines.failedCredits) {
    throw new Error(`XUEJI_SERIOUS_FAILED_CREDITS (${lines.seriousFailedCredits}) must be above XUEJI_WARNING_FAILED_CREDITS (${lines.failedCredits})`);
  }
  return lines;
}

/** The default limit on rejected rows: above a fifth, the export is more likely wrong than its rows. */
export const DEFAULT_MAX_REJECTED_SHARE = 0.2;

function share(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new Error(`${name} must be a number from 0 to 1, got "${raw}"`);
  return value;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
  }
  return value;
}

/** A comma-separated list of attempt rules, the default rule always among them, in their canonical order. */
function attemptRules(env: NodeJS.ProcessEnv, name: string): readonly AttemptRule[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return DEFAULT_ROLLED_UP_ATTEMPTS;
  const given = raw.split(',').map((rule) => rule.trim());
  const unknown = given.filter((rule) => !(ATTEMPT_RULES as readonly string[]).includes(rule));
  if (unknown.length > 0) throw new Error(`${name} must list attempt rules from ${ATTEMPT_RULES.join(', ')} separated by commas, got "${unknown.join(', ')}"`);
  return ATTEMPT_RULES.filter((rule) => rule === DEFAULT_ATTEMPT_RULE || given.includes(rule));
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer(env, 'PORT', 3000, 0),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.XUEJI_DATA_DIR || 'data/archive'),
    demo: flag(env, 'XUEJI_DEMO', true),
    demoStudents: integer(env, 'XUEJI_DEMO_STUDENTS', 20000, 1),
    demoSeed: integer(env, 'XUEJI_DEMO_SEED', 42),
    // DuckDB takes most of the machine by default; a server shares it, so both are set deliberately.
    duckdbMemoryLimit: { server: env.XUEJI_DUCKDB_MEMORY || '700MB', ingest: env.XUEJI_DUCKDB_MEMORY || '1GB' },
    duckdbThreads: integer(env, 'XUEJI_DUCKDB_THREADS', 2, 1),
    accountsFile: path.resolve(env.XUEJI_ACCOUNTS_FILE || 'data/users/accounts.json'),
    auditFile: path.resolve(env.XUEJI_AUDIT_FILE || 'data/audit/audit.jsonl'),
    sessionSecret: env.XUEJI_SESSION_SECRET || null,
    secureCookies: flag(env, 'XUEJI_SECURE_COOKIES', false),
    suppressionThreshold: integer(env, 'XUEJI_SUPPRESSION_MIN_N', 10, 1),
    smallBase: integer(env, 'XUEJI_SMALL_BASE', 100, 1),
    rollupAttempts: attemptRules(env, 'XUEJI_ROLLUP_ATTEMPTS'),
    maxRejectedShare: share(env, 'XUEJI_MAX_REJECTED_SHARE', DEFAULT_MAX_REJECTED_SHARE),
    maxUploadMiB: integer(env, 'XUEJI_MAX_UPLOAD_MB', 512, 1),
    academicWarning: academicWarning(env),
    responseCache: flag(env, 'XUEJI_RESPONSE_CACHE', true),
    parquetRoot: env.XUEJI_PARQUET_ROOT ? path.resolve(env.XUEJI_PARQUET_ROOT) : null,
  };
}
