-- Cohort term scores from the student scores rollup (sql/rollups/student-scores): the same answer as
-- cohort-term-scores.sql — each student's mean score in a term is their results' score sum over their
-- count, both summed at curation; both files then take parts/cohort-term-answer. A student has one
-- rollup row per term index (its academic year follows from the cohort; level, college and major are
-- the student's), so no grouping per student is needed. Over every course nature only: a nature filter
-- reads the detail.
WITH per_student AS (
  SELECT entry_year, term_index, student_id, score_sum / results AS mean_score
  FROM student_scores
  WHERE attempt = coalesce($attempt, 'first') AND term_index IS NOT NULL
    AND {{> metrics/grades/parts/student-cell-filters}}
)
{{> insights/parts/cohort-term-answer}};
