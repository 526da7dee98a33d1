// The student cells rollup (sql/rollups/student-cells.sql; read by sql/metrics/grades/comparison-
// defaults-from-rollup.sql): students with counted results per entry cohort × level × college × major,
// from which a comparison's default groups (the latest cohorts, the largest colleges) are summed.
import type { Rollup } from './rollups.ts';
import { statementRollup } from './rollup-statement.ts';

export const studentCellsRollup = statementRollup('student-cells', 'student_cells', true) satisfies Rollup;
