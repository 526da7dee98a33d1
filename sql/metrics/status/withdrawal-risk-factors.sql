-- Withdrawal by first-year results: students per band of first-year GPA and of failed first-year
-- credits, and how many of them withdrew later (relative risks: analytics/metrics/status/risk.ts).
--   Population: students on the register (在读 or on leave) at the end of their first year with at
--   least one first-year result — the first year observed, its results known, the outcome still open;
--   excluded students (deceased, military service) left out.
--   First-year results: first attempts (exam_type 正常, DOMAIN.md) of academic year = entry year,
--   terms 1 and 2. GPA = credit-weighted mean grade point of those with a grade point; failed credits
--   = credits of first attempts scoring below 60 (缺考 counts as 0).
--   Withdrew: 退学 or 肄业 by the as-of date (follow-up differs by cohort; compare bands within the
--   same cohorts).
--   Bands (the archive's own grade-point scale; on the common 5-point scale 60 → 1.0, 100 → 5.0):
--   GPA [0, 1) [1, 2) [2, 3) [3, 4) ≥ 4, or "no GPA" when no result carries a grade point; failed
--   credits 0, (0, 5], (5, 10], (10, 20], > 20.
--   Filters on the student: cohort range, level, college and major now.
WITH o AS (
  SELECT student_id, final_category
  FROM status_students($as_of::DATE)
  WHERE category_y1 IN ('enrolled', 'on_leave')
    AND excluded IS NULL
    AND ($cohort_from IS NULL OR entry_year >= $cohort_from)
    AND ($cohort_to IS NULL OR entry_year <= $cohort_to)
    AND ($level IS NULL OR level = $level)
    AND ($college IS NULL OR college = $college)
    AND ($major IS NULL OR major = $major)
),
first_year AS (
  SELECT g.student_id,
         sum(g.credits * g.grade_point) FILTER (WHERE g.grade_point IS NOT NULL)
           / nullif(sum(g.credits) FILTER (WHERE g.grade_point IS NOT NULL), 0) AS gpa,
         coalesce(sum(g.credits) FILTER (WHERE g.score < 60), 0) AS failed_credits
  FROM grades AS g
  JOIN students AS s USING (student_id)
  WHERE g.exam_type = '正常'
    AND g.academic_year = s.entry_year
    AND g.term IN (1, 2)
    AND (g.score IS NOT NULL OR g.grade_point IS NOT NULL)
  GROUP BY g.student_id
),
banded AS (
  SELECT
    o.final_category = 'withdrawn' AS withdrew,
    CASE WHEN f.gpa IS NULL THEN 0 WHEN f.gpa < 1 THEN 1 WHEN f.gpa < 2 THEN 2 WHEN f.gpa < 3 THEN 3 WHEN f.gpa < 4 THEN 4 ELSE 5 END AS gpa_band,
    CASE WHEN f.failed_credits = 0 THEN 1 WHEN f.failed_credits <= 5 THEN 2 WHEN f.failed_credits <= 10 THEN 3
         WHEN f.failed_credits <= 20 THEN 4 ELSE 5 END AS failed_band
  FROM o JOIN first_year AS f USING (student_id)
)
SELECT 'gpa' AS factor, gpa_band AS band_order,
       ['no GPA', '[0, 1)', '[1, 2)', '[2, 3)', '[3, 4)', '≥ 4'][gpa_band + 1] AS band,
       count(*)::INTEGER AS students, count(*) FILTER (WHERE withdrew)::INTEGER AS withdrawn
FROM banded GROUP BY ALL
UNION ALL
SELECT 'failed_credits', failed_band,
       ['0', '(0, 5]', '(5, 10]', '(10, 20]', '> 20'][failed_band],
       count(*)::INTEGER, count(*) FILTER (WHERE withdrew)::INTEGER
FROM banded GROUP BY ALL
ORDER BY factor DESC, band_order;
