-- Withdrawal by first-year results: students per band of first-year GPA and of failed first-year
-- credits, and how many of them withdrew later (relative risks: analytics/metrics/status/risk.ts).
--   Population: students on the register (在读 or on leave) at the end of their first year with at
--   least one first-year result — the first year observed, its results known, the outcome still open;
--   excluded students (deceased, military service) left out.
--   First-year results: first attempts (exam_type 正常, DOMAIN.md) of academic year = entry year,
--   terms 1 and 2. GPA = credit-weighted mean grade point of those with a grade point; failed credits
--   = credits of first attempts scoring below 60 (缺考 counts as 0).
--   Withdrew: 退学 or 肄业 by the as-of date (follow-up differs by cohort; compare bands within the
--   same cohorts).
--   Bands (the archive's own grade-point scale; on the common 5-point scale 60 → 1.0, 100 → 5.0):
--   GPA [0, 1) [1, 2) [2, 3) [3, 4) ≥ 4, or "no GPA" when no result carries a grade point; failed
--   credits 0, (0, 5], (5, 10], (10, 20], > 20.
--   Filters on the student: cohort range, level, college and major now.
--   Computed as cells (cohort × level × college × major × the two bands: parts/risk-cells) summed by
--   parts/risk-answer; withdrawal-risk-factors-from-rollup.sql sums the same cells from the rollup.
WITH cells AS (
{{> metrics/status/parts/risk-cells}}
),
{{> metrics/status/parts/risk-answer}};
