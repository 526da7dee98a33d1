-- Rollups, step 1: the counted results under one attempt rule ($attempt) — parts/chosen-results with
-- no filter, summer terms included, the columns the rolled-up measures need — written once to a scratch
-- Parquet file that every rollup then reads, so the attempt rule's window (best, latest) runs once,
-- not once per rollup or grouping set.
COPY (
  SELECT
    entry_year, term_index, academic_year, term, level, college, major,
    course_id, course_nature, teaching_dept, student_id, score, credits, grade_point
  FROM ({{> metrics/grades/parts/chosen-results}}) AS r
) TO {{target}} (FORMAT parquet, COMPRESSION zstd)
