-- The request cells rollups: the requests of metrics/utilization/parts/filtered-requests (no filter)
-- summed per day (or month) of the request and value of every coded field, so each utilization count —
-- requests, 卷次, pages, the timed ones and those within 1 and 3 working days — is a sum over the
-- cells the filters select (metrics/utilization/parts/request-cells). Written twice: per day
-- (request-days, about 520,000 cells for 940,000 requests over ten years at 300,000 students) for the
-- edges of a date range, and per month (request-months, about 110,000) for the whole months in it.
-- day: the cell's day, or its month's first day; first_day, last_day: its first and last request's day.
-- Sorted by day, so a date range reads few row groups.
COPY (
  SELECT
    {{cell_day}} AS day,
    category, channel, purpose, requester_type, delivery, status,
    min(first_day) AS first_day,
    max(last_day) AS last_day,
    sum(requests)::INTEGER AS requests,
    sum(items)::BIGINT AS items,
    sum(pages)::BIGINT AS pages,
    sum(timed)::INTEGER AS timed,
    sum(within_1wd)::INTEGER AS within_1wd,
    sum(within_3wd)::INTEGER AS within_3wd,
    sum(without_completion)::INTEGER AS without_completion
  FROM ({{> metrics/utilization/parts/filtered-requests}}) AS request
  GROUP BY ALL
  ORDER BY day
) TO {{target}} (FORMAT parquet, COMPRESSION zstd);
