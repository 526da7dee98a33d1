-- Grade trends rollup, once per grouping set: the cohort grade trends' measures (the very columns and
-- definitions of metrics/grades/cohort-grade-trends.sql: n, students, mean, quantile_cont median / P10 /
-- P90, fail rate, credit-weighted GPA) per entry cohort × term index × the dimensions this set keeps
-- (level, college, major, course nature: each either a column or NULL for "all"). kept says which:
-- level 8 + college 4 + major 2 + course nature 1. All 16 sets are stored, so every combination of
-- the trends' filters is one lookup; the cohort range only selects rows. Computed by DuckDB itself
-- from every result, so the figures are the detail query's, bit for bit (up to the order of sums).
-- The three quantiles from one list-form quantile_cont: one copy of a group's scores instead of three
-- (DuckDB keeps every value of a group outside its memory limit), the same interpolation.
INSERT INTO grade_trends_build
SELECT
  entry_year, term_index, level, college, major, course_nature, kept, n, students, mean,
  quantiles[1] AS median, quantiles[2] AS p10, quantiles[3] AS p90, fail_rate, gpa
FROM (
SELECT
  entry_year,
  term_index,
  {{level}} AS level,
  {{college}} AS college,
  {{major}} AS major,
  {{course_nature}} AS course_nature,
  {{kept}} AS kept,
  count(*)::INTEGER AS n,
  count(DISTINCT student_id)::INTEGER AS students,
  avg(score) AS mean,
  quantile_cont(score, [0.5, 0.1, 0.9]) AS quantiles,
  avg(CASE WHEN score < 60 THEN 1.0 ELSE 0.0 END) AS fail_rate,
  sum(credits * grade_point) / sum(CASE WHEN grade_point IS NOT NULL THEN credits END) AS gpa
FROM read_parquet({{chosen}})
WHERE term_index IS NOT NULL -- the trends leave summer terms out
GROUP BY ALL
) AS t;
