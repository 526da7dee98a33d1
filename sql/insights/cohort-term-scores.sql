-- Per entry cohort and term index (1 = the cohort's first autumn term): the students with a counted
-- result and the mean and variance over them of each student's mean score in that term — students as
-- units, as in college-year-scores.sql. Results: parts/chosen-results under $attempt and the filters;
-- summer terms (no term index) are left out. The insights engine compares each cohort with the cohort
-- before it at the same point of their studies (analytics/insights/detectors/cohort-grade-change.ts).
WITH per_student AS (
  SELECT entry_year, term_index, student_id, avg(score) AS mean_score
  FROM ({{> metrics/grades/parts/chosen-results}}) AS r
  WHERE term_index IS NOT NULL
  GROUP BY entry_year, term_index, student_id
)
{{> insights/parts/cohort-term-answer}};
