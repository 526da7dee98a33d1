-- Per students' college and academic year: the students with a counted result and the mean and
-- variance over them of each student's mean score that year — the units are students, not results,
-- so a year's figure is not carried by the students who sit the most exams (DOMAIN.md: students as
-- units for comparisons). Results: parts/chosen-results under the attempt rule $attempt and the
-- filters (cohort range, level, college, major, course nature); summer terms belong to their year.
-- The insights engine compares each college's change from one year to the next with the rest of the
-- school's (analytics/insights/detectors/college-grade-change.ts).
WITH per_student AS (
  SELECT college, academic_year, student_id, avg(score) AS mean_score
  FROM ({{> metrics/grades/parts/chosen-results}}) AS r
  GROUP BY college, academic_year, student_id
)
{{> insights/parts/college-year-answer}};
