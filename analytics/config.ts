// Runtime settings, read once from the environment. Every setting is XUEJI_* (plus PORT and HOST) and
// has a default that makes the README's first command work untouched; the README lists them all.
import path from 'node:path';

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
  duckdbMemoryLimit: string;
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
    duckdbMemoryLimit: env.XUEJI_DUCKDB_MEMORY || '1GB',
    duckdbThreads: integer(env, 'XUEJI_DUCKDB_THREADS', 2, 1),
    accountsFile: path.resolve(env.XUEJI_ACCOUNTS_FILE || 'data/users/accounts.json'),
    auditFile: path.resolve(env.XUEJI_AUDIT_FILE || 'data/audit/audit.jsonl'),
    sessionSecret: env.XUEJI_SESSION_SECRET || null,
    secureCookies: flag(env, 'XUEJI_SECURE_COOKIES', false),
    suppressionThreshold: integer(env, 'XUEJI_SUPPRESSION_MIN_N', 10, 1),
    smallBase: integer(env, 'XUEJI_SMALL_BASE', 100, 1),
  };
}
