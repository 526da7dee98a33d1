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
  SELECT *, CASE WHEN grp = $a THEN 'a' ELSE 'b' END AS side
  FROM ({{> metrics/grades/parts/grouped-results}}) AS r
  WHERE grp IN ($a, $b)
),
reach AS (
  SELECT coalesce($term_to, CASE WHEN $by = 'cohort' THEN min(last_term) END) AS term_limit
  FROM (SELECT side, max(term_index) AS last_term FROM sided GROUP BY side)
),
per_student AS (
  SELECT
    side,
    student_id,
    CASE WHEN $measure = 'gpa'
      THEN sum(credits * grade_point) / sum(CASE WHEN grade_point IS NOT NULL THEN credits END)
      ELSE sum(credits * score) / nullif(sum(credits), 0)
    END AS value
  FROM sided, reach
  WHERE term_limit IS NULL OR term_index <= term_limit
  GROUP BY side, student_id
)
{{> metrics/grades/parts/comparison-sides}};
