-- Course year scores rollup, the set for all students (kept 0): the fine set (kept 28) summed over
-- level × college × major, for the lookups that neither filter nor group by them.
INSERT INTO course_year_scores_build
SELECT
  entry_year, NULL, NULL, NULL, course_id, course_nature, teaching_dept, academic_year,
  0::TINYINT AS kept,
  sum(n)::INTEGER AS n,
  sum(score_sum) AS score_sum,
  sum(top)::INTEGER AS top
FROM course_year_scores_build
WHERE kept = 28
GROUP BY ALL;
