-- The request log's data-quality findings from the request cells rollups (sql/rollups/request-cells):
-- the same answer as data-quality.sql, its counts summed over the month and day cells the filters
-- select. Every filter is a cell column: no question falls back to the detail.
WITH r AS (
  {{> metrics/utilization/parts/request-cells}}
),
{{> metrics/utilization/parts/quality-answer}};
