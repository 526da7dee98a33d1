-- The route's filters on a grade rollup's rows (score_histogram, score_students, course_year_scores), as
-- one condition: the attempt rule ($attempt; the rolled-up 'first' when none), the cohort range
-- ($cohort_from, $cohort_to: it only selects rows) and, each only when given, $level, $college, $major
-- and $course_nature. Which grouping set (kept) to read is each lookup's own choice, written beside it.
attempt = coalesce($attempt, 'first')
AND ($cohort_from IS NULL OR entry_year >= $cohort_from)
AND ($cohort_to IS NULL OR entry_year <= $cohort_to)
AND ($level IS NULL OR level = $level)
AND ($college IS NULL OR college = $college)
AND ($major IS NULL OR major = $major)
AND ($course_nature IS NULL OR course_nature = $course_nature)
