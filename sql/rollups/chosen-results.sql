-- Grade rollup, step 1: the counted results under one attempt rule ($attempt) — parts/chosen-results
-- with no filter, the columns the trend measures need, term-indexed results only (the trends leave
-- summer terms out) — written once to a scratch Parquet file that every grouping set then reads, so
-- the attempt rule's window (best, latest) runs once, not once per grouping set.
COPY (
  SELECT entry_year, term_index, level, college, major, course_nature, student_id, score, credits, grade_point
  FROM ({{> metrics/grades/parts/chosen-results}}) AS r
  WHERE term_index IS NOT NULL
) TO {{target}} (FORMAT parquet, COMPRESSION zstd)
