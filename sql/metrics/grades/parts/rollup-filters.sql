-- The route's filters on a grade rollup's rows (score_histogram, score_students, course_year_scores), as
-- one condition: the attempt rule ($attempt; the rolled-up 'first' when none), the cohort range
-- ($cohort_from, $cohort_to: it only selects rows) and, each only when given, $level, $college, $major
-- and $course_nature. Which grouping set (kept) to read is each lookup's own choice, written beside it.
attempt = coalesce($attempt, 'first')
AND {{> metrics/grades/parts/rollup-cell-filters}}
