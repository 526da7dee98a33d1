-- Student progress: per entry cohort × term index, the students by cumulative GPA band and by
-- accumulated failed credits at the end of that term, against the academic-warning thresholds
-- ($warning_gpa: below it is a warning; $warning_credits and $serious_credits: failed credits at or
-- above them are a warning and a serious warning; the route gives the school's configured values).
--   each student's cumulative GPA and failed credits as of the end of each term they are present in:
--   parts/progress-standing (the attempt rule among the attempts sat so far; filters).
--   GPA bands (band 0, 1, …): [0, $warning_gpa); then whole grade points from the line on —
--   [$warning_gpa, ⌊$warning_gpa⌋ + 1), [⌊$warning_gpa⌋ + 1, ⌊$warning_gpa⌋ + 2) … — so the warning line
--   is always a band edge. Failed-credit bands: 0 = none; 1 = (0, $warning_credits);
--   2 = [$warning_credits, $serious_credits); 3 = $serious_credits or more (upper NULL).
--   warning: the band is at or past a warning line.
--   student-progress-from-rollup.sql applies the same bands at read time to the rollup's counts per
--   value (the lines are configuration and may change without a new version).
WITH present AS (
  {{> metrics/grades/parts/progress-standing}}
),
gpa_bands AS (
  SELECT
    entry_year, term_index,
    CASE WHEN gpa < $warning_gpa THEN 0 ELSE floor(gpa) - floor($warning_gpa) + 1 END AS band,
    CASE WHEN gpa < $warning_gpa THEN 0 ELSE greatest($warning_gpa, floor(gpa)) END AS lower,
    CASE WHEN gpa < $warning_gpa THEN $warning_gpa ELSE floor(gpa) + 1 END AS upper,
    gpa < $warning_gpa AS warning,
    1 AS students
  FROM present
  WHERE gpa IS NOT NULL
),
failed AS (
  SELECT entry_year, term_index, failed, 1 AS students FROM present
),
{{> metrics/grades/parts/progress-answer}};
