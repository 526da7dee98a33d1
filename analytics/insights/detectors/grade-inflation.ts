// A teaching college whose grades rise faster than the school's: the grade-inflation trends of the
// grades area (/api/grades/inflation/trends, by teaching college — the unit that gives the grades).
//   test: the college's slope (points per year, OLS over its yearly means) against the median slope of
//     the other teaching colleges, t = (b − median) / SE(b) with the years − 2 degrees of freedom of
//     the fit, one-sided towards faster rises (SE(b) read back from the metric's 95 % interval);
//   effect: the excess rise over the fitted span, (b − median) × (years − 1), in standard deviations of
//     students' yearly mean scores over the school (scores.ts) — a drift of that size moves a typical
//     student by that share of the spread between students;
//   material: at least 0.5 points a year faster than the median (a grade's worth, 5 points, in a decade).
import { inflationTrends, type InflationYear } from '../../metrics/grades/inflation.ts';
import { studentTCdf, studentTQuantile } from '../../metrics/statistics.ts';
import { WHOLE_SCHOOL, type ScanContext } from '../context.ts';
import type { Candidate } from '../finding.ts';
import { pageLink, points } from '../format.ts';
import { collegeYearScores, schoolSpread } from '../scores.ts';

const MATERIAL_POINTS_PER_YEAR = 0.5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function gradeInflation(ctx: ScanContext): Promise<Candidate[]> {
  const years = (await ctx.rows('metrics/grades/grade-inflation', { ...WHOLE_SCHOOL, by: 'teaching_dept' })) as unknown as InflationYear[];
  const trends = inflationTrends(years).filter((t) => t.slope !== null && t.slope_low !== null && t.slope_high !== null && t.years >= 4);
  const spread = schoolSpread(await collegeYearScores(ctx), ctx.lastCompleteYear);
  const candidates: Candidate[] = [];
  for (const trend of trends) {
    const others = trends.filter((t) => t !== trend).map((t) => t.slope!);
    if (others.length < 3 || spread === null) continue;
    const reference = median(others);
    const df = trend.years - 2;
    const se = (trend.slope_high! - trend.slope_low!) / (2 * studentTQuantile(0.975, df));
    if (!(se > 0)) continue;
    const excess = trend.slope! - reference;
    const t = excess / se;
    const numbers = {
      slope: trend.slope!,
      slope_low: trend.slope_low!,
      slope_high: trend.slope_high!,
      median_slope: reference,
      first_year: trend.first_year,
      last_year: trend.last_year,
    };
    candidates.push({
      area: 'grades',
      kind: 'grade-inflation',
      id: `grade-inflation:${trend.grp}`,
      college: trend.grp,
      n: trend.students,
      effect: (excess * (trend.years - 1)) / spread,
      p: 1 - studentTCdf(t, df),
      material: excess >= MATERIAL_POINTS_PER_YEAR,
      numbers,
      sentence: {
        zh: `${trend.first_year}–${trend.last_year} 学年，${trend.grp}所授课程的平均成绩每年上升 ${points(trend.slope!, 2)} 分（95% 置信区间 ${points(trend.slope_low!, 2)}–${points(trend.slope_high!, 2)}），其他开课学院的中位数为每年 ${points(reference, 2)} 分。`,
        en: `From ${trend.first_year} to ${trend.last_year}, the mean score in courses taught by ${trend.grp} rose ${points(trend.slope!, 2)} points a year (95% CI ${points(trend.slope_low!, 2)}–${points(trend.slope_high!, 2)}), against a median of ${points(reference, 2)} for the other teaching colleges.`,
      },
      link: pageLink('/grades', { panel: 'inflation' }),
    });
  }
  return candidates;
}
