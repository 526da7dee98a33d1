-- Course difficulty from the course DFW rollup (sql/rollups/course-dfw-courses): the same answer as
-- course-dfw.sql — per course its first-attempt results, distinct students, DFW, first and last year,
-- and the name, teaching college and nature of its latest year — summed over the rollup's cells. Every
-- filter is served: the cohort range, level, college and major select cells (a student is in exactly
-- one, so distinct students add up) of the coarsest grain that keeps them (grain: 0 all students, 1 per
-- level, 2 per level, college and major); course nature and teaching college pick the grouping set that
-- keeps them (kept: nature 1 + teaching college 2). First attempts do not depend on the
-- attempt rule: the route reads this file under every rule.
--   A course named two ways within its latest year (or taught by two colleges): the detail's arg_max
--   takes either, and so may this; a course has one name, college and nature per year in practice.
SELECT
  course_id,
  arg_max(latest_name, name_at) AS course_name,
  arg_max(latest_dept, dept_at) AS teaching_dept,
  arg_max(latest_nature, nature_at) AS course_nature,
  sum(n)::INTEGER AS n,
  sum(students)::INTEGER AS students,
  sum(dfw)::INTEGER AS dfw,
  min(first_year)::INTEGER AS first_year,
  max(last_year)::INTEGER AS last_year
FROM course_dfw
WHERE part = 'course'
  AND grain = (CASE WHEN $college IS NOT NULL OR $major IS NOT NULL THEN 2 WHEN $level IS NOT NULL THEN 1 ELSE 0 END)
  AND kept = (CASE WHEN $course_nature IS NULL THEN 0 ELSE 1 END) + (CASE WHEN $teaching_dept IS NULL THEN 0 ELSE 2 END)
  AND ($teaching_dept IS NULL OR teaching_dept = $teaching_dept)
  AND {{> metrics/grades/parts/rollup-cell-filters}}
GROUP BY course_id
ORDER BY course_id;
