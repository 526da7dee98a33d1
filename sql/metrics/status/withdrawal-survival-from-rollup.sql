-- Time to withdrawal from the status-survival rollup (sql/rollups/status-write.sql over
-- parts/survival-cells, built with the version at its as-of date): the same life tables as
-- withdrawal-survival.sql, summed from the same cells. Every filter and grouping is a cell column: no
-- question falls back to the detail. Built once per version (status does not depend on the grades'
-- attempt rule).
WITH cells AS (
  SELECT * FROM status_survival_cells
),
{{> metrics/status/parts/survival-answer}};
