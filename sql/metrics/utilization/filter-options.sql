-- The values the utilization filters offer: every archive category, channel, purpose and requester
-- type recorded (blank values left out). Values only, no counts: counts are answered, and suppressed
-- for the roles that need it, by the metric routes.
SELECT DISTINCT 'category' AS dimension, nullif(trim(archive_category), '') AS value FROM utilization WHERE value IS NOT NULL
UNION ALL
SELECT DISTINCT 'channel', nullif(replace(channel, ' ', ''), '') AS value FROM utilization WHERE value IS NOT NULL
UNION ALL
SELECT DISTINCT 'purpose', nullif(trim(purpose), '') AS value FROM utilization WHERE value IS NOT NULL
UNION ALL
SELECT DISTINCT 'requester_type', nullif(trim(requester_type), '') AS value FROM utilization WHERE value IS NOT NULL
ORDER BY dimension, value;
