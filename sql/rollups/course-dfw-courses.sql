-- Course DFW rollup, per course (metrics/grades/course-dfw), once per kept set of the row-level
-- filters (course nature, teaching college): first-attempt results, distinct students and DFW per
-- course × entry year × level × college × major (× the kept filters), first and last academic year,
-- and the latest name, teaching college and nature with the year they were last seen.
INSERT INTO course_dfw_build BY NAME
SELECT
  'course' AS part,
  {{kept}} AS kept,
  2::TINYINT AS grain,
  course_id,
  {{teaching_dept}} AS teaching_dept,
  {{course_nature}} AS course_nature,
  entry_year, level, college, major,
  count(*)::INTEGER AS n,
  -- distinct students (see rollups/course-dfw-attempts: repeated)
  (count(*) FILTER (WHERE NOT repeated) + count(DISTINCT student_id) FILTER (WHERE repeated))::INTEGER AS students,
  count(*) FILTER (WHERE dfw)::INTEGER AS dfw,
  min(academic_year)::INTEGER AS first_year,
  max(academic_year)::INTEGER AS last_year,
  arg_max(course_name, academic_year) AS latest_name,
  max(academic_year) FILTER (WHERE course_name IS NOT NULL)::INTEGER AS name_at,
  arg_max(teaching_dept, academic_year) AS latest_dept,
  max(academic_year) FILTER (WHERE teaching_dept IS NOT NULL)::INTEGER AS dept_at,
  arg_max(course_nature, academic_year) AS latest_nature,
  max(academic_year) FILTER (WHERE course_nature IS NOT NULL)::INTEGER AS nature_at
FROM course_dfw_attempts
GROUP BY ALL;
