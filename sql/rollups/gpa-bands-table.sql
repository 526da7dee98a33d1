-- GPA bands rollup, first: the connection-local table its sets are gathered in before they are written
-- (rollups/gpa-bands-set, then rollups/gpa-bands-write). One row per entry cohort × level × college ×
-- major × (kept: course nature 1, NULL = all natures) × 0.5-wide GPA band with the students in it —
-- every group the route offers (cohort, college, major) is a student's own, so bands add up over them.
CREATE OR REPLACE TEMP TABLE gpa_bands_build (
  kept TINYINT,
  course_nature VARCHAR,
  entry_year INTEGER,
  level VARCHAR,
  college VARCHAR,
  major VARCHAR,
  band_lower DOUBLE,
  students INTEGER
);
