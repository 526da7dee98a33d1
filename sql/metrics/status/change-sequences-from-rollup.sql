-- The most common sequences of status changes from the status-sequences rollup
-- (sql/rollups/status-write.sql over parts/sequence-cells, built with the version at its as-of date):
-- the same answer as change-sequences.sql, ranked from the same cells. Every filter is a cell column:
-- no question falls back to the detail. Built once per version (status does not depend on the grades'
-- attempt rule).
WITH cells AS (
  SELECT * FROM status_sequence_cells
),
{{> metrics/status/parts/sequence-answer}};
