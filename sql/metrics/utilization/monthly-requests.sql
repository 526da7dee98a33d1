-- Requests (人次) per calendar month of the request, for the seasonal profile and the forecast. Months
-- without a request are absent here; analytics/metrics/utilization/monthly-series.ts fills them with
-- zeros between the archive's first and last complete month. Every request counts, whatever its status.
SELECT
  date_trunc('month', requested_at)::DATE AS month,
  count(*)::INTEGER AS requests
FROM ({{> metrics/utilization/parts/filtered-requests}}) AS r
GROUP BY ALL
ORDER BY month;
