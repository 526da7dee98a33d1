-- Status changes (学籍异动) per period × group: the change records, the students behind them, and the
-- rate per 1,000 enrolled.
--   period ($period): 'year' = academic year of the effective date (1 Sep – 31 Aug); 'term' = academic
--     year and term (term 1: Sep – Jan, term 2: Feb – Aug); 'month' = calendar month, pooled over all
--     years (seasonality; no denominator); 'all' = the whole span.
--   group ($by): change_type; reason ('(未填)' when blank); college / major where the student was when
--     the change took effect (from_college / from_major, else the student's current one); level; or
--     'none' (one group, NULL).
--   enrolled, the denominator: students on the register (在读, 休学 or 保留学籍) at the start of the
--     period (the start of its term 1 for a year), of the same college / major / level when the group
--     is one of those, else of everyone matching the filters. For 'all' it is the sum over academic
--     years: student-years. A student counts once per period however many changes they had.
--   rate_per_1000 = changes / enrolled × 1000 (changes, not students: two suspensions are two events).
--   Filters: cohort range and level on the student; college and major on where the change happened
--   (and on the denominator's college / major at the period's start); change_type on the records.
--   Computed from the placed records (parts/change-records) and headcount cells (cohort × level ×
--   college × major × term: parts/headcount-cells) by parts/change-rates-answer;
--   change-rates-from-rollup.sql reads the same two from their rollups.
WITH records AS (
{{> metrics/status/parts/change-records}}
),
headcounts AS (
{{> metrics/status/parts/headcount-cells}}
),
{{> metrics/status/parts/change-rates-answer}};
