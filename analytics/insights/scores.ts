// Students' yearly mean scores per college (sql/insights/college-year-scores.sql) and how groups of
// them combine: the college-grade-change detector compares a college with the rest of the school, and
// the inflation detector reads its effects in units of the school's spread of student means.
import { WHOLE_SCHOOL, type ScanContext } from './context.ts';

export interface Group {
  students: number;
  mean: number;
  variance: number;
}

export interface CollegeYear extends Group {
  college: string;
  academic_year: number;
}

export async function collegeYearScores(ctx: ScanContext): Promise<CollegeYear[]> {
  return (await ctx.rows('insights/college-year-scores', WHOLE_SCHOOL)) as unknown as CollegeYear[];
}

/**
 * Groups merged into one: n = Σnᵢ, mean = Σnᵢmᵢ / n, and the sample variance from the parts'
 * (Σ(nᵢ − 1)vᵢ + Σnᵢ(mᵢ − m)²) / (n − 1) — the variance of the pooled students, exactly.
 */
export function pool(groups: readonly Group[]): Group | null {
  const students = groups.reduce((sum, g) => sum + g.students, 0);
  if (students < 2) return null;
  const mean = groups.reduce((sum, g) => sum + g.students * g.mean, 0) / students;
  const within = groups.reduce((sum, g) => sum + (g.students - 1) * g.variance, 0);
  const between = groups.reduce((sum, g) => sum + g.students * (g.mean - mean) ** 2, 0);
  return { students, mean, variance: (within + between) / (students - 1) };
}

/** The standard deviation of students' mean scores over the whole school in an academic year. */
export function schoolSpread(rows: readonly CollegeYear[], academicYear: number): number | null {
  const pooled = pool(rows.filter((r) => r.academic_year === academicYear));
  return pooled && pooled.variance > 0 ? Math.sqrt(pooled.variance) : null;
}
