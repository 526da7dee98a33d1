-- The days of the archive's first and last request from the request-months rollup (sql/rollups/
-- request-cells): the same answer as request-extent.sql.
SELECT min(first_day) AS first_day, max(last_day) AS last_day FROM request_months;
