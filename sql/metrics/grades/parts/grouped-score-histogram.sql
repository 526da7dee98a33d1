-- The score histogram rows (rollups/score-histogram-set: results per entry cohort × exact score) that
-- answer a question grouped by $by under the route's filters (parts/rollup-filters: $attempt,
-- $cohort_from, $cohort_to, $level, $college, $major, $course_nature), each with its group (grp,
-- parts/rollup-group; rows of no group left out): grp, score, results. Read from the smallest grouping
-- set (kept) that keeps the group and every filtered dimension: level or major 28 (31 with nature or
-- teaching college), else college 8 + nature 2 + teaching college 1 (college with teaching college:
-- 31). Shared by the box plot and the histogram, which choose alike.
SELECT grp, score, results
FROM (
  SELECT
    {{> metrics/grades/parts/rollup-group}} AS grp,
    score,
    results
  FROM score_histogram
  WHERE kept = CASE
      WHEN ($level IS NOT NULL OR $major IS NOT NULL OR $by = 'major') AND ($course_nature IS NULL AND $by <> 'teaching_dept') THEN 28
      WHEN $level IS NOT NULL OR $major IS NOT NULL OR $by = 'major' THEN 31
      WHEN $college IS NOT NULL AND $by = 'teaching_dept' THEN 31
      ELSE (CASE WHEN $college IS NOT NULL OR $by = 'college' THEN 8 ELSE 0 END)
        + (CASE WHEN $course_nature IS NOT NULL THEN 2 ELSE 0 END)
        + (CASE WHEN $by = 'teaching_dept' THEN 1 ELSE 0 END)
    END
    AND ({{> metrics/grades/parts/rollup-filters}})
) AS h
WHERE grp IS NOT NULL
