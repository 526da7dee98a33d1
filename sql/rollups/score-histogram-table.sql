-- Score histogram rollup, first: the counted results (the chosen results, summer terms included) per
-- entry cohort × academic year × level × college × major × course nature × teaching college × EXACT
-- score, once — a connection-local table every grouping set (rollups/score-histogram-set) then sums,
-- far smaller than the results — and the table the sets are gathered in.
CREATE OR REPLACE TEMP TABLE score_histogram_fine AS
SELECT
  entry_year, academic_year, level, college, major, course_nature, teaching_dept, score,
  count(*)::INTEGER AS results,
  sum(credits * grade_point) AS credit_points,
  sum(CASE WHEN grade_point IS NOT NULL THEN credits END) AS graded_credits
FROM read_parquet({{chosen}})
GROUP BY ALL;
CREATE OR REPLACE TEMP TABLE score_histogram_build (
  {{> rollups/score-set-columns}},
  score DOUBLE,
  results INTEGER,
  credit_points DOUBLE,
  graded_credits DOUBLE
);
