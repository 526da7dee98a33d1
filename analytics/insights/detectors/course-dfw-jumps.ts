// A course's first-attempt DFW rate jumping from one academic year to the next: the year-over-year
// comparison of the grades area (/api/grades/courses/years), every course and year of the school.
//   test: the two-proportion z-test of each year against the course's previous year with results,
//     made one-sided towards a rise (half the two-sided p when the rate rose, 1 − half when it fell:
//     a falling rate needs no attention, but it was a test and counts as one);
//   effect: Cohen's h between the two years' rates;
//   material: a rise of at least 10 percentage points, both years with 30 results or more (the
//     metric's own jump rule, JUMP_DEFAULTS).
import { JUMP_DEFAULTS, yearOverYear, type CourseYearCounts } from '../../metrics/grades/course-difficulty.ts';
import { withCourseYearNames } from '../../metrics/grades/course-year-names.ts';
import { cohensH, WHOLE_SCHOOL, type ScanContext } from '../context.ts';
import type { Candidate } from '../finding.ts';
import { count, pageLink, percent } from '../format.ts';

interface Row extends CourseYearCounts {
  students: number;
}

export async function courseDfwJumps(ctx: ScanContext): Promise<Candidate[]> {
  const counts = (await ctx.rows('metrics/grades/course-dfw-by-year', WHOLE_SCHOOL)) as unknown as Row[];
  const rows = yearOverYear(counts, JUMP_DEFAULTS);
  const byKey = new Map(rows.map((row) => [`${row.course_id}|${row.academic_year}`, row]));
  const tested = rows.filter((row) => row.p_value !== null); // names only for the comparisons made
  const candidates: Candidate[] = [];
  for (const row of await withCourseYearNames((file, params) => ctx.rows(file, params), WHOLE_SCHOOL, tested)) {
    if (row.p_value === null || row.change === null || row.previous_year === null || row.dfw_rate === null) continue;
    const before = byKey.get(`${row.course_id}|${row.previous_year}`)!;
    const previousRate = before.dfw / before.n;
    const rose = row.change > 0;
    const numbers = {
      academic_year: row.academic_year,
      previous_year: row.previous_year,
      dfw_rate: row.dfw_rate,
      previous_rate: previousRate,
      n: row.n,
      previous_n: before.n,
      change: row.change,
    };
    const dept = row.teaching_dept ?? '—';
    candidates.push({
      area: 'grades',
      kind: 'course-dfw-jump',
      id: `course-dfw-jump:${row.course_id}:${row.academic_year}`,
      college: row.teaching_dept,
      n: Math.min(row.students, before.students),
      effect: cohensH(row.dfw_rate, previousRate),
      p: rose ? row.p_value / 2 : 1 - row.p_value / 2,
      material: row.change >= JUMP_DEFAULTS.jumpPoints,
      numbers,
      sentence: {
        zh: `${dept}的课程“${row.course_name}”在 ${row.academic_year} 学年首考不及格/缺考/退课率升至 ${percent(row.dfw_rate)}（${count(row.n)} 人次），上一学年（${row.previous_year}）为 ${percent(previousRate)}（${count(before.n)} 人次）。`,
        en: `${row.course_name} (${dept}): the first-attempt DFW rate rose to ${percent(row.dfw_rate)} in ${row.academic_year} (${count(row.n)} results) from ${percent(previousRate)} in ${row.previous_year} (${count(before.n)} results).`,
      },
      link: pageLink('/grades', { panel: 'courses', teaching_dept: row.teaching_dept, course_id: row.course_id }),
    });
  }
  return candidates;
}
