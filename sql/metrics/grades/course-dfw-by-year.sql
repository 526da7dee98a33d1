-- Course difficulty year by year: per course × academic year, the first-attempt results and how many
-- are D, F or W (parts/first-attempts), for year-over-year jumps (analytics/metrics/grades/
-- course-difficulty.ts compares each year with the course's previous year that has results). Every
-- course under the filters is returned: the multiple-testing correction runs over all of them, and the
-- route narrows to one course or teaching college afterwards, so a course's flag does not depend on
-- how many others are shown with it. Counts only: the names, teaching college and nature of a course
-- year are course-year-names.sql, asked for the rows an answer shows (at 300,000 students the names
-- of all 13,834 course-years take 72 ms to read, these counts 34 ms).
SELECT
  course_id,
  academic_year,
  count(*)::INTEGER AS n,
  count(DISTINCT student_id)::INTEGER AS students,
  count(*) FILTER (WHERE dfw)::INTEGER AS dfw
FROM ({{> metrics/grades/parts/first-attempts}}) AS f
GROUP BY course_id, academic_year
ORDER BY course_id, academic_year;
