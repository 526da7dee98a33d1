// An entry cohort whose grades at some point of its studies differ from those of the cohort before it at
// the same point (term index: the first autumn term is 1): students as units, each student's mean score
// of the term (sql/insights/cohort-term-scores.sql).
//   test: Welch's two-sample z on the two cohorts' means (each student's mean a unit; the samples are
//     different students), two-sided — a cohort doing worse and one doing unexplainedly better both
//     need a look;
//   effect: Cohen's d, the difference over the pooled standard deviation;
//   material: |d| ≥ 0.2 (Cohen's small). The school's slow drift (a fraction of a point a year) never
//     reaches it, however many students make it significant.
import { normalCdf } from '../../metrics/statistics.ts';
import { WHOLE_SCHOOL, type ScanContext } from '../context.ts';
import type { Candidate } from '../finding.ts';
import { count, pageLink, points } from '../format.ts';
import type { Group } from '../scores.ts';

const MATERIAL_D = 0.2;

interface CohortTerm extends Group {
  entry_year: number;
  term_index: number;
}

export async function cohortGradeChange(ctx: ScanContext): Promise<Candidate[]> {
  const rows = (await ctx.rows('insights/cohort-term-scores', WHOLE_SCHOOL)) as unknown as CohortTerm[];
  const byKey = new Map(rows.map((r) => [`${r.entry_year}|${r.term_index}`, r]));
  const candidates: Candidate[] = [];
  for (const cohort of rows) {
    const before = byKey.get(`${cohort.entry_year - 1}|${cohort.term_index}`);
    if (!before || cohort.students < 2 || before.students < 2) continue;
    const difference = cohort.mean - before.mean;
    const se = Math.sqrt(cohort.variance / cohort.students + before.variance / before.students);
    const sd = Math.sqrt(((cohort.students - 1) * cohort.variance + (before.students - 1) * before.variance) / (cohort.students + before.students - 2));
    if (!(se > 0) || !(sd > 0)) continue;
    const numbers = {
      cohort: cohort.entry_year,
      term_index: cohort.term_index,
      mean: cohort.mean,
      previous_mean: before.mean,
      difference,
      students: cohort.students,
      previous_students: before.students,
    };
    const direction = { zh: difference >= 0 ? '高' : '低', en: difference >= 0 ? 'above' : 'below' };
    candidates.push({
      area: 'grades',
      kind: 'cohort-grade-change',
      id: `cohort-grade-change:${cohort.entry_year}:${cohort.term_index}`,
      college: null,
      n: Math.min(cohort.students, before.students),
      effect: difference / sd,
      p: 2 * normalCdf(-Math.abs(difference / se)),
      material: Math.abs(difference / sd) >= MATERIAL_D,
      numbers,
      sentence: {
        zh: `${cohort.entry_year} 级第 ${cohort.term_index} 学期学生的平均成绩为 ${points(cohort.mean)} 分（${count(cohort.students)} 人），比 ${before.entry_year} 级同一学期（${points(before.mean)} 分，${count(before.students)} 人）${direction.zh} ${points(Math.abs(difference))} 分。`,
        en: `In their term ${cohort.term_index}, the ${cohort.entry_year} cohort's mean score was ${points(cohort.mean)} (${count(cohort.students)} students), ${points(Math.abs(difference))} points ${direction.en} the ${before.entry_year} cohort's at the same term (${points(before.mean)}, ${count(before.students)} students).`,
      },
      link: pageLink('/grades', { panel: 'trends' }),
    });
  }
  return candidates;
}
