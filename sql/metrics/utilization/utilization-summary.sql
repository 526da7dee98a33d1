-- Utilization key figures for the filters: requests (人次), files used (卷次), pages, the student-record
-- (学籍) share, the channel shares and the turnaround (median, P90, within 1 and 3 working days).
--   Definitions (README.md here): every request counts as a visit; 卷次 and pages leave out refused
--   requests; the 学籍 share is over requests with a category, channel shares over requests with a
--   channel; turnaround over requests not refused with a completion time not before the request;
--   working days Mon–Fri (holidays ignored), the request's own day not counted; quantile_cont.
WITH r AS (
  {{> metrics/utilization/parts/filtered-requests}}
),
timed AS (
  -- Working days from the request to its completion: weekdays in (request day, completion day],
  -- counted as the difference of a running weekday count from Monday 1900-01-01.
  SELECT
    epoch(completed_at - requested_at) / 3600.0 AS hours,
    (5 * ((completed_at::DATE - DATE '1900-01-01') // 7) + least((completed_at::DATE - DATE '1900-01-01') % 7 + 1, 5))
      - (5 * ((requested_at::DATE - DATE '1900-01-01') // 7) + least((requested_at::DATE - DATE '1900-01-01') % 7 + 1, 5))
      AS working_days
  FROM r
  WHERE status IS DISTINCT FROM '已拒绝' AND completed_at IS NOT NULL AND completed_at >= requested_at
),
counts AS (
  SELECT
    count(*)::INTEGER AS requests,
    coalesce(sum(items) FILTER (WHERE status IS DISTINCT FROM '已拒绝'), 0)::BIGINT AS items,
    coalesce(sum(pages) FILTER (WHERE status IS DISTINCT FROM '已拒绝'), 0)::BIGINT AS pages,
    count(*) FILTER (WHERE category = '学籍')::INTEGER AS student_record_requests,
    count(category)::INTEGER AS categorized_requests,
    count(*) FILTER (WHERE channel = '现场')::INTEGER AS onsite_requests,
    count(*) FILTER (WHERE channel IN ('PC端', '移动端', '自助终端'))::INTEGER AS online_requests,
    count(channel)::INTEGER AS channel_requests,
    min(requested_at)::DATE AS first_day,
    max(requested_at)::DATE AS last_day
  FROM r
),
service AS (
  SELECT
    count(*)::INTEGER AS completed,
    -- both quantiles from one pass (the list form): two separate calls each selected over every time
    quantile_cont(hours, [0.5, 0.9]) AS quantiles,
    avg(CASE WHEN working_days <= 1 THEN 1.0 ELSE 0.0 END) AS within_1wd,
    avg(CASE WHEN working_days <= 3 THEN 1.0 ELSE 0.0 END) AS within_3wd
  FROM timed
)
SELECT
  counts.requests,
  counts.items,
  counts.pages,
  counts.student_record_requests,
  counts.student_record_requests / nullif(counts.categorized_requests, 0) AS student_record_share,
  counts.onsite_requests / nullif(counts.channel_requests, 0) AS onsite_share,
  counts.online_requests / nullif(counts.channel_requests, 0) AS online_share,
  service.completed,
  service.quantiles[1] AS median_hours,
  service.quantiles[2] AS p90_hours,
  service.within_1wd,
  service.within_3wd,
  counts.first_day,
  counts.last_day
FROM counts, service;
