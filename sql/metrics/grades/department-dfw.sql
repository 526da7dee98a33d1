-- Course difficulty per teaching college (开课学院, the department that teaches and grades the
-- course): its courses' first-attempt results and how many are D, F or W (parts/first-attempts).
SELECT
  teaching_dept,
  count(DISTINCT course_id)::INTEGER AS courses,
  count(*)::INTEGER AS n,
  count(DISTINCT student_id)::INTEGER AS students,
  count(*) FILTER (WHERE dfw)::INTEGER AS dfw
FROM ({{> metrics/grades/parts/first-attempts}}) AS f
WHERE teaching_dept IS NOT NULL
  AND ($teaching_dept IS NULL OR teaching_dept = $teaching_dept)
GROUP BY teaching_dept
ORDER BY teaching_dept;
