-- The college year scores' answer: continues a WITH whose CTE `per_student` holds each student's mean
-- score in an academic year (college, academic_year, student_id, mean_score) — from the results in
-- college-year-scores.sql, from the student scores rollup in its -from-rollup twin, so both take the
-- same mean and variance over the same students: per college and year, the students, and the mean
-- and sample variance of their means (0 for a single student).
SELECT
  college,
  academic_year,
  count(*)::INTEGER AS students,
  avg(mean_score) AS mean,
  coalesce(var_samp(mean_score), 0) AS variance
FROM per_student
GROUP BY college, academic_year
ORDER BY college, academic_year
