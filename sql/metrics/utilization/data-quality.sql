-- Data-quality findings in the request log, for the archive to fix at the source: for each issue,
-- the requests affected and the base they are counted in (share = affected / base).
--   purpose_missing: no purpose written (NULL or blank); purpose_search: written as 查找; purpose_other:
--   written as 其他; purpose_vague: any of the three (DOMAIN.md: vague purposes are themselves a finding).
--   category_missing: no archive category. requester_missing, channel_missing, status_missing: likewise.
--   completion_missing: marked 已完成 but without a completion time (its turnaround cannot be measured);
--   base: the requests marked 已完成.
--   (A completion time before the request is refused at ingest by rule utilization.completed, so it
--   never reaches this table.)
--   The answer: parts/quality-answer; data-quality-from-rollup.sql sums the same
--   from the request cells rollups.
WITH r AS (
  {{> metrics/utilization/parts/filtered-requests}}
),
{{> metrics/utilization/parts/quality-answer}};
