// The GPA bands rollup (sql/rollups/gpa-bands-*.sql; read by sql/metrics/grades/gpa-bands-from-rollup.sql):
// students per 0.5-wide band of their GPA over the chosen results, per entry cohort × level × college ×
// major (each student's own; the route's groups are among them), over all courses and per course nature.
import { fillTemplate, loadSql, sqlIdentifier, sqlLiteral } from '../db/sql-files.ts';
import type { Rollup } from './rollups.ts';

export const gpaBandsRollup = {
  folder: 'gpa-bands',
  view: 'gpa_bands',
  perAttempt: true,
  async build({ connection, chosen, target }) {
    await connection.run(loadSql('rollups/gpa-bands-table').text);
    for (const kept of [0, 1]) {
      const nature = kept ? sqlIdentifier('course_nature') : 'NULL::VARCHAR';
      await connection.run(fillTemplate(loadSql('rollups/gpa-bands-set').text, { kept: String(kept), nature, chosen: sqlLiteral(chosen) }));
    }
    await connection.run(fillTemplate(loadSql('rollups/gpa-bands-write').text, { target: sqlLiteral(target) }));
  },
} as const satisfies Rollup;
