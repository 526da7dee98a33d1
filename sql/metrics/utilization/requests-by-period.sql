-- Requests (人次), files used (卷次) and pages per month, quarter or year of the request, with the
-- student-record (学籍) share and the on-site and online shares of each period (the trend of both).
--   $period: 'month' (label 2024-03), 'quarter' (2024-Q1) or 'year' (2024); periods without a
--   request are absent. Definitions as in README.md here: refused requests count as visits but add no
--   卷次 or pages; the 学籍 share is over requests with a category, channel shares over requests with
--   a channel (online = PC端, 移动端, 自助终端).
-- Grouped by the period's first day, then labelled once per period: formatting a label per request
-- (strftime over ~940,000 requests at 300,000 students) took half the query's time.
WITH r AS (
  {{> metrics/utilization/parts/filtered-requests}}
),
periods AS (
  SELECT
    CASE $period
      WHEN 'year' THEN date_trunc('year', requested_at)
      WHEN 'quarter' THEN date_trunc('quarter', requested_at)
      ELSE date_trunc('month', requested_at)
    END::DATE AS period_start,
    count(*)::INTEGER AS requests,
    coalesce(sum(items) FILTER (WHERE status IS DISTINCT FROM '已拒绝'), 0)::BIGINT AS items,
    coalesce(sum(pages) FILTER (WHERE status IS DISTINCT FROM '已拒绝'), 0)::BIGINT AS pages,
    count(*) FILTER (WHERE category = '学籍') / nullif(count(category), 0) AS student_record_share,
    count(*) FILTER (WHERE channel = '现场') / nullif(count(channel), 0) AS onsite_share,
    count(*) FILTER (WHERE channel IN ('PC端', '移动端', '自助终端')) / nullif(count(channel), 0) AS online_share
  FROM r
  GROUP BY ALL
)
SELECT
  CASE $period
    WHEN 'year' THEN strftime(period_start, '%Y')
    WHEN 'quarter' THEN strftime(period_start, '%Y') || '-Q' || quarter(period_start)
    ELSE strftime(period_start, '%Y-%m')
  END AS period,
  *
FROM periods
ORDER BY period_start;
