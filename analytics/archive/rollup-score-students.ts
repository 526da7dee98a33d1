// The score students rollup (sql/rollups/score-students-*.sql; read by the histogram, box plot, trends
// per year and grade inflation -from-rollup files in sql/metrics/grades/): distinct students, which add
// up over entry cohorts, levels, colleges and majors (a student has one of each) but over nothing else,
// so each grouping set keeps exactly the year, nature, teaching college or score bin it answers for.
import { fillTemplate, loadSql, sqlLiteral } from '../db/sql-files.ts';
import { keptColumns } from './rollup-score-histogram.ts';
import type { Rollup } from './rollups.ts';

/** Bins, in `kept`: one row per bin of each width the histogram offers. */
const BINS = 64;

/**
 * The grouping sets counted from the results (bits as in rollup-score-histogram.ts, + 64 for bins;
 * level, college and major always together, 28). Bins (the histogram): 92, with nature 94, with
 * teaching college 93 (nature × teaching college is left to the detail: a bin set costs the most).
 * Whole groups (the box plot): 28, with nature 30, teaching college 29, both 31. Years (trends per
 * year, inflation): 60, with nature 62, teaching college 61, both 63.
 */
export const SCORE_STUDENTS_SETS = [92, 94, 93, 28, 30, 29, 31, 60, 62, 61, 63] as const;
/** Sets summed from a finer one (over level × college × major): bins by teaching college, cohorts only. */
const DERIVED = [[65, 93]] as const;

export const scoreStudentsRollup = {
  folder: 'score-students',
  view: 'score_students',
  perAttempt: true,
  async build({ connection, chosen, target }) {
    await connection.run(loadSql('rollups/score-students-table').text);
    for (const kept of SCORE_STUDENTS_SETS) {
      const bins = kept & BINS ? 'SELECT * FROM score_students_bins' : 'SELECT NULL::INTEGER AS bin_width, NULL::DOUBLE AS bin_lower, -1::HUGEINT AS mask';
      await connection.run(fillTemplate(loadSql('rollups/score-students-set').text, { ...keptColumns(kept & ~BINS), kept: `${kept}::TINYINT`, bins, chosen: sqlLiteral(chosen) }));
    }
    for (const [kept, from] of DERIVED) {
      await connection.run(fillTemplate(loadSql('rollups/score-students-derived').text, { kept: `${kept}::TINYINT`, from: `${from}` }));
    }
    await connection.run(fillTemplate(loadSql('rollups/score-students-write').text, { target: sqlLiteral(target) }));
  },
} as const satisfies Rollup;
