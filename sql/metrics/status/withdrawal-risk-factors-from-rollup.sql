-- Withdrawal by first-year results from the status-risk rollup (sql/rollups/status-write.sql over
-- parts/risk-cells, built with the version at its as-of date): the same band counts as
-- withdrawal-risk-factors.sql, summed from the same cells. Every filter is a cell column: no question
-- falls back to the detail. First-year results are first sittings (exam_type 正常), not the grades'
-- attempt rule: built once per version.
WITH cells AS (
  SELECT * FROM status_risk_cells
),
{{> metrics/status/parts/risk-answer}};
