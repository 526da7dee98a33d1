-- The timed requests matching the filters from the request-times rollup: one row per request with its
-- turnaround (sql/rollups/request-times.sql), for the exact quantiles the cells cannot give.
SELECT * FROM request_times WHERE {{> metrics/utilization/parts/request-filters}}
