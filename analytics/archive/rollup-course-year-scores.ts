// The course year scores rollup (sql/rollups/course-year-scores-*.sql; read by
// sql/metrics/grades/grade-inflation-from-rollup.sql): results, Σ score and scores ≥ 90 per entry cohort
// × course × academic year, per level × college × major (kept 28) and for all students (kept 0).
import { fillTemplate, loadSql, sqlLiteral } from '../db/sql-files.ts';
import type { Rollup } from './rollups.ts';

export const courseYearScoresRollup = {
  folder: 'course-year-scores',
  view: 'course_year_scores',
  perAttempt: true,
  async build({ connection, chosen, target }) {
    await connection.run(loadSql('rollups/course-year-scores-table').text);
    await connection.run(fillTemplate(loadSql('rollups/course-year-scores-set').text, { chosen: sqlLiteral(chosen) }));
    await connection.run(loadSql('rollups/course-year-scores-all').text);
    await connection.run(fillTemplate(loadSql('rollups/course-year-scores-write').text, { target: sqlLiteral(target) }));
  },
} as const satisfies Rollup;
