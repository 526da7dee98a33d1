-- The life tables from survival cells (parts/survival-cells): continues a WITH whose CTE `cells` holds
-- them — from the detail in withdrawal-survival.sql, from the status-survival rollup in
-- withdrawal-survival-from-rollup.sql. Filters select cells; the counts add up per group and time.
picked AS (
  {{> metrics/status/parts/picked-cells}}
)
SELECT
  CASE $by WHEN 'cohort' THEN CAST(entry_year AS VARCHAR) WHEN 'college' THEN college
           WHEN 'major' THEN major WHEN 'level' THEN level END AS group_name,
  time,
  sum(events)::INTEGER AS events,
  sum(censored)::INTEGER AS censored,
  sum(undated)::INTEGER AS undated
FROM picked
GROUP BY ALL
ORDER BY group_name, time NULLS LAST
