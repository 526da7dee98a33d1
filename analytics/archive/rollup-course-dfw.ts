// The course difficulty rollup (sql/rollups/course-dfw-*.sql; read by sql/metrics/grades/course-dfw-,
// course-dfw-by-year- and department-dfw-from-rollup.sql): first-attempt DFW counts per course, per
// course and academic year, and the distinct students per teaching college, each per entry year ×
// level × college × major (a student has one of each, so distinct students add up over them) and for
// every subset of the row-level filters the metric takes (course nature; teaching college), then summed
// to coarser grains (per level; all students) for the views without those filters. Every cell
// lies within one entry cohort, so the cohorts are built one at a time (memory stays bounded). First
// attempts do not depend on the attempt rule: built once (perAttempt false).
import { fillTemplate, loadSql, sqlIdentifier, sqlLiteral } from '../db/sql-files.ts';
import type { Rollup } from './rollups.ts';

/** The grouping sets: which part, which row-level filters it keeps (nature 1 + teaching college 2). */
const SETS = [
  ['courses', [0, 1, 2, 3]],
  ['years', [0, 1]],
  ['departments', [0, 1]],
] as const;

export const courseDfwRollup = {
  folder: 'course-dfw',
  view: 'course_dfw',
  perAttempt: false,
  async build({ connection, target }) {
    const cohorts = (await connection.runAndReadAll(loadSql('rollups/entry-years').text)).getRowObjects().map((row) => Number(row.entry_year));
    await connection.run(loadSql('rollups/course-dfw-table').text);
    const source = loadSql('rollups/course-dfw-attempts');
    for (const cohort of cohorts) {
      const params = Object.fromEntries(source.parameters.map((name) => [name, name === 'cohort_from' || name === 'cohort_to' ? cohort : null]));
      await connection.run(source.text, params);
      for (const [part, kepts] of SETS) {
        for (const kept of kepts) {
          await connection.run(
            fillTemplate(loadSql(`rollups/course-dfw-${part}`).text, {
              kept: `${kept}::TINYINT`,
              course_nature: kept & 1 ? sqlIdentifier('course_nature') : 'NULL::VARCHAR',
              // the department rows always keep the teaching college (their grain)
              teaching_dept: kept & 2 || part === 'departments' ? sqlIdentifier('teaching_dept') : 'NULL::VARCHAR',
            }),
          );
        }
      }
    }
    // the coarser grains, summed from the finest: per level (1), all students (0)
    for (const [grain, level] of [[1, sqlIdentifier('level')], [0, 'NULL::VARCHAR']] as const) {
      await connection.run(fillTemplate(loadSql('rollups/course-dfw-coarse').text, { grain: String(grain), level }));
    }
    await connection.run(fillTemplate(loadSql('rollups/course-dfw-write').text, { target: sqlLiteral(target) }));
  },
} as const satisfies Rollup;
