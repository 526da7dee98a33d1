-- Course difficulty: per course, its first-attempt results and how many of them are D, F or W
-- (parts/first-attempts: 不及格, 缺考, withdrawal). The Wilson interval, the z-score against peer
-- courses (same teaching college and course nature), outliers and the volatile flag are computed from
-- these counts in analytics/metrics/grades/course-difficulty.ts.
--   a course is its course_id; its name, teaching college and nature are those of its latest year (a
--   renamed course stays one course).
--   $teaching_dept narrows to one teaching college's courses (the drill-down from a college).
SELECT
  course_id,
  arg_max(course_name, academic_year) AS course_name,
  arg_max(teaching_dept, academic_year) AS teaching_dept,
  arg_max(course_nature, academic_year) AS course_nature,
  count(*)::INTEGER AS n,
  count(DISTINCT student_id)::INTEGER AS students,
  count(*) FILTER (WHERE dfw)::INTEGER AS dfw,
  min(academic_year)::INTEGER AS first_year,
  max(academic_year)::INTEGER AS last_year
FROM ({{> metrics/grades/parts/first-attempts}}) AS f
WHERE ($teaching_dept IS NULL OR teaching_dept = $teaching_dept)
GROUP BY course_id
ORDER BY course_id;
