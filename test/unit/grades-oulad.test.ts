// The grades metrics' SQL and statistics on a real data set: OULAD (Kuzilek et al. 2017, CC BY 4.0;
// ../shared/datasets/oulad/SOURCE.md), read straight from its CSVs into the canonical students and
// grades views (the profile-based importer is another issue's), then checked against its published
// figures:
//   [P] the data descriptor: 32,593 student registrations, 22 module presentations;
//   [N] the UCI description (OULAD.names): final results Pass 12,361, Withdrawn 10,156, Fail 7,052,
//       Distinction 3,024; 173,912 assessment entries;
//   [S] SOURCE.md, measured by the curator: 173 assessment scores missing, their mean 75.799573.
// Mapping: a registration is a first attempt (正常) at a course = one module presentation, taught by its
// module; Fail is a score below 60, Withdrawn a withdrawal (grade text W, no score) — the DFW rate of
// DOMAIN.md is then (Fail + Withdrawn) / registrations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { Database } from '../../analytics/db/database.ts';
import { DATASETS } from '../helpers/archive.ts';
import { sqlLiteral } from '../../analytics/db/sql-files.ts';
import { rateCourses, rateDepartments, type CourseCounts } from '../../analytics/metrics/grades/course-difficulty.ts';

const OULAD = path.join(DATASETS, 'oulad');
const csv = (name: string) => sqlLiteral(path.join(OULAD, name));
let db: Database;

// Presentation "2013J" starts in October 2013 (academic year 2013, term 1); "2014B" in February 2014
// (academic year 2013, term 2).
const PRESENTATION = `
  CAST(left(code_presentation, 4) AS INTEGER) - CASE WHEN right(code_presentation, 1) = 'B' THEN 1 ELSE 0 END AS academic_year,
  CASE WHEN right(code_presentation, 1) = 'B' THEN 2 ELSE 1 END AS term`;

beforeAll(async () => {
  db = await Database.open({ threads: 2, memoryLimit: '512MB' });
  await db.execute(`
    CREATE TABLE registrations AS
      SELECT CAST(id_student AS VARCHAR) AS student_id, code_module, code_presentation, final_result, ${PRESENTATION}
      FROM read_csv(${csv('studentInfo.csv')}, all_varchar = true);
    CREATE VIEW students AS
      SELECT student_id, min(academic_year) AS entry_year, '本科' AS level, 'Open University' AS college, 'OU' AS major
      FROM registrations GROUP BY student_id;
    CREATE VIEW final_results AS
      SELECT r.student_id, r.academic_year, r.term,
             r.code_module || '-' || r.code_presentation AS course_id, r.code_module || '-' || r.code_presentation AS course_name,
             '必修' AS course_nature, 1.0 AS credits,
             CASE r.final_result WHEN 'Distinction' THEN 85.0 WHEN 'Pass' THEN 70.0 WHEN 'Fail' THEN 50.0 END AS score,
             CASE r.final_result WHEN 'Withdrawn' THEN 'W' ELSE r.final_result END AS grade_text,
             NULL::DOUBLE AS grade_point, '正常' AS exam_type, r.code_module AS teaching_dept, s.entry_year
      FROM registrations AS r JOIN students AS s USING (student_id);
    CREATE TABLE assessment_scores AS
      SELECT CAST(sa.id_student AS VARCHAR) AS student_id, ${PRESENTATION.replaceAll('code_presentation', 'a.code_presentation')},
             sa.id_assessment AS course_id, sa.id_assessment AS course_name, a.assessment_type AS course_nature, 1.0 AS credits,
             TRY_CAST(NULLIF(sa.score, '') AS DOUBLE) AS score, sa.score AS grade_text, NULL::DOUBLE AS grade_point,
             '正常' AS exam_type, 'OU' AS teaching_dept, s.entry_year
      FROM read_csv(${csv('studentAssessment.csv')}, all_varchar = true) AS sa
      JOIN read_csv(${csv('assessments.csv')}, all_varchar = true) AS a USING (id_assessment)
      JOIN students AS s ON s.student_id = CAST(sa.id_student AS VARCHAR);
  `);
});

afterAll(() => db?.close());

async function useGrades(view: 'final_results' | 'assessment_scores'): Promise<void> {
  await db.execute(`CREATE OR REPLACE VIEW grades AS SELECT * FROM ${view}`);
}

describe('OULAD final results as first attempts: DFW', () => {
  it('counts every registration and every Fail and Withdrawn as the published class table', async () => {
    await useGrades('final_results');
    const courses = (await db.query('metrics/grades/course-dfw')) as unknown as CourseCounts[];
    expect(courses).toHaveLength(22); // [P] module presentations
    expect(courses.reduce((sum, c) => sum + c.n, 0)).toBe(32593); // [P] registrations
    expect(courses.reduce((sum, c) => sum + c.dfw, 0)).toBe(7052 + 10156); // [N] Fail + Withdrawn

    const rated = rateCourses(courses);
    expect(rated.every((c) => !c.volatile && c.ci_low! <= c.dfw_rate! && c.dfw_rate! <= c.ci_high!)).toBe(true);
    // Peers are the presentations of the same module: the 7 modules with 1 to 4 presentations each.
    expect(new Set(rated.map((c) => c.teaching_dept)).size).toBe(7);
  });

  it('gives the school-wide rate per module that adds up to the published total', async () => {
    await useGrades('final_results');
    const modules = rateDepartments((await db.query('metrics/grades/department-dfw')) as unknown as { teaching_dept: string; n: number; dfw: number }[]);
    expect(modules).toHaveLength(7);
    const n = modules.reduce((sum, m) => sum + m.n, 0);
    const dfw = modules.reduce((sum, m) => sum + m.dfw, 0);
    expect([n, dfw]).toEqual([32593, 17208]);
    expect(modules.every((m) => m.z !== null && m.rank !== null)).toBe(true);
  });

  it('counts the non-withdrawn results as scores and none of the withdrawals', async () => {
    await useGrades('final_results');
    const years = (await db.query('metrics/grades/grade-trends-by-year', { attempt: 'first' })) as { academic_year: number; n: number; fail_rate: number }[];
    expect(years.map((y) => y.academic_year)).toEqual([2012, 2013, 2014]); // 2013B, 2013J + 2014B, 2014J
    // Scored results: Pass + Distinction + Fail = 32,593 − 10,156 withdrawals; Fail is below 60.
    expect(years.reduce((sum, y) => sum + y.n, 0)).toBe(12361 + 3024 + 7052);
    expect(years.reduce((sum, y) => sum + y.n * y.fail_rate, 0)).toBeCloseTo(7052, 6);
  });
});

describe('OULAD assessment scores: distribution', () => {
  it('bins and summarizes the 173,739 scores (173,912 entries less 173 missing)', async () => {
    await useGrades('assessment_scores');
    const [box] = (await db.query('metrics/grades/score-boxplot', { attempt: 'first', by: 'teaching_dept' })) as { n: number; mean: number; q1: number; median: number; q3: number }[];
    expect(box.n).toBe(173912 - 173); // [N] entries, [S] missing
    expect(box.mean).toBeCloseTo(75.799573, 5); // [S]
    expect(box.q1).toBeLessThanOrEqual(box.median);
    expect(box.median).toBeLessThanOrEqual(box.q3);
    const bins = (await db.query('metrics/grades/score-histogram', { attempt: 'first', by: 'teaching_dept', bin: 10 })) as { results: number; share: number; bin_lower: number }[];
    expect(bins.reduce((sum, b) => sum + b.results, 0)).toBe(173912 - 173);
    expect(bins.reduce((sum, b) => sum + b.share, 0)).toBeCloseTo(1, 12);
    expect(bins.map((b) => b.bin_lower)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });
});
