-- Score students rollup, last: one attempt rule's grouping sets to the version's rollup file, sorted by
-- kept, width and the dimensions so that a lookup skips the row groups it cannot match —
-- DuckDB's default row groups: with small ones (8,192 rows) reading the footer cost more than the rows.
COPY (
  SELECT * FROM score_students_build
  ORDER BY kept, bin_width, level, college, major, course_nature, teaching_dept, entry_year, academic_year, bin_lower
) TO {{target}} (FORMAT parquet, COMPRESSION zstd);
DROP TABLE score_students_build;
DROP TABLE score_students_bins;
