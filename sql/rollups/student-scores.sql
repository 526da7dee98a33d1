-- Student scores rollup: per student, academic year and term index (NULL for a summer term, so a
-- student's summers stay apart by year) the plain sum of the counted results' scores and their count
-- (the chosen results of the attempt rule, {{chosen}}), with the student's entry cohort, level, college
-- and major: each student's unweighted mean score per term and per year, which the insights compare
-- across cohorts and colleges (sql/insights/*-from-rollup.sql). Over all course natures only (a nature
-- filter reads the detail).
COPY (
  SELECT
    entry_year, level, college, major, student_id, academic_year, term_index,
    sum(score) AS score_sum,
    count(score)::INTEGER AS results
  FROM read_parquet({{chosen}})
  GROUP BY ALL
  ORDER BY entry_year, college, major, level, student_id, academic_year, term_index
) TO {{target}} (FORMAT parquet, COMPRESSION zstd);
