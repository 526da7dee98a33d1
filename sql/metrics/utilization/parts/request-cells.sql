-- The request cells matching the filters (sql/rollups/request-cells.sql): the months wholly inside the
-- date range from request_months, the days at its edges (and every day of a range within one month)
-- from request_days — the requests of parts/filtered-requests summed per cell, in the same columns
-- less the turnaround. What every -from-rollup file of this folder reads in place of the log. A month
-- cell's day is the month's first day (first_day and last_day are its requests'), which every answer
-- reads through its month, quarter or year or through first_day and last_day.
--   The whole months are [whole_from, whole_to): from the first month starting on or after $from to
--   the last ending on or before $to; constants, so that each scan prunes the row groups by day.
SELECT * FROM request_months
WHERE day >= coalesce(date_trunc('month', CAST($from AS DATE) - 1) + INTERVAL 1 MONTH, DATE '0001-01-01')
  AND day < coalesce(date_trunc('month', CAST($to AS DATE) + 1), DATE '9999-12-31')
  AND {{> metrics/utilization/parts/request-filters}}
UNION ALL
SELECT * FROM request_days
WHERE (day < coalesce(date_trunc('month', CAST($from AS DATE) - 1) + INTERVAL 1 MONTH, DATE '0001-01-01')
       OR day >= coalesce(date_trunc('month', CAST($to AS DATE) + 1), DATE '9999-12-31'))
  AND {{> metrics/utilization/parts/request-filters}}
