-- Score histogram rollup, last: one attempt rule's grouping sets to the version's rollup file, sorted by
-- kept and the dimensions so that a lookup skips the row groups it cannot match —
-- DuckDB's default row groups: with small ones (8,192 rows) reading the footer cost more than the rows.
COPY (
  SELECT * FROM score_histogram_build
  ORDER BY kept, level, college, major, course_nature, teaching_dept, entry_year, academic_year, score
) TO {{target}} (FORMAT parquet, COMPRESSION zstd);
DROP TABLE score_histogram_build;
DROP TABLE score_histogram_fine;
