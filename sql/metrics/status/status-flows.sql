-- Flows from entry to outcome, for a Sankey: the links between each student's consecutive stages,
-- counted. Stages: 0 = entry (入学, category 'entry'); y = the end of study year y (31 August of the
-- cohort's y-th academic year), y = 1 … 学制, while the as-of date has reached it; 99 = now (现状).
--   category at a stage: the status category (enrolled, on_leave, withdrawn, transferred, graduated,
--   completed, deceased) at the end of that year; a student whose outcome (withdrawal, transfer,
--   completion) fell in or before that year has that outcome's category.
--   A student's path stops at the first terminal stage (a withdrawal in year 1 is a link from entry to
--   "year 1: withdrawn" and nothing after). A student still on the register at the last stage reached
--   takes one more link to "now" with the status now — for a recent cohort that is "still enrolled".
--   Undated outcomes (a terminal status in the register with no dated record) are not placed in time:
--   such a student flows as enrolled until the last stage reached and then to "now" with the outcome.
--   Filters on the student: cohort range, level, college and major now.
--   Computed as cells (cohort × level × college × major × link: parts/flow-cells) summed by
--   parts/flow-answer; status-flows-from-rollup.sql sums the same cells from the rollup.
WITH cells AS (
{{> metrics/status/parts/flow-cells}}
),
{{> metrics/status/parts/flow-answer}};
