-- Course difficulty year by year: per course × academic year, the first-attempt results and how many
-- are D, F or W (parts/first-attempts), for year-over-year jumps (analytics/metrics/grades/
-- course-difficulty.ts compares each year with the course's previous year that has results). Every
-- course under the filters is returned: the multiple-testing correction runs over all of them, and the
-- route narrows to one course or teaching college afterwards, so a course's flag does not depend on
-- how many others are shown with it.
SELECT
  course_id,
  academic_year,
  arg_max(course_name, term) AS course_name,
  arg_max(teaching_dept, term) AS teaching_dept,
  arg_max(course_nature, term) AS course_nature,
  count(*)::INTEGER AS n,
  count(DISTINCT student_id)::INTEGER AS students,
  count(*) FILTER (WHERE dfw)::INTEGER AS dfw
FROM ({{> metrics/grades/parts/first-attempts}}) AS f
GROUP BY course_id, academic_year
ORDER BY course_id, academic_year;
