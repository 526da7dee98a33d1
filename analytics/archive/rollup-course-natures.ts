// The course natures the grades hold, counted (sql/rollups/course-natures.sql; read by
// sql/meta/course-natures-from-rollup.sql for the filter options).
import type { Rollup } from './rollups.ts';
import { statementRollup } from './rollup-statement.ts';

export const courseNaturesRollup = statementRollup('course-natures', 'course_natures', false) satisfies Rollup;
