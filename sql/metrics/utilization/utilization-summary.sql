-- Utilization key figures for the filters: requests (人次), files used (卷次), pages, the student-record
-- (学籍) share, the channel shares and the turnaround (median, P90, within 1 and 3 working days).
--   Definitions (README.md here): every request counts as a visit; 卷次 and pages leave out refused
--   requests; the 学籍 share is over requests with a category, channel shares over requests with a
--   channel; turnaround over requests not refused with a completion time not before the request;
--   working days Mon–Fri (holidays ignored), the request's own day not counted; quantile_cont over the turnaround in
--   microseconds, read in hours.
--   The answer: parts/summary-answer; utilization-summary-from-rollup.sql reads the same from the rollups.
WITH r AS (
  {{> metrics/utilization/parts/filtered-requests}}
),
times AS (
  SELECT * FROM r WHERE turnaround_us IS NOT NULL
),
{{> metrics/utilization/parts/summary-answer}};
