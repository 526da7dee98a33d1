-- A comparison's answer from its students' values (per_student: side, student_id, value): per side the
-- students with a value, their mean and sample variance, and the term limit applied (reach). Included
-- by metrics/grades/cohort-comparison.sql and its -from-rollup twin.
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
