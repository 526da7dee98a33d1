-- The values the utilization filters offer, from the request-months rollup (sql/rollups/
-- request-cells): the same answer as filter-options.sql — its cells carry every cleaned value
-- recorded.
SELECT DISTINCT 'category' AS dimension, category AS value FROM request_months WHERE value IS NOT NULL
UNION ALL
SELECT DISTINCT 'channel', channel FROM request_months WHERE channel IS NOT NULL
UNION ALL
SELECT DISTINCT 'purpose', purpose FROM request_months WHERE purpose IS NOT NULL
UNION ALL
SELECT DISTINCT 'requester_type', requester_type FROM request_months WHERE requester_type IS NOT NULL
ORDER BY dimension, value;
