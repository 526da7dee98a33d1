-- Flows from entry to outcome from the status-flows rollup (sql/rollups/status-write.sql over
-- parts/flow-cells, built with the version at its as-of date): the same links as status-flows.sql,
-- summed from the same cells. Every filter is a cell column: no question falls back to the detail.
-- Built once per version (status does not depend on the grades' attempt rule).
WITH cells AS (
  SELECT * FROM status_flow_cells
),
{{> metrics/status/parts/flow-answer}};
