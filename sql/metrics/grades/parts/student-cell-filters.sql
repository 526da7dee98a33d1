-- The student filters on a grade rollup's cells, as one condition: the cohort range ($cohort_from,
-- $cohort_to: it only selects rows) and, each only when given, $level, $college and $major — a
-- student's own, so a cell is wholly in or out. Included by parts/rollup-cell-filters (which adds the
-- course nature) and by the rollups without a course nature (student_terms, student_cells).
($cohort_from IS NULL OR entry_year >= $cohort_from)
AND ($cohort_to IS NULL OR entry_year <= $cohort_to)
AND ($level IS NULL OR level = $level)
AND ($college IS NULL OR college = $college)
AND ($major IS NULL OR major = $major)
