-- The data-quality counts of the filtered requests `r` (one row per request or per day cell: counts are
-- summed): data-quality.sql and its rollup twin.
counted AS (
  SELECT
    coalesce(sum(requests), 0)::INTEGER AS requests,
    coalesce(sum(requests) FILTER (WHERE purpose IS NULL), 0)::INTEGER AS purpose_missing,
    coalesce(sum(requests) FILTER (WHERE purpose = '查找'), 0)::INTEGER AS purpose_search,
    coalesce(sum(requests) FILTER (WHERE purpose = '其他'), 0)::INTEGER AS purpose_other,
    coalesce(sum(requests) FILTER (WHERE purpose IS NULL OR purpose IN ('查找', '其他')), 0)::INTEGER AS purpose_vague,
    coalesce(sum(requests) FILTER (WHERE category IS NULL), 0)::INTEGER AS category_missing,
    coalesce(sum(requests) FILTER (WHERE requester_type IS NULL), 0)::INTEGER AS requester_missing,
    coalesce(sum(requests) FILTER (WHERE channel IS NULL), 0)::INTEGER AS channel_missing,
    coalesce(sum(requests) FILTER (WHERE status IS NULL), 0)::INTEGER AS status_missing,
    coalesce(sum(requests) FILTER (WHERE status = '已完成'), 0)::INTEGER AS marked_completed,
    coalesce(sum(without_completion) FILTER (WHERE status = '已完成'), 0)::INTEGER AS completion_missing
  FROM r
)
SELECT issue, affected, base, affected / nullif(base, 0) AS share
FROM (
  SELECT 1 AS position, 'purpose_vague' AS issue, purpose_vague AS affected, requests AS base FROM counted
  UNION ALL SELECT 2, 'purpose_missing', purpose_missing, requests FROM counted
  UNION ALL SELECT 3, 'purpose_search', purpose_search, requests FROM counted
  UNION ALL SELECT 4, 'purpose_other', purpose_other, requests FROM counted
  UNION ALL SELECT 5, 'category_missing', category_missing, requests FROM counted
  UNION ALL SELECT 6, 'completion_missing', completion_missing, marked_completed FROM counted
  UNION ALL SELECT 7, 'requester_missing', requester_missing, requests FROM counted
  UNION ALL SELECT 8, 'channel_missing', channel_missing, requests FROM counted
  UNION ALL SELECT 9, 'status_missing', status_missing, requests FROM counted
)
ORDER BY position
