-- GPA distribution from the GPA bands rollup (sql/rollups/gpa-bands-set): the same answer as
-- gpa-bands.sql — each student's GPA over the counted results in 0.5-wide bands, per group ($by:
-- cohort, college or major, a student's own) — summed over the rollup's cells. Every filter is served:
-- the cohort range, level, college and major select cells (a student is in exactly one); the course
-- nature picks the set that keeps it (kept 1); the attempt rule its file.
WITH cells AS (
  SELECT
    CASE $by
      WHEN 'cohort' THEN entry_year::VARCHAR
      WHEN 'college' THEN college
      WHEN 'major' THEN major
    END AS grp,
    band_lower,
    students
  FROM gpa_bands
  WHERE attempt = coalesce($attempt, 'first')
    AND kept = (CASE WHEN $course_nature IS NULL THEN 0 ELSE 1 END)
    AND {{> metrics/grades/parts/rollup-cell-filters}}
)
SELECT
  grp,
  band_lower,
  band_lower + 0.5 AS band_upper,
  sum(students)::INTEGER AS students,
  sum(students) / sum(sum(students)) OVER (PARTITION BY grp) AS share
FROM cells
WHERE grp IS NOT NULL
GROUP BY grp, band_lower
ORDER BY grp, band_lower;
