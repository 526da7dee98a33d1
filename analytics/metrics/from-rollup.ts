// Which SQL file answers a metric question: the detail file (sql/<file>.sql, the definition), or its
// twin sql/<file>-from-rollup.sql — the same answer read from rollups built with the version
// (analytics/archive/rollups.ts; sql/README.md, "Which routes read what"). The one switch, used by the
// routes, the overview's key figures, the insights engine and the cohort report alike.
// The detail answers when the version lacks a rollup the twin reads (curated before it existed), when
// the question's attempt rule is not rolled up (a detail file that takes no $attempt — first-attempt
// DFW, the status metrics — has one answer under every rule), and when the twin's own rule says it
// cannot answer this question exactly.
import type { RollupsPresent, RollupView } from '../archive/rollups.ts';
import { DEFAULT_ATTEMPT_RULE, type AttemptRule } from '../archive/attempt-rules.ts';
import type { Row } from '../db/convert.ts';
import type { Params } from '../db/database.ts';
import { loadSql } from '../db/sql-files.ts';

interface Twin {
  /** The rollup views the twin reads. */
  views: RollupView[];
  /** The questions the twin answers, when not every one (its SQL file's head says why). */
  answers?: (params: Record<string, unknown>) => boolean;
}

const SCORES: Twin = { views: ['score_histogram', 'score_students'] };
const REQUEST_CELLS: Twin = { views: ['request_days', 'request_months'] };
const REQUEST_TIMES: Twin = { views: ['request_days', 'request_months', 'request_times'] };

const TWINS: Record<string, Twin> = {
  'meta/course-natures': { views: ['course_natures'] },
  'metrics/grades/cohort-grade-trends': { views: ['grade_trends'] },
  'metrics/grades/grade-trends-by-year': SCORES,
  'metrics/grades/score-boxplot': SCORES,
  // No bin set by teaching college with a course nature (the costliest to build).
  'metrics/grades/score-histogram': { ...SCORES, answers: (p) => !(p.by === 'teaching_dept' && p.course_nature != null) },
  'metrics/grades/grade-inflation': { views: ['course_year_scores', 'score_students'] },
  'metrics/grades/course-dfw': { views: ['course_dfw'] },
  'metrics/grades/course-dfw-by-year': { views: ['course_dfw'] },
  'metrics/grades/course-year-names': { views: ['course_dfw'] },
  'metrics/grades/department-dfw': { views: ['course_dfw'] },
  'metrics/grades/gpa-bands': { views: ['gpa_bands'] },
  // Summed over every course nature: a nature filter reads the detail.
  'metrics/grades/cohort-comparison': { views: ['student_terms'], answers: (p) => p.course_nature == null },
  'metrics/grades/comparison-defaults': { views: ['student_cells'], answers: (p) => p.course_nature == null },
  // GPA kept in 0.01 bins: a warning line on that grid (1.5, 2, 1.75 …) is exact; any other reads the detail.
  'metrics/grades/student-progress': {
    views: ['student_progress'],
    answers: (p) => typeof p.warning_gpa === 'number' && Math.round(p.warning_gpa * 100) / 100 === p.warning_gpa,
  },
  // Summed over every course nature: a nature filter reads the detail.
  'insights/cohort-term-scores': { views: ['student_scores'], answers: (p) => p.course_nature == null },
  'insights/college-year-scores': { views: ['student_scores'], answers: (p) => p.course_nature == null },
  'metrics/status/change-rates': { views: ['status_change_records', 'status_headcount_cells'] },
  'metrics/status/change-sequences': { views: ['status_sequence_cells'] },
  'metrics/status/status-flows': { views: ['status_flow_cells'] },
  'metrics/status/cohort-outcomes': { views: ['status_outcome_cells'] },
  'metrics/status/withdrawal-survival': { views: ['status_survival_cells'] },
  'metrics/status/withdrawal-risk-factors': { views: ['status_risk_cells'] },
  'metrics/utilization/utilization-summary': REQUEST_TIMES,
  'metrics/utilization/turnaround-by-dimension': REQUEST_TIMES,
  'metrics/utilization/requests-by-period': REQUEST_CELLS,
  'metrics/utilization/requests-by-dimension': REQUEST_CELLS,
  'metrics/utilization/requests-crosstab': REQUEST_CELLS,
  'metrics/utilization/monthly-requests': REQUEST_CELLS,
  'metrics/utilization/data-quality': REQUEST_CELLS,
  'metrics/utilization/filter-options': { views: ['request_months'] },
  'metrics/utilization/request-extent': { views: ['request_months'] },
};

/** `file` (e.g. 'metrics/grades/course-dfw'), or its `-from-rollup` twin when that gives this answer. */
export function metricFile(file: string, params: Record<string, unknown>, rollups: RollupsPresent): string {
  const twin = TWINS[file];
  if (!twin || !twin.views.every((view) => rollups.views.has(view))) return file;
  if (loadSql(file).parameters.includes('attempt') && !rollups.attempts.has(((params.attempt ?? DEFAULT_ATTEMPT_RULE) as AttemptRule))) return file;
  if (twin.answers && !twin.answers(params)) return file;
  return `${file}-from-rollup`;
}

/** Runs a metric file with parameters: `archive.queryMetric` (twins where they answer) or `db.query` (the detail). */
export type MetricQuery = (file: string, params?: Params) => Promise<Row[]>;
