-- The student filters on a grade rollup's cells, as one condition: the cohort range ($cohort_from,
-- $cohort_to: it only selects rows) and, each only when given, $level, $college, $major and
-- $course_nature. Which grouping set or grain to read is each lookup's own choice, written beside it.
{{> metrics/grades/parts/student-cell-filters}}
AND ($course_nature IS NULL OR course_nature = $course_nature)
