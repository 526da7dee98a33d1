-- Course DFW rollup, per course and academic year (metrics/grades/course-dfw-by-year), once with and
-- once without the course nature kept: first-attempt results, distinct students and DFW per course ×
-- academic year × entry year × level × college × major (× nature), and the latest name, teaching
-- college and nature within the year with the term they were last seen.
INSERT INTO course_dfw_build BY NAME
SELECT
  'year' AS part,
  {{kept}} AS kept,
  2::TINYINT AS grain,
  course_id,
  academic_year,
  {{course_nature}} AS course_nature,
  entry_year, level, college, major,
  count(*)::INTEGER AS n,
  -- distinct students (see rollups/course-dfw-attempts: repeated)
  (count(*) FILTER (WHERE NOT repeated) + count(DISTINCT student_id) FILTER (WHERE repeated))::INTEGER AS students,
  count(*) FILTER (WHERE dfw)::INTEGER AS dfw,
  arg_max(course_name, term) AS latest_name,
  max(term) FILTER (WHERE course_name IS NOT NULL)::INTEGER AS name_at,
  arg_max(teaching_dept, term) AS latest_dept,
  max(term) FILTER (WHERE teaching_dept IS NOT NULL)::INTEGER AS dept_at,
  arg_max(course_nature, term) AS latest_nature,
  max(term) FILTER (WHERE course_nature IS NOT NULL)::INTEGER AS nature_at
FROM course_dfw_attempts
GROUP BY ALL;
