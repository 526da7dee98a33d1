-- Risk-factor cells (included by withdrawal-risk-factors.sql; written as the status-risk rollup): per
-- entry cohort × level × college × major now × first-year GPA band × failed-credit band, the students
-- of withdrawal-risk-factors.sql's population and how many of them withdrew (definitions there).
-- Counts add up over any selection of cells.
WITH o AS (
  SELECT student_id, entry_year, level, college, major, final_category
  FROM status_students($as_of::DATE)
  WHERE category_y1 IN ('enrolled', 'on_leave')
    AND excluded IS NULL
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
)
SELECT
  o.entry_year, o.level, o.college, o.major,
  CASE WHEN f.gpa IS NULL THEN 0 WHEN f.gpa < 1 THEN 1 WHEN f.gpa < 2 THEN 2 WHEN f.gpa < 3 THEN 3 WHEN f.gpa < 4 THEN 4 ELSE 5 END AS gpa_band,
  CASE WHEN f.failed_credits = 0 THEN 1 WHEN f.failed_credits <= 5 THEN 2 WHEN f.failed_credits <= 10 THEN 3
       WHEN f.failed_credits <= 20 THEN 4 ELSE 5 END AS failed_band,
  count(*)::INTEGER AS students,
  count(*) FILTER (WHERE o.final_category = 'withdrawn')::INTEGER AS withdrawn
FROM o JOIN first_year AS f USING (student_id)
GROUP BY ALL
