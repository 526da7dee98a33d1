-- Data-quality findings in the request log, for the archive to fix at the source: for each issue,
-- the requests affected and the base they are counted in (share = affected / base).
--   purpose_missing: no purpose written (NULL or blank); purpose_search: written as 查找; purpose_other:
--   written as 其他; purpose_vague: any of the three (DOMAIN.md: vague purposes are themselves a finding).
--   category_missing: no archive category. requester_missing, channel_missing, status_missing: likewise.
--   completion_missing: marked 已完成 but without a completion time (its turnaround cannot be measured);
--   base: the requests marked 已完成.
--   (A completion time before the request is refused at ingest by rule utilization.completed, so it
--   never reaches this table.)
WITH r AS (
  {{> metrics/utilization/parts/filtered-requests}}
),
counted AS (
  SELECT
    count(*)::INTEGER AS requests,
    count(*) FILTER (WHERE purpose IS NULL)::INTEGER AS purpose_missing,
    count(*) FILTER (WHERE purpose = '查找')::INTEGER AS purpose_search,
    count(*) FILTER (WHERE purpose = '其他')::INTEGER AS purpose_other,
    count(*) FILTER (WHERE purpose IS NULL OR purpose IN ('查找', '其他'))::INTEGER AS purpose_vague,
    count(*) FILTER (WHERE category IS NULL)::INTEGER AS category_missing,
    count(*) FILTER (WHERE requester_type IS NULL)::INTEGER AS requester_missing,
    count(*) FILTER (WHERE channel IS NULL)::INTEGER AS channel_missing,
    count(*) FILTER (WHERE status IS NULL)::INTEGER AS status_missing,
    count(*) FILTER (WHERE status = '已完成')::INTEGER AS marked_completed,
    count(*) FILTER (WHERE status = '已完成' AND completed_at IS NULL)::INTEGER AS completion_missing
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
ORDER BY position;
