-- Cohort grade trends: per entry cohort × term index, the first-attempt results' n, mean, median,
-- P10, P90 and fail rate.
--   first attempt: exam_type = '正常' (DOMAIN.md: GPA and DFW count first attempts); 补考/重修 are later
--   attempts, 缓考 has no result yet (score NULL). 缺考 is recorded as score 0 and counts as a fail.
--   term index: (academic_year − entry_year) × 2 + term, so 1 = the cohort's first autumn term;
--   summer terms (3) have no index. It is calendar time since entry: a student back from 休学 sits a
--   later term index than their classmates' at the same point in the programme.
--   quantiles: linear interpolation between order statistics (quantile_cont).
--   college, major, level: the student's current values (after any 转专业).
SELECT
  g.entry_year,
  ((g.academic_year - g.entry_year) * 2 + g.term)::INTEGER AS term_index,
  count(*)::INTEGER AS n,
  avg(g.score) AS mean,
  quantile_cont(g.score, 0.5) AS median,
  quantile_cont(g.score, 0.1) AS p10,
  quantile_cont(g.score, 0.9) AS p90,
  avg(CASE WHEN g.score < 60 THEN 1.0 ELSE 0.0 END) AS fail_rate
FROM grades AS g
JOIN students AS s USING (student_id)
WHERE g.exam_type = '正常'
  AND g.score IS NOT NULL
  AND g.term IN (1, 2)
  AND g.academic_year >= g.entry_year
  AND ($cohort_from IS NULL OR g.entry_year >= $cohort_from)
  AND ($cohort_to IS NULL OR g.entry_year <= $cohort_to)
  AND ($level IS NULL OR s.level = $level)
  AND ($college IS NULL OR s.college = $college)
  AND ($major IS NULL OR s.major = $major)
GROUP BY ALL
ORDER BY entry_year, term_index;
