// The student cells rollup (sql/rollups/student-cells.sql; read by sql/metrics/grades/comparison-
// defaults-from-rollup.sql): students with counted results per entry cohort × level × college × major,
// from which a comparison's default groups (the latest cohorts, the largest colleges) are summed.
import { fillTemplate, loadSql, sqlLiteral } from '../db/sql-files.ts';
import type { Rollup } from './rollups.ts';

export const studentCellsRollup = {
  folder: 'student-cells',
  view: 'student_cells',
  perAttempt: true,
  async build({ connection, chosen, target }) {
    await connection.run(fillTemplate(loadSql('rollups/student-cells').text, { chosen: sqlLiteral(chosen), target: sqlLiteral(target) }));
  },
} as const satisfies Rollup;
