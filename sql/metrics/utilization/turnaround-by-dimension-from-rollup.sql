-- Service times by one dimension from the request rollups (sql/rollups/request-cells, request-times):
-- the same answer as turnaround-by-dimension.sql — its counts summed over the month and day cells the
-- filters select, the quantiles over the timed requests. Every filter is a cell column: no question
-- falls back to the detail.
WITH r AS (
  {{> metrics/utilization/parts/request-cells}}
),
times AS (
  {{> metrics/utilization/parts/request-times}}
),
{{> metrics/utilization/parts/turnaround-answer}};
