-- Survival cells (included by withdrawal-survival.sql; written as the status-survival rollup): per entry
-- cohort × level × college × major now × time, the withdrawals, censorings and undated outcomes of
-- withdrawal-survival.sql (definitions there). Counts add up over any selection of cells.
SELECT
  entry_year, level, college, major,
  CASE WHEN undated THEN NULL
       WHEN outcome_date IS NOT NULL THEN status_term_index(outcome_date, entry_year)
       ELSE as_of_term END AS time,
  count(*) FILTER (WHERE NOT undated AND final_category = 'withdrawn')::INTEGER AS events,
  count(*) FILTER (WHERE NOT undated AND final_category <> 'withdrawn')::INTEGER AS censored,
  count(*) FILTER (WHERE undated)::INTEGER AS undated
FROM status_students($as_of::DATE)
WHERE make_date(CAST(entry_year AS BIGINT), 9, 1) <= $as_of::DATE
GROUP BY ALL
