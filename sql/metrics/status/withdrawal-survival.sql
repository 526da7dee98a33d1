-- Time to withdrawal (退学, including 肄业), the input of the Kaplan–Meier estimate
-- (analytics/metrics/status/kaplan-meier.ts): per group and term since entry, the withdrawals
-- (events) and the students whose follow-up ends there without one (censored).
--   time: the term index (1 = the first autumn term) of the withdrawal; for a student who graduated,
--   completed, transferred out or died, the term of that outcome (censored there: these are competing
--   outcomes, so 1 − KM is the withdrawal risk had they stayed, not the share who withdrew); for a
--   student still on the register (on leave included: they can still withdraw), the term of the as-of
--   date. The clock runs through 休学 and 保留学籍.
--   Undated outcomes (a terminal status in the register without a dated record) cannot be placed in
--   time: they are returned with time NULL and counted apart (undated).
--   group ($by): cohort (entry year), college or major now, level, or none (NULL).
--   Filters on the student: cohort range, level, college and major now.
--   Computed as cells (cohort × level × college × major × time: parts/survival-cells) summed by
--   parts/survival-answer; withdrawal-survival-from-rollup.sql sums the same cells from the rollup.
WITH cells AS (
{{> metrics/status/parts/survival-cells}}
),
{{> metrics/status/parts/survival-answer}};
