-- The student filters on a grade rollup's cells, as one condition: the cohort range ($cohort_from,
-- $cohort_to: it only selects rows) and, each only when given, $level, $college, $major and
-- $course_nature. Which grouping set or grain to read is each lookup's own choice, written beside it.
($cohort_from IS NULL OR entry_year >= $cohort_from)
AND ($cohort_to IS NULL OR entry_year <= $cohort_to)
AND ($level IS NULL OR level = $level)
AND ($college IS NULL OR college = $college)
AND ($major IS NULL OR major = $major)
AND ($course_nature IS NULL OR course_nature = $course_nature)
