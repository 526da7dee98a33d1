-- Status changes per period × group from the status-change-records and status-headcount rollups
-- (sql/rollups/status-write.sql over parts/change-records and parts/headcount-cells, built with the
-- version at its as-of date): the same answer as change-rates.sql from the same records and cells.
-- Every filter and grouping is a column of them: no question falls back to the detail. Built once per version
-- (status does not depend on the grades' attempt rule).
WITH records AS (
  SELECT * FROM status_change_records
),
headcounts AS (
  SELECT * FROM status_headcount_cells
),
{{> metrics/status/parts/change-rates-answer}};
