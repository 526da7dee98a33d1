-- Course difficulty year by year from the course DFW rollup (sql/rollups/course-dfw-years): the same
-- answer as course-dfw-by-year.sql — per course × academic year the first-attempt results, distinct
-- students and DFW — summed over the rollup's cells. Every filter is served: the cohort range, level,
-- college and major select cells (a student is in exactly one) of the coarsest grain that keeps them
-- (grain: 0 all students, 1 per level, 2 per level, college and major); the course nature picks the
-- grouping set that keeps it (kept 1). First attempts do not depend on the attempt rule.
SELECT
  course_id,
  academic_year,
  sum(n)::INTEGER AS n,
  sum(students)::INTEGER AS students,
  sum(dfw)::INTEGER AS dfw
FROM course_dfw
WHERE part = 'year'
  AND grain = (CASE WHEN $college IS NOT NULL OR $major IS NOT NULL THEN 2 WHEN $level IS NOT NULL THEN 1 ELSE 0 END)
  AND kept = (CASE WHEN $course_nature IS NULL THEN 0 ELSE 1 END)
  AND {{> metrics/grades/parts/rollup-cell-filters}}
GROUP BY course_id, academic_year
ORDER BY course_id, academic_year;
