-- Course difficulty per teaching college from the course DFW rollup: the same answer as
-- department-dfw.sql. Courses, results and DFW from the per-course cells that keep the teaching college
-- (sql/rollups/course-dfw-courses, kept 2 + nature 1); distinct students, which do not add up over
-- courses, from the rollup's own per-teaching-college cells (sql/rollups/course-dfw-departments). Every
-- filter is served (see course-dfw-from-rollup.sql). First attempts do not depend on the
-- attempt rule: the route reads this file under every rule.
WITH picked AS (
  SELECT *
  FROM course_dfw
  WHERE teaching_dept IS NOT NULL
    AND grain = (CASE WHEN $college IS NOT NULL OR $major IS NOT NULL THEN 2 WHEN $level IS NOT NULL THEN 1 ELSE 0 END)
    AND ($teaching_dept IS NULL OR teaching_dept = $teaching_dept)
    AND {{> metrics/grades/parts/rollup-cell-filters}}
),
courses AS (
  SELECT teaching_dept, count(DISTINCT course_id) AS courses, sum(n) AS n, sum(dfw) AS dfw
  FROM picked
  WHERE part = 'course' AND kept = 2 + (CASE WHEN $course_nature IS NULL THEN 0 ELSE 1 END)
  GROUP BY teaching_dept
),
students AS (
  SELECT teaching_dept, sum(students) AS students
  FROM picked
  WHERE part = 'department' AND kept = (CASE WHEN $course_nature IS NULL THEN 0 ELSE 1 END)
  GROUP BY teaching_dept
)
SELECT
  teaching_dept,
  c.courses::INTEGER AS courses,
  c.n::INTEGER AS n,
  s.students::INTEGER AS students,
  c.dfw::INTEGER AS dfw
FROM courses AS c
JOIN students AS s USING (teaching_dept)
ORDER BY teaching_dept;
