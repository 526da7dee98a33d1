-- Requests (人次) and files used (卷次) in a cross-tabulation of two dimensions of the request, e.g.
-- purpose × requester type. $rows and $cols each name one of 'category', 'purpose',
-- 'requester_type', 'channel', 'channel_group' (onsite, online, other), 'delivery', 'year'; a value not
-- recorded is its own row or column (NULL). Only combinations that occur are listed.
--   row_share: the cell's share of its row's requests (e.g. of the 出国留学 requests, how many came from
--   校友). Refused requests count as visits but add no 卷次.
--   The answer: parts/crosstab-answer; requests-crosstab-from-rollup.sql sums the same
--   from the request cells rollups.
WITH r AS (
  {{> metrics/utilization/parts/filtered-requests}}
),
{{> metrics/utilization/parts/crosstab-answer}};
