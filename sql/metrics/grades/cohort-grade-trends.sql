-- Cohort grade trends: per entry cohort × term index, the counted results' n, mean, median, P10, P90,
-- fail rate and credit-weighted mean grade point, and the number of students behind them.
--   results: parts/chosen-results — the attempt rule ($attempt: first by default, i.e. 正常 only; 缓考
--   has no result; 缺考 is score 0 and a fail) and the filters, including course nature.
--   term index: (academic_year − entry_year) × 2 + term, so 1 = the cohort's first autumn term; summer
--   terms (3) have no index. It is calendar time since entry: a student back from 休学 sits a later
--   term index than their classmates' at the same point in the programme.
--   quantiles: linear interpolation between order statistics (quantile_cont).
--   gpa: Σ credits × grade point / Σ credits over results with a grade point (the school's own scale,
--   as received).
--   college, major, level: the student's current values (after any 转专业).
-- The three quantiles from one list-form quantile_cont: one copy of a group's scores instead of three
-- (DuckDB keeps every value of a group outside its memory limit), the same interpolation.
SELECT entry_year, term_index, n, students, mean, quantiles[1] AS median, quantiles[2] AS p10, quantiles[3] AS p90, fail_rate, gpa
FROM (
SELECT
  entry_year,
  term_index,
  count(*)::INTEGER AS n,
  count(DISTINCT student_id)::INTEGER AS students,
  avg(score) AS mean,
  quantile_cont(score, [0.5, 0.1, 0.9]) AS quantiles,
  avg(CASE WHEN score < 60 THEN 1.0 ELSE 0.0 END) AS fail_rate,
  sum(credits * grade_point) / sum(CASE WHEN grade_point IS NOT NULL THEN credits END) AS gpa
FROM ({{> metrics/grades/parts/chosen-results}}) AS r
WHERE term_index IS NOT NULL
GROUP BY ALL
) AS t
ORDER BY entry_year, term_index;
