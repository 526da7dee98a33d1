-- The course DFW rollup's year cells (sql/rollups/course-dfw-years) that a question under the filters
-- sums, as one condition: the cohort range, level, college and major select cells (a student is in
-- exactly one) of the coarsest grain that keeps them (grain: 0 all students, 1 per level, 2 per level,
-- college and major); the course nature picks the grouping set that keeps it (kept 1). Included by
-- course-dfw-by-year- and course-year-names-from-rollup.sql.
part = 'year'
  AND grain = (CASE WHEN $college IS NOT NULL OR $major IS NOT NULL THEN 2 WHEN $level IS NOT NULL THEN 1 ELSE 0 END)
  AND kept = (CASE WHEN $course_nature IS NULL THEN 0 ELSE 1 END)
  AND {{> metrics/grades/parts/rollup-cell-filters}}
