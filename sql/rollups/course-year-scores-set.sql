-- Course year scores rollup, the fine set (kept 28): the counted results (the chosen results, summer
-- terms included) per entry cohort × the students' level × college × major × course (its nature and
-- teaching college) × academic year. Their number, Σ score and the number of scores ≥ 90 add up over
-- any rows, and are all grade inflation needs besides students: a group's yearly mean and share ≥ 90,
-- and the within-course slope from each course-year's n and Σ score.
INSERT INTO course_year_scores_build
SELECT
  entry_year, level, college, major, course_id, course_nature, teaching_dept, academic_year,
  28::TINYINT AS kept,
  count(*)::INTEGER AS n,
  sum(score) AS score_sum,
  count(*) FILTER (WHERE score >= 90)::INTEGER AS top
FROM read_parquet({{chosen}})
GROUP BY ALL;
