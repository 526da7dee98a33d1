-- College year scores from the student scores rollup (sql/rollups/student-scores): the same answer as
-- college-year-scores.sql — each student's mean score in an academic year is the score sums of their
-- terms that year (summer included: the rollup keeps summers apart by year) over their results'
-- counts; both files then take parts/college-year-answer. Over every course nature only: a nature
-- filter reads the detail.
WITH per_student AS (
  SELECT college, academic_year, student_id, sum(score_sum) / sum(results) AS mean_score
  FROM student_scores
  WHERE attempt = coalesce($attempt, 'first') AND {{> metrics/grades/parts/student-cell-filters}}
  GROUP BY college, academic_year, student_id
)
{{> insights/parts/college-year-answer}};
