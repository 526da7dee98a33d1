-- Service times by one dimension of the request ($by: 'channel', 'channel_group', 'purpose',
-- 'requester_type', 'category', 'delivery' or 'year'): requests, those completed with a usable time,
-- the turnaround's median and P90 in hours, and the shares completed within 1 and 3 working days.
--   turnaround: completed_at − requested_at, over requests not refused (已拒绝) with a completion time
--   not before the request; quantiles by linear interpolation (quantile_cont) over microseconds.
--   working days: Mon–Fri, holidays ignored; the request's own day is not counted, the completion day
--   is (same day = 0; Friday → Monday = 1). README.md here says why.
--   A group without any completed request has completed = 0 and NULL times.
--   The answer: parts/turnaround-answer; turnaround-by-dimension-from-rollup.sql reads the same
--   from the request rollups.
WITH r AS (
  {{> metrics/utilization/parts/filtered-requests}}
),
times AS (
  SELECT * FROM r WHERE turnaround_us IS NOT NULL
),
{{> metrics/utilization/parts/turnaround-answer}};
