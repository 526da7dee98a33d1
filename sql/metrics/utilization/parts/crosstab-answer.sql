-- Requests and 卷次 in the cross-tabulation $rows × $cols of the filtered requests `r` (one row per
-- request or per day cell: counts are summed): requests-crosstab.sql and its rollup twin.
labelled AS (
  SELECT
    *,
    CASE WHEN channel IS NULL THEN NULL WHEN channel = '现场' THEN 'onsite'
         WHEN channel IN ('PC端', '移动端', '自助终端') THEN 'online' ELSE 'other' END AS channel_group,
    strftime(day, '%Y') AS year
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
    sum(requests)::INTEGER AS requests,
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
         requests DESC, col_value NULLS LAST
