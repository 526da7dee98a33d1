// Grade inflation trends from the yearly figures of sql/metrics/grades/grade-inflation.sql: per group,
// the least-squares line through its yearly mean scores (slope in points per year, r², 95% CI of the
// slope with n − 2 degrees of freedom) and through its yearly shares of scores ≥ 90 (slope in share
// per year). Years count equally (ordinary least squares on the yearly means, as the figures are
// published); a year with fewer than `minYearResults` results is left out of the fit, its mean being
// too noisy to carry a trend. DOMAIN.md: a raw rise is a question, not a verdict — the within-course
// slope next to it says how much of the rise survives holding the course mix fixed.
import { linearTrend } from '../statistics.ts';

export interface InflationYear {
  grp: string;
  academic_year: number;
  n: number;
  students: number;
  mean: number;
  share_90: number;
  within_course_slope: number | null;
  courses_over_years: number;
}

export interface InflationTrend {
  grp: string;
  /** Years fitted, first and last of them. */
  years: number;
  first_year: number;
  last_year: number;
  /** Results over the fitted years. */
  n: number;
  /** The fewest students behind any fitted year (what suppression looks at). */
  students: number;
  slope: number | null;
  intercept: number | null;
  r2: number | null;
  slope_low: number | null;
  slope_high: number | null;
  /** Trend of the share of scores ≥ 90, in share per year (0.01 = one percentage point a year). */
  share_90_slope: number | null;
  share_90_low: number | null;
  share_90_high: number | null;
  within_course_slope: number | null;
  courses_over_years: number;
}

export const MIN_YEAR_RESULTS = 30;

/** One trend per group, in the order the groups first appear. */
export function inflationTrends(rows: readonly InflationYear[], minYearResults = MIN_YEAR_RESULTS): InflationTrend[] {
  const groups = new Map<string, InflationYear[]>();
  for (const row of rows) {
    if (!groups.has(row.grp)) groups.set(row.grp, []);
    groups.get(row.grp)!.push(row);
  }
  const out: InflationTrend[] = [];
  for (const [grp, all] of groups) {
    const years = all.filter((row) => row.n >= minYearResults).sort((a, b) => a.academic_year - b.academic_year);
    if (years.length === 0) continue;
    const mean = linearTrend(years.map((row) => ({ x: row.academic_year, y: row.mean })));
    const top = linearTrend(years.map((row) => ({ x: row.academic_year, y: row.share_90 })));
    out.push({
      grp,
      years: years.length,
      first_year: years[0].academic_year,
      last_year: years[years.length - 1].academic_year,
      n: years.reduce((sum, row) => sum + row.n, 0),
      students: Math.min(...years.map((row) => row.students)),
      slope: mean?.slope ?? null,
      intercept: mean?.intercept ?? null,
      r2: mean?.r2 ?? null,
      slope_low: mean?.low ?? null,
      slope_high: mean?.high ?? null,
      share_90_slope: top?.slope ?? null,
      share_90_low: top?.low ?? null,
      share_90_high: top?.high ?? null,
      within_course_slope: all[0].within_course_slope,
      courses_over_years: all[0].courses_over_years,
    });
  }
  return out;
}
