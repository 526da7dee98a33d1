-- Requests, 卷次 and pages by one dimension ($by) of the filtered requests `r` (one row per request or
-- per day cell: counts are summed), with their shares: requests-by-dimension.sql and its rollup twin.
valued AS (
  SELECT
    {{> metrics/utilization/parts/dimension-value}} AS value,
    status,
    requests,
    items,
    pages
  FROM r
),
grouped AS (
  SELECT
    value,
    sum(requests)::INTEGER AS requests,
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
ORDER BY requests DESC, value NULLS LAST
