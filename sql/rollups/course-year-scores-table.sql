-- Course year scores rollup, first: the connection-local table its grouping sets are gathered in
-- (rollups/course-year-scores-set, -all, then -write).
CREATE OR REPLACE TEMP TABLE course_year_scores_build (
  entry_year INTEGER,
  level VARCHAR,
  college VARCHAR,
  major VARCHAR,
  course_id VARCHAR,
  course_nature VARCHAR,
  teaching_dept VARCHAR,
  academic_year INTEGER,
  kept TINYINT,
  n INTEGER,
  score_sum DOUBLE,
  top INTEGER
);
