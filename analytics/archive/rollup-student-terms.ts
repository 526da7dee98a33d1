// The student terms rollup (sql/rollups/student-terms.sql; read by sql/metrics/grades/cohort-comparison-
// from-rollup.sql): per student and term the credit-weighted sums of scores and
// grade points over the chosen results — a comparison of two cohorts or colleges sums a student's terms
// up to the limit both have reached instead of every result (1.5–2.5 s at 300,000 students).
import type { Rollup } from './rollups.ts';
import { statementRollup } from './rollup-statement.ts';

export const studentTermsRollup = statementRollup('student-terms', 'student_terms', true) satisfies Rollup;
