-- Course DFW rollup: the connection-local table its grouping sets are gathered in before they are
-- written (rollups/course-dfw-courses, -years, -departments, then rollups/course-dfw-write).
--   part: 'course' (metrics/grades/course-dfw), 'year' (course-dfw-by-year), 'department'
--   (department-dfw's students); kept: course nature 1 + teaching college 2 — the row-level filters
--   this set keeps (a dimension not kept is NULL = all).
--   entry_year, level, college, major: a student has exactly one of each, so counts of distinct
--   students add up over them (the cohort range and the student filters select rows). grain: 2 = per
--   level, college and major (built from the results), 1 = per level, 0 = all students (both summed
--   from grain 2 by rollups/course-dfw-coarse, so that an unfiltered view reads few rows).
--   latest_name / latest_dept / latest_nature and name_at / dept_at / nature_at: the value of the
--   cell's latest row that has one and when that was (academic year for 'course', term for 'year'),
--   so that arg_max over cells gives the metric's arg_max over rows.
CREATE OR REPLACE TEMP TABLE course_dfw_build (
  part VARCHAR,
  kept TINYINT,
  grain TINYINT,
  course_id VARCHAR,
  academic_year INTEGER,
  teaching_dept VARCHAR,
  course_nature VARCHAR,
  entry_year INTEGER,
  level VARCHAR,
  college VARCHAR,
  major VARCHAR,
  n INTEGER,
  students INTEGER,
  dfw INTEGER,
  first_year INTEGER,
  last_year INTEGER,
  latest_name VARCHAR,
  name_at INTEGER,
  latest_dept VARCHAR,
  dept_at INTEGER,
  latest_nature VARCHAR,
  nature_at INTEGER
);
