-- Grade trends per academic year (2019 = 2019–2020), whatever the cohort: the counted results' n,
-- mean, median, P10, P90, fail rate and credit-weighted mean grade point, and the students behind
-- them. The calendar view of cohort-grade-trends.sql, with the same definitions:
--   results: parts/chosen-results (attempt rule $attempt, filters); summer terms (3) belong to their
--   academic year here. Under best/latest a result stays in the year of the course's first sitting.
--   quantiles: linear interpolation (quantile_cont); gpa: Σ credits × grade point / Σ credits.
-- The three quantiles from one list-form quantile_cont: one copy of a group's scores instead of three
-- (DuckDB keeps every value of a group outside its memory limit), the same interpolation.
SELECT academic_year, n, students, mean, quantiles[1] AS median, quantiles[2] AS p10, quantiles[3] AS p90, fail_rate, gpa
FROM (
SELECT
  academic_year,
  count(*)::INTEGER AS n,
  count(DISTINCT student_id)::INTEGER AS students,
  avg(score) AS mean,
  quantile_cont(score, [0.5, 0.1, 0.9]) AS quantiles,
  avg(CASE WHEN score < 60 THEN 1.0 ELSE 0.0 END) AS fail_rate,
  sum(credits * grade_point) / sum(CASE WHEN grade_point IS NOT NULL THEN credits END) AS gpa
FROM ({{> metrics/grades/parts/chosen-results}}) AS r
GROUP BY ALL
) AS t
ORDER BY academic_year;
