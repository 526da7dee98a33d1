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
    gpa < $warning_gpa AS warning
  FROM present
  WHERE gpa IS NOT NULL
),
failed_bands AS (
  SELECT
    entry_year, term_index,
    CASE WHEN failed <= 0 THEN 0 WHEN failed < $warning_credits THEN 1 WHEN failed < $serious_credits THEN 2 ELSE 3 END AS band,
    CASE WHEN failed < $warning_credits THEN 0 WHEN failed < $serious_credits THEN $warning_credits ELSE $serious_credits END AS lower,
    CASE WHEN failed <= 0 THEN 0 WHEN failed < $warning_credits THEN $warning_credits WHEN failed < $serious_credits THEN $serious_credits END AS upper,
    failed >= $warning_credits AS warning
  FROM present
)
SELECT
  entry_year, term_index, kind, band::INTEGER AS band, lower::DOUBLE AS lower, upper::DOUBLE AS upper, warning,
  count(*)::INTEGER AS students,
  count(*) / sum(count(*)) OVER (PARTITION BY entry_year, term_index, kind) AS share
FROM (
  SELECT 'gpa' AS kind, * FROM gpa_bands
  UNION ALL BY NAME
  SELECT 'failed_credits' AS kind, * FROM failed_bands
)
GROUP BY entry_year, term_index, kind, band, lower, upper, warning
ORDER BY entry_year, term_index, kind DESC, band;
