-- Course year scores rollup, last: one attempt rule's grouping sets to the version's rollup file, sorted
-- by kept and the students' dimensions so that a lookup skips the row groups it cannot match —
-- DuckDB's default row groups: with small ones (8,192 rows) reading the footer cost more than the rows.
COPY (
  SELECT * FROM course_year_scores_build
  ORDER BY kept, level, college, major, teaching_dept, course_nature, entry_year, course_id, academic_year
) TO {{target}} (FORMAT parquet, COMPRESSION zstd);
DROP TABLE course_year_scores_build;
