-- Quantiles of each group's exact-score histogram, bit-identical to quantile_cont over the results it
-- counts. Reads two CTEs of the including query: `bins` (grp, score, results: one row per group and
-- exact score) and `probabilities` (quantile: a name, p DOUBLE); one row per group and quantile:
-- grp, quantile, value. No parameters.
--   DuckDB's quantile_cont, linear interpolation: with n results in score order x[0..n−1],
--   RN = (n − 1) × p, FRN = floor(RN), CRN = ceil(RN), d = RN − FRN, value = x[FRN] × (1 − d) + x[CRN] × d;
--   x[k] is the greatest score whose ranks start (start: the results of lower scores) at or before k.
SELECT grp, quantile, lo * (1 - d) + hi * d AS value
FROM (
  SELECT
    grp,
    quantile,
    max(score) FILTER (WHERE start <= floor(rn)) AS lo,
    max(score) FILTER (WHERE start <= ceil(rn)) AS hi,
    any_value(rn - floor(rn)) AS d
  FROM (
    SELECT
      b.grp,
      b.score,
      q.quantile,
      (sum(b.results) OVER (PARTITION BY b.grp, q.quantile ORDER BY b.score ROWS UNBOUNDED PRECEDING) - b.results)::DOUBLE AS start,
      (sum(b.results) OVER (PARTITION BY b.grp, q.quantile)::DOUBLE - 1) * q.p AS rn
    FROM bins AS b
    CROSS JOIN probabilities AS q
  ) AS ranked
  GROUP BY grp, quantile
) AS order_stats
