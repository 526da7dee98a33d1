-- Student progress from the progress rollup (sql/rollups/student-progress-set): the same answer as
-- student-progress.sql — the very band definitions, applied here to the students counted per value
-- with the warning lines of the request ($warning_gpa, $warning_credits, $serious_credits: never baked
-- into the rollup). Failed credits are stored exactly; the cumulative GPA in bins of 0.01 (gpa_bin =
-- ⌊GPA × 100⌋), which decide exactly whether a GPA is below a line W / 100 (⌊GPA × 100⌋ < W) and its
-- whole grade point (⌊gpa_bin / 100⌋) — for a GPA line on the 0.01 grid only: the route reads the
-- detail for any other line (ROLLUP_ANSWERS in api/routes/grades.ts). Every filter is served: the
-- cohort range, level, college and major select cells (a student is in exactly one) of the coarsest
-- grain that keeps them (grain: 0 all students, 1 per level, 2 per level, college and major); the
-- course nature picks the set that keeps it (kept 1); the attempt rule its file.
WITH present AS (
  SELECT kind, entry_year, term_index, gpa_bin, failed, students
  FROM student_progress
  WHERE attempt = coalesce($attempt, 'first')
    AND grain = (CASE WHEN $college IS NOT NULL OR $major IS NOT NULL THEN 2 WHEN $level IS NOT NULL THEN 1 ELSE 0 END)
    AND kept = (CASE WHEN $course_nature IS NULL THEN 0 ELSE 1 END)
    AND {{> metrics/grades/parts/rollup-cell-filters}}
),
line AS (
  -- the GPA line in hundredths (on the 0.01 grid: see the head comment)
  SELECT round($warning_gpa * 100)::INTEGER AS hundredths
),
gpa_bands AS (
  SELECT
    entry_year, term_index,
    CASE WHEN gpa_bin < hundredths THEN 0 ELSE (gpa_bin // 100) - floor($warning_gpa) + 1 END AS band,
    CASE WHEN gpa_bin < hundredths THEN 0 ELSE greatest($warning_gpa, (gpa_bin // 100)::DOUBLE) END AS lower,
    CASE WHEN gpa_bin < hundredths THEN $warning_gpa ELSE (gpa_bin // 100) + 1 END AS upper,
    gpa_bin < hundredths AS warning,
    students
  FROM present, line
  WHERE kind = 'gpa'
),
failed AS (
  SELECT entry_year, term_index, failed, students FROM present WHERE kind = 'failed_credits'
),
{{> metrics/grades/parts/progress-answer}};
