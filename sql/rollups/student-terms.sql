-- Student terms rollup: per student and term index (NULL for a summer term) the sums the cohort
-- comparison takes over the counted results (the chosen results of the attempt rule, {{chosen}}): Σ
-- credits × score and Σ credits (the credit-weighted mean score), Σ credits × grade point and Σ credits
-- with a grade point (the GPA), with the student's entry cohort, level, college and major. Summed over
-- the terms up to a limit, they give each student's value exactly as metrics/grades/cohort-comparison.sql
-- computes it from the results. Over all course natures only (a nature filter reads the detail).
-- Sorted by cohort and college, so that a comparison of two cohorts reads their row groups only.
COPY (
  SELECT
    entry_year, level, college, major, student_id, term_index,
    sum(credits * score) AS credit_score,
    sum(credits) AS credits,
    sum(credits * grade_point) AS credit_points,
    sum(CASE WHEN grade_point IS NOT NULL THEN credits END) AS point_credits
  FROM read_parquet({{chosen}})
  GROUP BY ALL
  ORDER BY entry_year, college, major, level, student_id, term_index
) TO {{target}} (FORMAT parquet, COMPRESSION zstd);
