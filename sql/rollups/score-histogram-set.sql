-- Score histogram rollup, once per grouping set: the counted results per entry cohort × EXACT score ×
-- the dimensions this set keeps (academic year 32, level 16, college 8, major 4, course nature 2,
-- teaching college 1 in kept; a dimension not kept is NULL = all), summed from the finest grain
-- (rollups/score-histogram-table). Exact scores, not bins (10% of scores carry a decimal), so that a
-- lookup can rebuild the order statistics: quantile_cont, Tukey's whiskers and outliers, and any bin
-- of the histogram come out exactly. Every measure adds up over any rows: results; Σ credits × grade
-- point and Σ credits with a grade point (GPA).
INSERT INTO score_histogram_build
SELECT
  {{> rollups/score-set-keys}},
  score,
  sum(results)::INTEGER AS results,
  sum(credit_points) AS credit_points,
  sum(graded_credits) AS graded_credits
FROM score_histogram_fine
GROUP BY ALL;
