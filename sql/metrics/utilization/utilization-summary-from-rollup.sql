-- Utilization key figures from the request rollups (sql/rollups/request-cells, request-times): the
-- same answer as utilization-summary.sql — its counts summed over the month and day cells the filters
-- select, the turnaround quantiles over the timed requests. Every filter is a cell column: no question
-- falls back to the detail.
WITH r AS (
  {{> metrics/utilization/parts/request-cells}}
),
times AS (
  {{> metrics/utilization/parts/request-times}}
),
{{> metrics/utilization/parts/summary-answer}};
