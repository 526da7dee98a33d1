// The student progress rollup (sql/rollups/student-progress-*.sql; read by
// sql/metrics/grades/student-progress-from-rollup.sql): every student's cumulative GPA and failed
// credits at the end of each term (metrics/grades/parts/progress-standing, the detail's own
// definition), counted per entry cohort × term × level × college × major × value — GPA in 0.01 bins,
// failed credits exactly — over all courses and over each course nature (the one row-level filter of
// the progress route), then summed to coarser grains (per level; all students). Values, not bands: the
// academic-warning lines are configuration and are applied at read time. A standing lies within one
// cohort, so the cohorts are built one at a time (memory stays bounded).
import { fillTemplate, loadSql, sqlIdentifier, sqlLiteral } from '../db/sql-files.ts';
import type { Rollup } from './rollups.ts';

export const studentProgressRollup = {
  folder: 'student-progress',
  view: 'student_progress',
  perAttempt: true,
  async build({ connection, attempt, target }) {
    const values = async (name: string, column: string) =>
      (await connection.runAndReadAll(loadSql(name).text)).getRowObjects().map((row) => row[column]);
    const cohorts = (await values('rollups/entry-years', 'entry_year')).map(Number);
    const natures = [null, ...(await values('rollups/nature-values', 'course_nature')).map(String)];
    await connection.run(loadSql('rollups/student-progress-table').text);
    const standing = loadSql('rollups/student-progress-standing');
    for (const cohort of cohorts) {
      for (const nature of natures) {
        const bound: Record<string, string | number | null> = { attempt, cohort_from: cohort, cohort_to: cohort, course_nature: nature };
        await connection.run(standing.text, Object.fromEntries(standing.parameters.map((name) => [name, bound[name] ?? null])));
        await connection.run(loadSql('rollups/student-progress-set').text);
      }
    }
    for (const [grain, level] of [[1, sqlIdentifier('level')], [0, 'NULL::VARCHAR']] as const) {
      await connection.run(fillTemplate(loadSql('rollups/student-progress-coarse').text, { grain: String(grain), level }));
    }
    await connection.run(fillTemplate(loadSql('rollups/student-progress-write').text, { target: sqlLiteral(target) }));
  },
} as const satisfies Rollup;
