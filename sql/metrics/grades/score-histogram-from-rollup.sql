-- Score distribution from the score rollups: the same answer as score-histogram.sql (same bins, columns
-- and order), from pre-aggregates instead of every result. The route uses it under the rolled-up
-- attempt rule whenever the version has the rollups, except by teaching college with a course nature
-- filter (no such bin set: the detail answers, see FROM_ROLLUP in api/routes/grades.ts).
--   results: score_histogram (rollups/score-histogram-set), results per entry cohort × exact score,
--   binned as the detail bins a score, from the smallest grouping set that keeps the group and every
--   filter (parts/grouped-score-histogram, as the box plot). The cohort range only selects rows.
--   students: score_students (rollups/score-students-set), distinct students per entry cohort (× level
--   × college × major) × bin of width $bin, added up over the student groups — kept 92 (+ nature 2),
--   by teaching college 65 (93 with a level, college or major filter).
--   share: the bin's results over the group's, the detail's integer division, so bit-identical.
WITH results AS (
  SELECT grp, least(floor(score / $bin) * $bin, 100 - $bin) AS bin_lower, sum(results) AS results
  FROM ({{> metrics/grades/parts/grouped-score-histogram}}) AS h
  GROUP BY ALL
),
students AS (
  SELECT grp, bin_lower, sum(students)::INTEGER AS students
  FROM (
    SELECT {{> metrics/grades/parts/rollup-group}} AS grp, bin_lower, students
    FROM score_students
    WHERE kept = 64
        + (CASE WHEN $by <> 'teaching_dept' OR $level IS NOT NULL OR $college IS NOT NULL OR $major IS NOT NULL THEN 28 ELSE 0 END)
        + (CASE WHEN $course_nature IS NOT NULL THEN 2 ELSE 0 END)
        + (CASE WHEN $by = 'teaching_dept' THEN 1 ELSE 0 END)
      AND bin_width = $bin
      AND ({{> metrics/grades/parts/rollup-filters}})
  ) AS s
  WHERE grp IS NOT NULL
  GROUP BY ALL
)
SELECT
  grp,
  bin_lower::DOUBLE AS bin_lower,
  (bin_lower + $bin)::DOUBLE AS bin_upper,
  results::INTEGER AS results,
  students,
  results / sum(results) OVER (PARTITION BY grp) AS share
FROM results
JOIN students USING (grp, bin_lower)
ORDER BY grp, bin_lower;
