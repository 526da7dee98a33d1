-- GPA distribution: per group ($by: cohort, college or major — a student's own groups) the students by
-- their GPA over the counted results (parts/chosen-results: attempt rule, filters), in bands of 0.5:
-- [lower, lower + 0.5). GPA = Σ credits × grade point / Σ credits over results with a grade point
-- (the school's scale as received); a student without one is left out. Rounded to 9 places: the sums
-- are taken in whatever order the rows arrive, which moves the last bit, and a GPA of exactly 2.5 must
-- not come out as 2.4999999999999996 and fall a band (nor differ between this query and its rollup,
-- sql/rollups/gpa-bands-set); a true GPA is never within 1e-9 of a band edge without being on it.
WITH per_student AS (
  SELECT
    grp,
    student_id,
    round(sum(credits * grade_point) / sum(CASE WHEN grade_point IS NOT NULL THEN credits END), 9) AS gpa
  FROM ({{> metrics/grades/parts/grouped-results}}) AS r
  WHERE grp IS NOT NULL
  GROUP BY grp, student_id
)
SELECT
  grp,
  floor(gpa * 2) / 2 AS band_lower,
  floor(gpa * 2) / 2 + 0.5 AS band_upper,
  count(*)::INTEGER AS students,
  count(*) / sum(count(*)) OVER (PARTITION BY grp) AS share
FROM per_student
WHERE gpa IS NOT NULL
GROUP BY grp, band_lower, band_upper
ORDER BY grp, band_lower;
