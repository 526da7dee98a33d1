-- Requests (人次), files used (卷次) and pages per month, quarter or year of the request, with the
-- student-record (学籍) share and the on-site and online shares of each period (the trend of both).
--   $period: 'month' (label 2024-03), 'quarter' (2024-Q1) or 'year' (2024); periods without a
--   request are absent. Definitions as in README.md here: refused requests count as visits but add no
--   卷次 or pages; the 学籍 share is over requests with a category, channel shares over requests with
--   a channel (online = PC端, 移动端, 自助终端).
--   The answer: parts/period-answer; requests-by-period-from-rollup.sql sums the same
--   from the request cells rollups.
WITH r AS (
  {{> metrics/utilization/parts/filtered-requests}}
),
{{> metrics/utilization/parts/period-answer}};
