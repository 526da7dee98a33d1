// The cohort grade trends' rollup (sql/rollups/grade-trends-*.sql; read by
// sql/metrics/grades/cohort-grade-trends-from-rollup.sql): the whole answer for every subset of the
// trends' four filter dimensions, 16 grouping sets, each its own statement so that only one set's
// quantile state is held at a time.
import { fillTemplate, loadSql, sqlIdentifier, sqlLiteral } from '../db/sql-files.ts';
import type { Rollup } from './rollups.ts';

/** The grade trends' filter dimensions and their bit in `kept` (sql/rollups/grade-trends-set.sql). */
const TREND_DIMENSIONS = [
  ['level', 8],
  ['college', 4],
  ['major', 2],
  ['course_nature', 1],
] as const;

export const gradeTrendsRollup = {
  folder: 'grade-trends',
  view: 'grade_trends',
  perAttempt: true,
  async build({ connection, chosen, target }) {
    await connection.run(loadSql('rollups/grade-trends-table').text);
    for (let kept = 0; kept < 16; kept++) {
      const columns = Object.fromEntries(TREND_DIMENSIONS.map(([name, bit]) => [name, kept & bit ? sqlIdentifier(name) : 'NULL::VARCHAR']));
      await connection.run(fillTemplate(loadSql('rollups/grade-trends-set').text, { ...columns, kept: `${kept}::TINYINT`, chosen: sqlLiteral(chosen) }));
    }
    await connection.run(fillTemplate(loadSql('rollups/grade-trends-write').text, { target: sqlLiteral(target) }));
  },
} as const satisfies Rollup;
