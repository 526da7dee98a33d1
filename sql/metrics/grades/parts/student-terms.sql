-- The student terms rollup's rows (sql/rollups/student-terms) a comparison reads, with the group each
-- falls in as parts/grouped-results names it ($by: cohort as text, college, major): the attempt rule's
-- file and the student filters (cohort range, level, college, major). No course nature: the rollup
-- sums over every nature, and a nature filter reads the detail (analytics/metrics/from-rollup.ts).
SELECT
  *,
  CASE $by
    WHEN 'cohort' THEN entry_year::VARCHAR
    WHEN 'college' THEN college
    WHEN 'major' THEN major
  END AS grp
FROM student_terms
WHERE attempt = coalesce($attempt, 'first')
  AND ($cohort_from IS NULL OR entry_year >= $cohort_from)
  AND ($cohort_to IS NULL OR entry_year <= $cohort_to)
  AND ($level IS NULL OR level = $level)
  AND ($college IS NULL OR college = $college)
  AND ($major IS NULL OR major = $major)
