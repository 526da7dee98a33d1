-- The Sankey links from flow cells (parts/flow-cells): continues a WITH whose CTE `cells` holds them —
-- from the detail in status-flows.sql, from the status-flows rollup in status-flows-from-rollup.sql.
-- Filters select cells; students add up per link.
picked AS (
  {{> metrics/status/parts/picked-cells}}
)
SELECT source_stage, source_category, target_stage, target_category, sum(students)::INTEGER AS students
FROM picked
GROUP BY ALL
ORDER BY source_stage, source_category, target_stage, target_category
