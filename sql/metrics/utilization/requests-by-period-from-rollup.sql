-- Requests per period from the request cells rollups (sql/rollups/request-cells): the same answer as
-- requests-by-period.sql, its counts summed over the month and day cells the filters select. Every
-- filter is a cell column: no question falls back to the detail.
WITH r AS (
  {{> metrics/utilization/parts/request-cells}}
),
{{> metrics/utilization/parts/period-answer}};
