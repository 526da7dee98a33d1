-- Outcomes per entry cohort from the status-outcomes rollup (sql/rollups/status-write.sql over
-- parts/outcome-cells, built with the version at its as-of date): the same answer as
-- cohort-outcomes.sql, summed from the same cells. Every filter and grouping is a cell column: no
-- question falls back to the detail. Built once per version (status does not depend on the grades'
-- attempt rule).
WITH cells AS (
  SELECT * FROM status_outcome_cells
),
{{> metrics/status/parts/outcome-answer}};
