// A college whose students' grades changed from one academic year to the next more than the rest of the
// school's did: the last complete academic year against the one before, students as units (each
// student's mean score of the year, sql/insights/college-year-scores.sql).
//   test: difference in differences, D = (m_c,t − m_c,t−1) − (m_rest,t − m_rest,t−1), z = D / SE with
//     SE² the sum of the four groups' v/n (treated as independent samples; many students are in both
//     years, which makes the true SE smaller, so the test is conservative); two-sided — a fall in
//     grades and an unexplained rise both need a look;
//   effect: Cohen's d, D over the college's pooled standard deviation of the two years;
//   material: |d| ≥ 0.2 (Cohen's small).
import { normalCdf } from '../../metrics/statistics.ts';
import type { ScanContext } from '../context.ts';
import type { Candidate } from '../finding.ts';
import { count, pageLink, points } from '../format.ts';
import { collegeYearScores, pool, type Group } from '../scores.ts';

const MATERIAL_D = 0.2;
const signed = (value: number) => `${value >= 0 ? '+' : '−'}${points(Math.abs(value))}`;

export async function collegeGradeChange(ctx: ScanContext): Promise<Candidate[]> {
  const rows = await collegeYearScores(ctx);
  const year = ctx.lastCompleteYear;
  const inYear = (y: number) => rows.filter((r) => r.academic_year === y);
  const now = inYear(year);
  const before = inYear(year - 1);
  const candidates: Candidate[] = [];
  for (const current of now) {
    const previous = before.find((r) => r.college === current.college);
    const restNow = pool(now.filter((r) => r.college !== current.college));
    const restBefore = pool(before.filter((r) => r.college !== current.college));
    if (!previous || !restNow || !restBefore || current.students < 2 || previous.students < 2) continue;
    const change = current.mean - previous.mean;
    const restChange = restNow.mean - restBefore.mean;
    const difference = change - restChange;
    const se = Math.sqrt([current, previous, restNow, restBefore].reduce((sum, g: Group) => sum + g.variance / g.students, 0));
    const sd = Math.sqrt(((current.students - 1) * current.variance + (previous.students - 1) * previous.variance) / (current.students + previous.students - 2));
    if (!(se > 0) || !(sd > 0)) continue;
    const z = difference / se;
    const d = difference / sd;
    const numbers = {
      academic_year: year,
      mean: current.mean,
      previous_mean: previous.mean,
      change,
      rest_change: restChange,
      difference,
      students: current.students,
      previous_students: previous.students,
    };
    const college = current.college;
    const direction = { zh: change >= 0 ? '上升' : '下降', en: change >= 0 ? 'rose' : 'fell' };
    candidates.push({
      area: 'grades',
      kind: 'college-grade-change',
      id: `college-grade-change:${college}:${year}`,
      college,
      n: Math.min(current.students, previous.students),
      effect: d,
      p: 2 * normalCdf(-Math.abs(z)),
      material: Math.abs(d) >= MATERIAL_D,
      numbers,
      sentence: {
        zh: `${year} 学年${college}学生的平均成绩为 ${points(current.mean)} 分（${count(current.students)} 人），比上一学年${direction.zh} ${points(Math.abs(change))} 分；同期全校其他学院变化 ${signed(restChange)} 分。`,
        en: `In ${year}, the mean score of ${college}'s students ${direction.en} by ${points(Math.abs(change))} points to ${points(current.mean)} (${count(current.students)} students), while the rest of the school moved ${signed(restChange)}.`,
      },
      link: pageLink('/grades', { panel: 'trends', college, axis: 'year' }),
    });
  }
  return candidates;
}
