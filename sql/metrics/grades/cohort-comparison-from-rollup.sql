-- Cohort comparison from the student terms rollup (sql/rollups/student-terms): the same answer as
-- cohort-comparison.sql — the per-student, per-term sums it takes from the results were summed at
-- curation, and both apply parts/comparison-answer to them. Not for a course nature filter (the rollup
-- has none): that reads the detail.
WITH sided AS (
  SELECT *, CASE WHEN grp = $a THEN 'a' ELSE 'b' END AS side
  FROM (
    SELECT *, {{> metrics/grades/parts/student-group}} AS grp
    FROM student_terms
    WHERE attempt = coalesce($attempt, 'first') AND {{> metrics/grades/parts/student-cell-filters}}
  ) AS r
  WHERE grp IN ($a, $b)
),
{{> metrics/grades/parts/comparison-answer}};
