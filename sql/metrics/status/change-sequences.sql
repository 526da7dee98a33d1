-- The most common sequences of status changes: each student's change types in date order, then the
-- completion record (毕业 / 结业 / 肄业) if any, then — when the student is still on the register and the
-- last step does not already say so — the status now (在读, 休学 …), or a terminal status the register
-- holds without a dated record. Only students with at least one status change record are counted
-- (a student with none simply graduated, or is still studying). A death recorded as a 退学 is shown
-- as 死亡.
--   rank: by students, then sequence (then outcome); sequences past $limit are pooled into one row (sequence NULL,
--   other = true) so that the rows always add up to every student with a change.
--   outcome: the category of the status now (enrolled, on_leave, withdrawn, transferred, graduated,
--   completed, deceased) — what the sequence led to.
--   Filters on the student: cohort range, level, college and major now.
--   Computed as cells (cohort × level × college × major × sequence × outcome: parts/sequence-cells)
--   summed and ranked by parts/sequence-answer; change-sequences-from-rollup.sql does the same from the
--   rollup.
WITH cells AS (
{{> metrics/status/parts/sequence-cells}}
),
{{> metrics/status/parts/sequence-answer}};
