-- Student progress rollup, first: the connection-local tables its sets are gathered in before they are
-- written (rollups/student-progress-standing, -set, -coarse, then -write).
--   one row per kind × entry cohort × term index × (grain 2: level × college × major; 1: level; 0: all
--   students) × (kept: course nature 1, NULL = all natures) × value, with the number of students who
--   stood there at the end of the term. Values, not bands — the academic-warning lines are
--   configuration, applied at read time: failed credits exactly ('failed_credits', `failed`); the
--   cumulative GPA (rounded to 9 places by its definition) in bins of 0.01 ('gpa', `gpa_bin` =
--   ⌊GPA × 100⌋, taken in decimal arithmetic), which answer exactly whether a GPA is below any line
--   on the 0.01 grid and its whole grade point.
CREATE OR REPLACE TEMP TABLE student_progress_build (
  kind VARCHAR,
  grain TINYINT,
  kept TINYINT,
  course_nature VARCHAR,
  entry_year INTEGER,
  term_index INTEGER,
  level VARCHAR,
  college VARCHAR,
  major VARCHAR,
  gpa_bin INTEGER,
  failed DOUBLE,
  students INTEGER
);
