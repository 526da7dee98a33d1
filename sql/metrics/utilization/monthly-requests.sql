-- Requests (人次) per calendar month of the request, for the seasonal profile and the forecast. Months
-- without a request are absent here; analytics/metrics/utilization/monthly-series.ts fills them with
-- zeros between the archive's first and last complete month. Every request counts, whatever its status.
--   The answer: parts/monthly-answer; monthly-requests-from-rollup.sql sums the same
--   from the request cells rollups.
WITH r AS (
  {{> metrics/utilization/parts/filtered-requests}}
)
{{> metrics/utilization/parts/monthly-answer}};
