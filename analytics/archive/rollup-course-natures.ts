// The course natures the grades hold, counted (sql/rollups/course-natures.sql; read by
// sql/meta/course-natures-from-rollup.sql for the filter options).
import { fillTemplate, loadSql, sqlLiteral } from '../db/sql-files.ts';
import type { Rollup } from './rollups.ts';

export const courseNaturesRollup = {
  folder: 'course-natures',
  view: 'course_natures',
  perAttempt: false,
  async build({ connection, target }) {
    await connection.run(fillTemplate(loadSql('rollups/course-natures').text, { target: sqlLiteral(target) }));
  },
} as const satisfies Rollup;
