-- The comparison's answer from student terms: continues a WITH whose CTE `sided` holds, per side, student
-- and term index (NULL: summer), the sums Σ credits × score (credit_score), Σ credits (credits),
-- Σ credits × grade point (credit_points) and Σ credits with a grade point (point_credits) — from the
-- results in cohort-comparison.sql, from the student terms rollup in its -from-rollup twin, so both
-- add the same per-term sums in the same way.
--   reach: the term limit — $term_to, or for cohorts the smaller of the two sides' last term with
--   results (a student has a term row exactly when they have results in it); summer terms count only
--   without a limit.
--   per student: the credit-weighted mean score, or the GPA ($measure = 'gpa'), over the terms kept;
--   then per side the students with a value, their mean and sample variance.
reach AS (
  SELECT coalesce($term_to, CASE WHEN $by = 'cohort' THEN min(last_term) END) AS term_limit
  FROM (SELECT side, max(term_index) AS last_term FROM sided GROUP BY side)
),
per_student AS (
  SELECT
    side,
    student_id,
    CASE WHEN $measure = 'gpa'
      THEN sum(credit_points) / sum(point_credits)
      ELSE sum(credit_score) / nullif(sum(credits), 0)
    END AS value
  FROM sided, reach
  WHERE term_limit IS NULL OR term_index <= term_limit
  GROUP BY side, student_id
)
SELECT
  side,
  count(*)::INTEGER AS students,
  avg(value) AS mean,
  var_samp(value) AS variance,
  any_value((SELECT term_limit FROM reach))::INTEGER AS term_limit
FROM per_student
WHERE value IS NOT NULL
GROUP BY side
ORDER BY side
