-- Grade trends per academic year from the score rollups: the same answer as grade-trends-by-year.sql
-- (same definitions and columns), from pre-aggregates instead of every result. The route uses it under
-- the rolled-up attempt rule whenever the version has the rollups; every filter combination is served.
--   score_histogram (rollups/score-histogram-set): results, credit points and graded credits per entry
--   cohort × academic year × exact score, from the smallest grouping set (kept) that keeps every
--   filtered dimension (academic year 32 + level 16, college 8, major 4, course nature 2); the cohort
--   range only selects rows.
--   quantiles: quantile_cont's linear interpolation on the summed exact-score histogram, as DuckDB
--   computes it (parts/histogram-quantiles, the formula there). Bit-identical to the detail's.
--   mean, fail rate, gpa: Σ score × results / n; results below 60 / n; Σ credit points / Σ graded
--   credits (the detail's figures up to the order of the sums).
--   students: score_students (rollups/score-students-set), distinct students per entry cohort × level ×
--   college × major × academic year (× course nature when filtered), added up over the student groups.
WITH bins AS MATERIALIZED (
  SELECT
    academic_year AS grp, -- the histogram's group for parts/histogram-quantiles
    score,
    sum(results) AS results,
    sum(credit_points) AS credit_points,
    sum(graded_credits) AS graded_credits
  FROM score_histogram
  WHERE kept = CASE
      WHEN $course_nature IS NOT NULL AND ($level IS NOT NULL OR $college IS NOT NULL OR $major IS NOT NULL) THEN 62
      WHEN $course_nature IS NOT NULL THEN 34
      WHEN $major IS NOT NULL OR ($level IS NOT NULL AND $college IS NOT NULL) THEN 60
      WHEN $level IS NOT NULL THEN 48
      WHEN $college IS NOT NULL THEN 40
      ELSE 32
    END
    AND ({{> metrics/grades/parts/rollup-filters}})
  GROUP BY academic_year, score
),
probabilities (quantile, p) AS (VALUES ('p10', 0.1::DOUBLE), ('median', 0.5::DOUBLE), ('p90', 0.9::DOUBLE)),
quantiles AS ({{> metrics/grades/parts/histogram-quantiles}}),
stats AS (
  SELECT
    grp AS academic_year,
    sum(results) AS n,
    sum(score * results) / sum(results) AS mean,
    coalesce(sum(results) FILTER (WHERE score < 60), 0) / sum(results) AS fail_rate,
    sum(credit_points) / sum(graded_credits) AS gpa
  FROM bins
  GROUP BY grp
),
percentiles AS (
  SELECT
    grp AS academic_year,
    max(value) FILTER (WHERE quantile = 'median') AS median,
    max(value) FILTER (WHERE quantile = 'p10') AS p10,
    max(value) FILTER (WHERE quantile = 'p90') AS p90
  FROM quantiles
  GROUP BY grp
),
students AS (
  SELECT academic_year, sum(students)::INTEGER AS students
  FROM score_students
  WHERE kept = CASE WHEN $course_nature IS NULL THEN 60 ELSE 62 END
    AND ({{> metrics/grades/parts/rollup-filters}})
  GROUP BY academic_year
)
SELECT
  academic_year,
  n::INTEGER AS n,
  students,
  mean,
  median,
  p10,
  p90,
  fail_rate,
  gpa
FROM stats
JOIN percentiles USING (academic_year)
JOIN students USING (academic_year)
ORDER BY academic_year;
