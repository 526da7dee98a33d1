-- GPA bands rollup, once over all courses and once per course nature ({{nature}}: NULL for all, or the
-- course_nature column, kept 1): each student's GPA over the counted results (the chosen results of
-- the attempt rule, {{chosen}}) exactly as metrics/grades/gpa-bands.sql computes it — Σ credits × grade
-- point / Σ credits with a grade point, rounded to 9 places — in 0.5-wide bands, students counted per
-- entry cohort × level × college × major × band.
INSERT INTO gpa_bands_build BY NAME
SELECT
  {{kept}}::TINYINT AS kept,
  course_nature,
  entry_year, level, college, major,
  floor(gpa * 2) / 2 AS band_lower,
  count(*)::INTEGER AS students
FROM (
  SELECT
    entry_year, level, college, major, {{nature}} AS course_nature, student_id,
    round(sum(credits * grade_point) / sum(CASE WHEN grade_point IS NOT NULL THEN credits END), 9) AS gpa
  FROM read_parquet({{chosen}})
  GROUP BY ALL
) AS per_student
WHERE gpa IS NOT NULL
GROUP BY ALL;
