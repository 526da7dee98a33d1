-- Requests (人次) and files used (卷次) in a cross-tabulation of two dimensions of the request, e.g.
-- purpose × requester type. $rows and $cols each name one of 'category', 'purpose',
-- 'requester_type', 'channel', 'channel_group' (onsite, online, other), 'delivery', 'year'; a value not
-- recorded is its own row or column (NULL). Only combinations that occur are listed.
--   row_share: the cell's share of its row's requests (e.g. of the 出国留学 requests, how many came from
--   校友). Refused requests count as visits but add no 卷次.
WITH r AS (
  {{> metrics/utilization/parts/filtered-requests}}
),
labelled AS (
  SELECT
    *,
    CASE WHEN channel IS NULL THEN NULL WHEN channel = '现场' THEN 'onsite'
         WHEN channel IN ('PC端', '移动端', '自助终端') THEN 'online' ELSE 'other' END AS channel_group,
    strftime(requested_at, '%Y') AS year
  FROM r
),
cells AS (
  SELECT
    CASE $rows
      WHEN 'category' THEN category WHEN 'purpose' THEN purpose WHEN 'requester_type' THEN requester_type
      WHEN 'channel' THEN channel WHEN 'channel_group' THEN channel_group WHEN 'delivery' THEN delivery
      WHEN 'year' THEN year
    END AS row_value,
    CASE $cols
      WHEN 'category' THEN category WHEN 'purpose' THEN purpose WHEN 'requester_type' THEN requester_type
      WHEN 'channel' THEN channel WHEN 'channel_group' THEN channel_group WHEN 'delivery' THEN delivery
      WHEN 'year' THEN year
    END AS col_value,
    count(*)::INTEGER AS requests,
    coalesce(sum(items) FILTER (WHERE status IS DISTINCT FROM '已拒绝'), 0)::BIGINT AS items
  FROM labelled
  GROUP BY ALL
)
SELECT
  row_value,
  col_value,
  requests,
  items,
  requests / sum(requests) OVER (PARTITION BY row_value) AS row_share
FROM cells
ORDER BY sum(requests) OVER (PARTITION BY row_value) DESC, row_value NULLS LAST,
         requests DESC, col_value NULLS LAST;
