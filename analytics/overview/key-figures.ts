// The leaders' key figures, each a series by year with the numbers behind it, read through the same SQL
// the area pages use (so a figure here always equals the one on its page):
//   students_enrolled     students on the register at the start of each academic year   metrics/status/change-rates
//   status_change_rate    students with a status change per 1,000 enrolled, per year     metrics/status/change-rates
//   retention_first_year  first-year retention per entry cohort                           metrics/status/cohort-outcomes
//   grad_rate_100         graduation within 100 % of normal time per entry cohort         metrics/status/cohort-outcomes
//   mean_gpa              credit-weighted mean grade point of first attempts, per year    metrics/grades/grade-trends-by-year
//   archive_requests      archive requests (人次) per academic year                       overview/requests-by-academic-year
//   student_record_share  share of those requests for student records (学籍)              overview/requests-by-academic-year
// Years: flows (rates, GPA, requests) only for complete academic years — a half year beside a whole one
// would read as a fall; the enrolled count is a stock, known from a year's first day; cohort outcomes
// only where their window is measured for the whole cohort. "Change against last year" is the latest
// point against the one before it (the web page computes it from these rows, after suppression).
import type { Database } from '../db/database.ts';
import { lastCompleteAcademicYear } from '../insights/context.ts';
import type { MetricQuery } from '../metrics/from-rollup.ts';
import { installStatusMacros } from '../metrics/status/macros.ts';

export const MEASURES = [
  'students_enrolled',
  'grad_rate_100',
  'retention_first_year',
  'status_change_rate',
  'mean_gpa',
  'archive_requests',
  'student_record_share',
] as const;
export type Measure = (typeof MEASURES)[number];

export interface MeasureInfo {
  measure: Measure;
  /** What a point's year is: an academic year (2024 = 2024–25) or an entry cohort. */
  basis: 'academic_year' | 'cohort';
  unit: 'students' | 'share' | 'per_1000' | 'grade_point' | 'requests';
  /** The area page that shows it, with the filters applied. */
  link: string;
}

export interface FigurePoint {
  measure: Measure;
  year: number;
  value: number | null;
  /** The people (or requests) behind the point: what suppression counts. */
  n: number;
}

export interface KeyFigureScope {
  college: string | null;
  /** Whether the caller may see the archive's utilization (the last two measures). */
  utilization: boolean;
}

type Row = Record<string, unknown>;
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export function measureInfo(scope: KeyFigureScope): MeasureInfo[] {
  const college = scope.college ? `college=${encodeURIComponent(scope.college)}` : '';
  const withCollege = (path: string, query = '') => {
    const search = [query, college].filter(Boolean).join('&');
    return search ? `${path}?${search}` : path;
  };
  const all: MeasureInfo[] = [
    { measure: 'students_enrolled', basis: 'academic_year', unit: 'students', link: withCollege('/status') },
    { measure: 'grad_rate_100', basis: 'cohort', unit: 'share', link: withCollege('/status', 'outcome_measure=grad_100') },
    { measure: 'retention_first_year', basis: 'cohort', unit: 'share', link: withCollege('/status', 'outcome_measure=retention') },
    { measure: 'status_change_rate', basis: 'academic_year', unit: 'per_1000', link: withCollege('/status') },
    { measure: 'mean_gpa', basis: 'academic_year', unit: 'grade_point', link: withCollege('/grades', 'metric=gpa&axis=year') },
    { measure: 'archive_requests', basis: 'academic_year', unit: 'requests', link: '/utilization' },
    { measure: 'student_record_share', basis: 'academic_year', unit: 'share', link: '/utilization' },
  ];
  return all.filter((m) => scope.utilization || (m.measure !== 'archive_requests' && m.measure !== 'student_record_share'));
}

/** `query` runs the metrics: archive.queryMetric (the routes' own rollup twins) or, by default, the detail. */
export async function keyFigureSeries(
  db: Database,
  scope: KeyFigureScope,
  query: MetricQuery = (file, params) => db.query(file, params),
): Promise<{ as_of: string | null; rows: FigurePoint[] }> {
  await installStatusMacros(db);
  const [asOfRow] = await db.query('metrics/status/data-as-of');
  const asOf = (asOfRow?.as_of as string | null) ?? null;
  if (!asOf) return { as_of: null, rows: [] };
  const lastYear = lastCompleteAcademicYear(asOf);
  const filters = { cohort_from: null, cohort_to: null, level: null, college: scope.college, major: null };

  const [changes, outcomes, grades, requests] = await Promise.all([
    query('metrics/status/change-rates', { ...filters, by: 'none', period: 'year', change_type: null, as_of: asOf }),
    query('metrics/status/cohort-outcomes', { ...filters, by: 'none', as_of: asOf }),
    query('metrics/grades/grade-trends-by-year', { ...filters, course_nature: null, attempt: 'first' }),
    scope.utilization ? db.query('overview/requests-by-academic-year') : Promise.resolve([] as Row[]),
  ]);

  const rows: FigurePoint[] = [];
  for (const r of changes) {
    const year = Number(r.academic_year);
    const enrolled = Number(r.enrolled ?? 0);
    rows.push({ measure: 'students_enrolled', year, value: enrolled, n: enrolled });
    if (year <= lastYear) rows.push({ measure: 'status_change_rate', year, value: num(r.rate_per_1000), n: enrolled });
  }
  for (const r of outcomes) {
    const year = Number(r.entry_year);
    const n = Number(r.n_adjusted ?? 0);
    if (r.retention_state === 'measured') rows.push({ measure: 'retention_first_year', year, value: num(r.retention_rate), n });
    if (r.grad_100_state === 'measured') rows.push({ measure: 'grad_rate_100', year, value: num(r.grad_100_rate), n });
  }
  for (const r of grades) {
    const year = Number(r.academic_year);
    if (year <= lastYear) rows.push({ measure: 'mean_gpa', year, value: num(r.gpa), n: Number(r.students ?? 0) });
  }
  const logEnd = requests.reduce((last, r) => (String(r.last_day) > last ? String(r.last_day) : last), '');
  for (const r of requests) {
    const year = Number(r.academic_year);
    // Complete when the log runs into the year's last month (August of its second calendar year).
    if (logEnd < `${year + 1}-08-01`) continue;
    const categorized = Number(r.categorized);
    rows.push({ measure: 'archive_requests', year, value: Number(r.requests), n: Number(r.requests) });
    rows.push({ measure: 'student_record_share', year, value: categorized > 0 ? Number(r.student_records) / categorized : null, n: categorized });
  }
  rows.sort((a, b) => MEASURES.indexOf(a.measure) - MEASURES.indexOf(b.measure) || a.year - b.year);
  return { as_of: asOf, rows };
}
