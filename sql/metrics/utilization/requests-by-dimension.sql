-- Requests (人次), files used (卷次) and pages by one dimension of the request: $by is 'category'
-- (archive category: 学籍, 文书 …), 'purpose', 'requester_type', 'channel', 'channel_group' (onsite,
-- online, other), 'delivery' or 'year'. A value not recorded is its own row (value NULL).
--   share: of all requests matching the filters (the not-recorded row included), so the shares add
--   up to 1; items_share likewise of 卷次. Refused requests count as visits but add no 卷次 or pages.
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
    status,
    items,
    pages
  FROM r
),
grouped AS (
  SELECT
    value,
    count(*)::INTEGER AS requests,
    coalesce(sum(items) FILTER (WHERE status IS DISTINCT FROM '已拒绝'), 0)::BIGINT AS items,
    coalesce(sum(pages) FILTER (WHERE status IS DISTINCT FROM '已拒绝'), 0)::BIGINT AS pages
  FROM valued
  GROUP BY value
)
SELECT
  value,
  requests,
  items,
  pages,
  requests / sum(requests) OVER () AS share,
  items / nullif(sum(items) OVER (), 0) AS items_share
FROM grouped
ORDER BY requests DESC, value NULLS LAST;
