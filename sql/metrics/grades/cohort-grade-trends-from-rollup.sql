-- Cohort grade trends from the grade rollup (sql/rollups/grade-trends-set): the same answer as
-- cohort-grade-trends.sql — same definitions and columns, computed by curation from every result — as a
-- lookup. The route uses it whenever the version has the rollup; grades-trends.test.ts holds it to the
-- hand-checked figures and grades-rollup.test.ts to the detail query under every rule and filter.
--   kept: the grouping set that keeps exactly the filtered dimensions (level 8, college 4, major 2,
--   course nature 1); within it a filtered dimension equals the filter, the others are "all".
SELECT entry_year, term_index, n, students, mean, median, p10, p90, fail_rate, gpa
FROM grade_trends
WHERE attempt = coalesce($attempt, 'first')
  AND kept = (CASE WHEN $level IS NULL THEN 0 ELSE 8 END)
    + (CASE WHEN $college IS NULL THEN 0 ELSE 4 END)
    + (CASE WHEN $major IS NULL THEN 0 ELSE 2 END)
    + (CASE WHEN $course_nature IS NULL THEN 0 ELSE 1 END)
  AND ($level IS NULL OR level = $level)
  AND ($college IS NULL OR college = $college)
  AND ($major IS NULL OR major = $major)
  AND ($course_nature IS NULL OR course_nature = $course_nature)
  AND ($cohort_from IS NULL OR entry_year >= $cohort_from)
  AND ($cohort_to IS NULL OR entry_year <= $cohort_to)
ORDER BY entry_year, term_index;
