-- The student progress answer: continues a WITH whose CTEs hold the students counted per value —
-- `gpa_bands` (entry_year, term_index, band, lower, upper, warning, students: the GPA bands, which each
-- file places from its own GPA values) and `failed` (entry_year, term_index, failed, students) — one
-- student per row in student-progress.sql, counts per value from the rollup in its -from-rollup twin.
-- Places failed credits in their bands against $warning_credits and $serious_credits, then gives per
-- cohort, term and kind the students in each band and their share.
failed_bands AS (
  SELECT
    entry_year, term_index,
    CASE WHEN failed <= 0 THEN 0 WHEN failed < $warning_credits THEN 1 WHEN failed < $serious_credits THEN 2 ELSE 3 END AS band,
    CASE WHEN failed < $warning_credits THEN 0 WHEN failed < $serious_credits THEN $warning_credits ELSE $serious_credits END AS lower,
    CASE WHEN failed <= 0 THEN 0 WHEN failed < $warning_credits THEN $warning_credits WHEN failed < $serious_credits THEN $serious_credits END AS upper,
    failed >= $warning_credits AS warning,
    students
  FROM failed
)
SELECT
  entry_year, term_index, kind, band::INTEGER AS band, lower::DOUBLE AS lower, upper::DOUBLE AS upper, warning,
  sum(students)::INTEGER AS students,
  sum(students) / sum(sum(students)) OVER (PARTITION BY entry_year, term_index, kind) AS share
FROM (
  SELECT 'gpa' AS kind, * FROM gpa_bands
  UNION ALL BY NAME
  SELECT 'failed_credits' AS kind, * FROM failed_bands
)
GROUP BY entry_year, term_index, kind, band, lower, upper, warning
ORDER BY entry_year, term_index, kind DESC, band
