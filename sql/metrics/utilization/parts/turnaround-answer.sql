-- Service times by dimension $by from the filtered requests `r` (one row per request or per day cell:
-- counts are summed) and the timed requests `times` (one row per request, turnaround_us):
-- turnaround-by-dimension.sql and its rollup twin. A value without a timed request has completed = 0
-- and NULL times.
counted AS (
  SELECT
    {{> metrics/utilization/parts/dimension-value}} AS value,
    sum(requests)::INTEGER AS requests,
    sum(timed)::INTEGER AS completed,
    sum(within_1wd) / nullif(sum(timed), 0) AS within_1wd,
    sum(within_3wd) / nullif(sum(timed), 0) AS within_3wd
  FROM r
  GROUP BY value
),
timed AS (
  -- both quantiles from one pass (the list form), as in parts/summary-answer
  SELECT
    {{> metrics/utilization/parts/dimension-value}} AS value,
    quantile_cont(turnaround_us, [0.5, 0.9]) AS quantiles
  FROM times
  GROUP BY value
)
SELECT
  counted.value,
  counted.requests,
  counted.completed,
  timed.quantiles[1] / 3600e6 AS median_hours,
  timed.quantiles[2] / 3600e6 AS p90_hours,
  counted.within_1wd,
  counted.within_3wd
FROM counted
LEFT JOIN timed ON timed.value IS NOT DISTINCT FROM counted.value
ORDER BY counted.requests DESC, counted.value NULLS LAST
