// What every detector reads: the database of the current version and the date the data speak for.
import type { Database, Params } from '../db/database.ts';
import type { MetricQuery } from '../metrics/from-rollup.ts';

export interface ScanContext {
  db: Database;
  /** The archive folder (accessions and their reports), for the data-quality detector. */
  dataDir: string;
  /** The scan's query (archive.queryMetric: rollup twins where they answer), run once per scan for the
   * same SQL and parameters (detectors share some answers). */
  rows(name: string, params?: Params): Promise<Record<string, unknown>[]>;
  /** The status metrics' as-of date (sql/metrics/status/data-as-of.sql), YYYY-MM-DD. */
  asOf: string;
  /** The last academic year (2025 = 2025–26) whose spring term has ended by the as-of date (1 July). */
  lastCompleteYear: number;
}

/** An academic year is complete once its spring term is over: 1 July of its second calendar year. */
export function lastCompleteAcademicYear(asOf: string): number {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  return month >= 7 ? year - 1 : year - 2;
}

/** The grades metrics' filters, all off: the scan looks at the whole school. */
export const WHOLE_SCHOOL = {
  cohort_from: null,
  cohort_to: null,
  level: null,
  college: null,
  major: null,
  course_nature: null,
  attempt: 'first',
} as const;

/** Cohen's h, the difference of two proportions on the arcsine scale: 2·asin√p₁ − 2·asin√p₂. */
export const cohensH = (p1: number, p2: number): number => 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2));

/** A scan context over a database: its shared queries memoized for the scan's lifetime. */
export function scanContext(db: Database, dataDir: string, asOf: string, query: MetricQuery = (file, params) => db.query(file, params)): ScanContext {
  const memo = new Map<string, Promise<Record<string, unknown>[]>>();
  return {
    db,
    dataDir,
    asOf,
    lastCompleteYear: lastCompleteAcademicYear(asOf),
    rows(name, params = {}) {
      const key = JSON.stringify([name, params]);
      let answer = memo.get(key);
      if (!answer) {
        answer = query(name, params) as Promise<Record<string, unknown>[]>;
        memo.set(key, answer);
      }
      return answer;
    },
  };
}
