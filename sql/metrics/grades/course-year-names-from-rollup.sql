-- Course names per academic year from the course DFW rollup (sql/rollups/course-dfw-years): the same
-- answer as course-year-names.sql — each cell keeps its latest name, teaching college and nature with
-- when they were seen, so arg_max over the cells is the detail's arg_max over the rows; the filters pick
-- the cells (parts/course-dfw-year-cells).
SELECT
  course_id,
  academic_year,
  arg_max(latest_name, name_at) AS course_name,
  arg_max(latest_dept, dept_at) AS teaching_dept,
  arg_max(latest_nature, nature_at) AS course_nature
FROM course_dfw
WHERE {{> metrics/grades/parts/course-dfw-year-cells}}
  AND ($course_ids IS NULL OR list_contains($course_ids, course_id))
GROUP BY course_id, academic_year
ORDER BY course_id, academic_year;
