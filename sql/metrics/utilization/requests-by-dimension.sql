-- Requests (人次), files used (卷次) and pages by one dimension of the request: $by is 'category'
-- (archive category: 学籍, 文书 …), 'purpose', 'requester_type', 'channel', 'channel_group' (onsite,
-- online, other), 'delivery' or 'year'. A value not recorded is its own row (value NULL).
--   share: of all requests matching the filters (the not-recorded row included), so the shares add
--   up to 1; items_share likewise of 卷次. Refused requests count as visits but add no 卷次 or pages.
--   The answer: parts/dimension-answer; requests-by-dimension-from-rollup.sql sums the same
--   from the request cells rollups.
WITH r AS (
  {{> metrics/utilization/parts/filtered-requests}}
),
{{> metrics/utilization/parts/dimension-answer}};
