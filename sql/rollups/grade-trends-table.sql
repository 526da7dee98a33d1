-- Grade trends rollup, first: the connection-local table the grouping sets of one attempt rule are gathered
-- in before they are written (rollups/grade-trends-set, then rollups/grade-trends-write).
CREATE OR REPLACE TEMP TABLE grade_trends_build (
  entry_year INTEGER,
  term_index INTEGER,
  level VARCHAR,
  college VARCHAR,
  major VARCHAR,
  course_nature VARCHAR,
  kept TINYINT,
  n INTEGER,
  students INTEGER,
  mean DOUBLE,
  median DOUBLE,
  p10 DOUBLE,
  p90 DOUBLE,
  fail_rate DOUBLE,
  gpa DOUBLE
);
