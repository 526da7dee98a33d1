// The student scores rollup (sql/rollups/student-scores.sql; read by sql/insights/*-from-rollup.sql):
// per student, year and term the sum and count of the chosen results' scores — the insights' students'
// mean scores per cohort and term and per college and year, 2.4–4.4 s each from the detail at 300,000
// students, 0.04 and 0.28 s from here.
import type { Rollup } from './rollups.ts';
import { statementRollup } from './rollup-statement.ts';

export const studentScoresRollup = statementRollup('student-scores', 'student_scores', true) satisfies Rollup;
