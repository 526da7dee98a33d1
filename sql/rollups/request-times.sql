-- The request-times rollup: each timed request of metrics/utilization/parts/filtered-requests (no
-- filter) with its day, coded fields and turnaround in microseconds — the turnaround quantiles are exact
-- over every request, so no histogram is smaller than this list. Narrower than the log (no text but the
-- coded fields, already cleaned), sorted by day so a date range reads few row groups.
COPY (
  SELECT day, category, channel, purpose, requester_type, delivery, turnaround_us
  FROM ({{> metrics/utilization/parts/filtered-requests}}) AS request
  WHERE turnaround_us IS NOT NULL
  ORDER BY day
) TO {{target}} (FORMAT parquet, COMPRESSION zstd);
