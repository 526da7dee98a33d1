-- Requests (人次) per calendar month of the request, for the seasonal profile and the forecast. Months
-- without a request are absent here; analytics/metrics/utilization/monthly-series.ts fills them with
-- zeros between the archive's first and last complete month. Every request counts, whatever its status.
SELECT
  date_trunc('month', requested_at)::DATE AS month,
  count(*)::INTEGER AS requests
FROM utilization
WHERE ($from IS NULL OR requested_at >= CAST($from AS DATE))
  AND ($to IS NULL OR requested_at < CAST($to AS DATE) + INTERVAL 1 DAY)
  AND ($category IS NULL OR nullif(trim(archive_category), '') = $category)
  AND ($channel IS NULL OR nullif(replace(channel, ' ', ''), '') = $channel)
  AND ($purpose IS NULL OR nullif(trim(purpose), '') = $purpose)
  AND ($requester_type IS NULL OR nullif(trim(requester_type), '') = $requester_type)
GROUP BY ALL
ORDER BY month;
