-- The cohort term scores' answer: continues a WITH whose CTE `per_student` holds each student's mean
-- score in a term (entry_year, term_index, student_id, mean_score) — from the results in
-- cohort-term-scores.sql, from the student scores rollup in its -from-rollup twin: per cohort and term
-- index, the students, and the mean and sample variance of their means (0 for a single student).
SELECT
  entry_year,
  term_index,
  count(*)::INTEGER AS students,
  avg(mean_score) AS mean,
  coalesce(var_samp(mean_score), 0) AS variance
FROM per_student
GROUP BY entry_year, term_index
ORDER BY entry_year, term_index
