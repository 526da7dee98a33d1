-- Requests (人次), files used (卷次) and pages per month, quarter or year of the request, with the
-- student-record (学籍) share and the on-site and online shares of each period (the trend of both).
--   $period: 'month' (label 2024-03), 'quarter' (2024-Q1) or 'year' (2024); periods without a
--   request are absent. Definitions as in README.md here: refused requests count as visits but add no
--   卷次 or pages; the 学籍 share is over requests with a category, channel shares over requests with
--   a channel (online = PC端, 移动端, 自助终端).
WITH r AS (
  SELECT
    requested_at,
    nullif(trim(status), '') AS status,
    nullif(trim(archive_category), '') AS category,
    nullif(replace(channel, ' ', ''), '') AS channel,
    items,
    pages
  FROM utilization
  WHERE ($from IS NULL OR requested_at >= CAST($from AS DATE))
    AND ($to IS NULL OR requested_at < CAST($to AS DATE) + INTERVAL 1 DAY)
    AND ($category IS NULL OR nullif(trim(archive_category), '') = $category)
    AND ($channel IS NULL OR nullif(replace(channel, ' ', ''), '') = $channel)
    AND ($purpose IS NULL OR nullif(trim(purpose), '') = $purpose)
    AND ($requester_type IS NULL OR nullif(trim(requester_type), '') = $requester_type)
)
SELECT
  CASE $period
    WHEN 'year' THEN strftime(requested_at, '%Y')
    WHEN 'quarter' THEN strftime(requested_at, '%Y') || '-Q' || quarter(requested_at)
    ELSE strftime(requested_at, '%Y-%m')
  END AS period,
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
ORDER BY period_start;
