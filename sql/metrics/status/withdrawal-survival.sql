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
SELECT
  CASE $by WHEN 'cohort' THEN CAST(entry_year AS VARCHAR) WHEN 'college' THEN college
           WHEN 'major' THEN major WHEN 'level' THEN level END AS group_name,
  CASE WHEN undated THEN NULL
       WHEN outcome_date IS NOT NULL THEN status_term_index(outcome_date, entry_year)
       ELSE as_of_term END AS time,
  count(*) FILTER (WHERE NOT undated AND final_category = 'withdrawn')::INTEGER AS events,
  count(*) FILTER (WHERE NOT undated AND final_category <> 'withdrawn')::INTEGER AS censored,
  count(*) FILTER (WHERE undated)::INTEGER AS undated
FROM status_students($as_of::DATE)
WHERE make_date(CAST(entry_year AS BIGINT), 9, 1) <= $as_of::DATE
  AND ($cohort_from IS NULL OR entry_year >= $cohort_from)
  AND ($cohort_to IS NULL OR entry_year <= $cohort_to)
  AND ($level IS NULL OR level = $level)
  AND ($college IS NULL OR college = $college)
  AND ($major IS NULL OR major = $major)
GROUP BY ALL
ORDER BY group_name, time NULLS LAST;
