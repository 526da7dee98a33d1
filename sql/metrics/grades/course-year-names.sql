-- The name, teaching college and nature of courses per academic year — each from the year's latest
-- term with first-attempt results under the filters (parts/first-attempts), as course-dfw.sql names a
-- course — for the courses in $course_ids (a list; NULL: every course). Asked by the year-by-year
-- DFW route and the insights' jump detector for the rows they show, after course-dfw-by-year.sql
-- gave the counts of every course-year.
SELECT
  course_id,
  academic_year,
  arg_max(course_name, term) AS course_name,
  arg_max(teaching_dept, term) AS teaching_dept,
  arg_max(course_nature, term) AS course_nature
FROM ({{> metrics/grades/parts/first-attempts}}) AS f
WHERE $course_ids IS NULL OR list_contains($course_ids, course_id)
GROUP BY course_id, academic_year
ORDER BY course_id, academic_year;
