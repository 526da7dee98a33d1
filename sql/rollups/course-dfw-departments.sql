-- Course DFW rollup, the students of each teaching college (metrics/grades/department-dfw's distinct
-- students, which do not add up over courses), once with and once without the course nature kept:
-- per teaching college × entry year × level × college × major (× nature). Its courses, results and
-- DFW come from the 'course' rows that keep the teaching college.
INSERT INTO course_dfw_build BY NAME
SELECT
  'department' AS part,
  {{kept}} AS kept,
  2::TINYINT AS grain,
  teaching_dept,
  {{course_nature}} AS course_nature,
  entry_year, level, college, major,
  count(DISTINCT student_id)::INTEGER AS students
FROM course_dfw_attempts
WHERE teaching_dept IS NOT NULL
GROUP BY ALL;
