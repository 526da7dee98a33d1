// The exact-score histogram rollup (sql/rollups/score-histogram-*.sql; read by
// sql/metrics/grades/grade-trends-by-year-, score-boxplot- and score-histogram-from-rollup.sql): the
// counted results per entry cohort × exact score for the grouping sets those lookups choose from. The
// finest grain is summed from the chosen results once (1.7 million rows at 300,000 students); each set
// is then one statement over it (sums only, one small hash table at a time).
import { fillTemplate, loadSql, sqlIdentifier, sqlLiteral } from '../db/sql-files.ts';
import type { Rollup } from './rollups.ts';

/** The dimensions a grouping set may keep and their bit in `kept` (the entry cohort is always kept). */
const DIMENSIONS = [
  ['academic_year', 32, 'INTEGER'],
  ['level', 16, 'VARCHAR'],
  ['college', 8, 'VARCHAR'],
  ['major', 4, 'VARCHAR'],
  ['course_nature', 2, 'VARCHAR'],
  ['teaching_dept', 1, 'VARCHAR'],
] as const;

/** The template fragments of a grouping set: a kept dimension is its column, the others NULL (= all). */
export const keptColumns = (kept: number): Record<string, string> => ({
  ...Object.fromEntries(DIMENSIONS.map(([name, bit, type]) => [name, kept & bit ? sqlIdentifier(name) : `NULL::${type}`])),
  kept: `${kept}::TINYINT`,
});

/**
 * The grouping sets, each the smallest that answers some question fast; the lookups pick the first
 * that keeps every dimension they filter or group by (the order of the CASE in their SQL files).
 * Box plot (no academic year): all cohorts 0, nature 2, college 8, teaching college 1, college ×
 * nature 10, nature × teaching college 3, level × college × major 28, everything 31. Trends per year
 * (academic year 32 +): 32, 34, 40, 48 (level), 60, everything but the teaching college 62.
 */
export const SCORE_HISTOGRAM_SETS = [0, 2, 8, 1, 10, 3, 28, 31, 32, 34, 40, 48, 60, 62] as const;

export const scoreHistogramRollup = {
  folder: 'score-histogram',
  view: 'score_histogram',
  perAttempt: true,
  async build({ connection, chosen, target }) {
    await connection.run(fillTemplate(loadSql('rollups/score-histogram-table').text, { chosen: sqlLiteral(chosen) }));
    for (const kept of SCORE_HISTOGRAM_SETS) {
      await connection.run(fillTemplate(loadSql('rollups/score-histogram-set').text, keptColumns(kept)));
    }
    await connection.run(fillTemplate(loadSql('rollups/score-histogram-write').text, { target: sqlLiteral(target) }));
  },
} as const satisfies Rollup;
