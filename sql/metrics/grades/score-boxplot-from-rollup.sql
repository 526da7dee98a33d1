-- Box-plot data from the score rollups: the same answer as score-boxplot.sql (same definitions and
-- columns), from pre-aggregates instead of every result. The route uses it under the rolled-up attempt
-- rule whenever the version has the rollups; every filter and grouping is served.
--   score_histogram (rollups/score-histogram-set): results per entry cohort × exact score, from the
--   smallest grouping set (kept) that keeps the group ($by) and every filtered dimension
--   (parts/grouped-score-histogram). The cohort range only selects rows.
--   quartiles: quantile_cont's interpolation on the summed exact-score histogram, as DuckDB computes it
--   (parts/histogram-quantiles), so bit-identical; whiskers and outliers compare the exact scores with
--   the same fences, so they are the detail's too.
--   mean, sd: Σ score × results / n; √(Σ results × (score − mean)² / (n − 1)) — stddev_samp's figure up
--   to floating-point rounding.
--   students: score_students (rollups/score-students-set), distinct students per entry cohort × level ×
--   college × major (kept 28, + nature 2, + teaching college 1 when grouped by it), added up.
WITH bins AS MATERIALIZED (
  SELECT grp, score, sum(results) AS results
  FROM ({{> metrics/grades/parts/grouped-score-histogram}}) AS h
  GROUP BY grp, score
),
probabilities (quantile, p) AS (VALUES ('q1', 0.25::DOUBLE), ('median', 0.5::DOUBLE), ('q3', 0.75::DOUBLE)),
quantiles AS ({{> metrics/grades/parts/histogram-quantiles}}),
moments AS (
  SELECT
    grp,
    any_value(n) AS n,
    any_value(mean) AS mean,
    sqrt(sum(results * (score - mean) * (score - mean)) / nullif(any_value(n) - 1, 0)) AS sd -- NULL for one result, as stddev_samp
  FROM (
    SELECT
      *,
      sum(results) OVER (PARTITION BY grp) AS n,
      sum(score * results) OVER (PARTITION BY grp) / sum(results) OVER (PARTITION BY grp) AS mean
    FROM bins
  ) AS b
  GROUP BY grp
),
quartiles AS (
  SELECT
    grp, n, mean, sd,
    max(value) FILTER (WHERE quantile = 'q1') AS q1,
    max(value) FILTER (WHERE quantile = 'median') AS median,
    max(value) FILTER (WHERE quantile = 'q3') AS q3
  FROM moments
  JOIN quantiles USING (grp)
  GROUP BY grp, n, mean, sd
),
students AS (
  SELECT grp, sum(students)::INTEGER AS students
  FROM (
    SELECT {{> metrics/grades/parts/rollup-group}} AS grp, students
    FROM score_students
    WHERE kept = 28 + (CASE WHEN $course_nature IS NOT NULL THEN 2 ELSE 0 END) + (CASE WHEN $by = 'teaching_dept' THEN 1 ELSE 0 END)
      AND ({{> metrics/grades/parts/rollup-filters}})
  ) AS s
  WHERE grp IS NOT NULL
  GROUP BY grp
)
SELECT
  q.grp,
  q.n::INTEGER AS n,
  s.students,
  q.mean,
  q.sd,
  q.q1,
  q.median,
  q.q3,
  min(b.score) FILTER (WHERE b.score >= q.q1 - 1.5 * (q.q3 - q.q1)) AS whisker_low,
  max(b.score) FILTER (WHERE b.score <= q.q3 + 1.5 * (q.q3 - q.q1)) AS whisker_high,
  coalesce(sum(b.results) FILTER (WHERE b.score < q.q1 - 1.5 * (q.q3 - q.q1)), 0)::INTEGER AS outliers_low,
  coalesce(sum(b.results) FILTER (WHERE b.score > q.q3 + 1.5 * (q.q3 - q.q1)), 0)::INTEGER AS outliers_high
FROM quartiles AS q
JOIN students AS s USING (grp)
JOIN bins AS b USING (grp)
GROUP BY q.grp, q.n, s.students, q.mean, q.sd, q.q1, q.median, q.q3
ORDER BY q.grp;
