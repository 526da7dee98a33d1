-- Cohort comparison from the student terms rollup (sql/rollups/student-terms): the same answer as
-- cohort-comparison.sql — each student's credit-weighted mean score or GPA over the counted results up
-- to the term both sides have reached (or $term_to), per side students, mean and variance — with a
-- student's results summed per term at curation, so a comparison sums a few terms per student instead
-- of every result. The same limit: a side's last term is its largest term index with results, and a
-- student has a term row exactly when they have results in it. Summer terms (no term index) count only
-- without a limit, as in the detail. Means and variances agree to floating-point rounding (the sums are
-- taken in another order). Not for a course nature filter (the rollup has none): that reads the detail.
WITH sided AS (
  SELECT *, CASE WHEN grp = $a THEN 'a' ELSE 'b' END AS side
  FROM (
    SELECT *, {{> metrics/grades/parts/student-group}} AS grp
    FROM student_terms
    WHERE attempt = coalesce($attempt, 'first') AND {{> metrics/grades/parts/student-cell-filters}}
  ) AS r
  WHERE grp IN ($a, $b)
),
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
{{> metrics/grades/parts/comparison-sides}};
