-- The band table from risk-factor cells (parts/risk-cells): continues a WITH whose CTE `cells` holds
-- them — from the detail in withdrawal-risk-factors.sql, from the status-risk rollup in
-- withdrawal-risk-factors-from-rollup.sql. Filters select cells; counts add up per band.
picked AS (
  {{> metrics/status/parts/picked-cells}}
)
SELECT 'gpa' AS factor, gpa_band AS band_order,
       ['no GPA', '[0, 1)', '[1, 2)', '[2, 3)', '[3, 4)', '≥ 4'][gpa_band + 1] AS band,
       sum(students)::INTEGER AS students, sum(withdrawn)::INTEGER AS withdrawn
FROM picked GROUP BY ALL
UNION ALL
SELECT 'failed_credits', failed_band,
       ['0', '(0, 5]', '(5, 10]', '(10, 20]', '> 20'][failed_band],
       sum(students)::INTEGER, sum(withdrawn)::INTEGER
FROM picked GROUP BY ALL
ORDER BY factor DESC, band_order
