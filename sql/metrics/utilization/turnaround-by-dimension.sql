-- Service times by one dimension of the request ($by: 'channel', 'channel_group', 'purpose',
-- 'requester_type', 'category', 'delivery' or 'year'): requests, those completed with a usable time,
-- the turnaround's median and P90 in hours, and the shares completed within 1 and 3 working days.
--   turnaround: completed_at − requested_at, over requests not refused (已拒绝) with a completion time
--   not before the request; quantiles by linear interpolation (quantile_cont).
--   working days: Mon–Fri, holidays ignored; the request's own day is not counted, the completion day
--   is (same day = 0; Friday → Monday = 1). README.md here says why.
--   A group without any completed request has completed = 0 and NULL times.
WITH r AS (
  {{> metrics/utilization/parts/filtered-requests}}
),
valued AS (
  SELECT
    CASE $by
      WHEN 'category' THEN category
      WHEN 'purpose' THEN purpose
      WHEN 'requester_type' THEN requester_type
      WHEN 'channel' THEN channel
      WHEN 'channel_group' THEN
        CASE WHEN channel IS NULL THEN NULL WHEN channel = '现场' THEN 'onsite'
             WHEN channel IN ('PC端', '移动端', '自助终端') THEN 'online' ELSE 'other' END
      WHEN 'delivery' THEN delivery
      WHEN 'year' THEN strftime(requested_at, '%Y')
    END AS value,
    status IS DISTINCT FROM '已拒绝' AND completed_at IS NOT NULL AND completed_at >= requested_at AS timed,
    epoch(completed_at - requested_at) / 3600.0 AS hours,
    -- weekdays in (request day, completion day]: a running weekday count from Monday 1900-01-01
    (5 * ((completed_at::DATE - DATE '1900-01-01') // 7) + least((completed_at::DATE - DATE '1900-01-01') % 7 + 1, 5))
      - (5 * ((requested_at::DATE - DATE '1900-01-01') // 7) + least((requested_at::DATE - DATE '1900-01-01') % 7 + 1, 5))
      AS working_days
  FROM r
)
SELECT value, requests, completed, quantiles[1] AS median_hours, quantiles[2] AS p90_hours, within_1wd, within_3wd
FROM (
  SELECT
    value,
    count(*)::INTEGER AS requests,
    count(*) FILTER (WHERE timed)::INTEGER AS completed,
    -- both quantiles from one pass (the list form), as in utilization-summary.sql
    quantile_cont(hours, [0.5, 0.9]) FILTER (WHERE timed) AS quantiles,
    avg(CASE WHEN working_days <= 1 THEN 1.0 ELSE 0.0 END) FILTER (WHERE timed) AS within_1wd,
    avg(CASE WHEN working_days <= 3 THEN 1.0 ELSE 0.0 END) FILTER (WHERE timed) AS within_3wd
  FROM valued
  GROUP BY value
) AS v
ORDER BY requests DESC, value NULLS LAST;
