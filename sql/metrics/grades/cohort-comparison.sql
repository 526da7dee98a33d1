-- Cohort comparison: two groups side by side ($by: cohort or college; $a and $b their values, a
-- cohort as its year in text), each student's credit-weighted mean score (加权平均分, Σ credits × score
-- / Σ credits) or GPA ($measure = 'gpa': Σ credits × grade point / Σ credits) over the counted results
-- (parts/chosen-results: attempt rule, filters), then per side: students, mean and sample variance of
-- those per-student values. Students are the units: a student's forty results are not forty
-- independent observations. Welch's test and Cohen's d are computed in analytics/metrics/grades/
-- comparison.ts.
--   same point in the programme: for cohorts, only results up to the term index both have reached
--   (term_limit, the smaller of the two cohorts' last term with results) unless $term_to sets it; a
--   younger cohort is not compared with an older one's later, better-graded years. Summer results have
--   no term index and are left out then. For colleges, no limit unless $term_to.
WITH sided AS (
  -- the counted results of the two groups, summed per student and term
  SELECT
    side,
    student_id,
    term_index,
    sum(credits * score) AS credit_score,
    sum(credits) AS credits,
    sum(credits * grade_point) AS credit_points,
    sum(CASE WHEN grade_point IS NOT NULL THEN credits END) AS point_credits
  FROM (
    SELECT *, CASE WHEN grp = $a THEN 'a' ELSE 'b' END AS side
    FROM ({{> metrics/grades/parts/grouped-results}}) AS r
    WHERE grp IN ($a, $b)
  ) AS results
  GROUP BY side, student_id, term_index
),
{{> metrics/grades/parts/comparison-answer}};
