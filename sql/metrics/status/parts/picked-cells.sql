-- The cells a status question selects: the rows of the including query's CTE `cells` (one metric's
-- cells, parts/<x>-cells from the detail or its rollup) within the cohort range ($cohort_from,
-- $cohort_to) and, each only when given, of $level, $college and $major (the student's current ones,
-- which every cell carries). Counts then add up over the rows picked.
SELECT * FROM cells
WHERE ($cohort_from IS NULL OR entry_year >= $cohort_from)
  AND ($cohort_to IS NULL OR entry_year <= $cohort_to)
  AND ($level IS NULL OR level = $level)
  AND ($college IS NULL OR college = $college)
  AND ($major IS NULL OR major = $major)
