-- GPA bands rollup, last: one attempt rule's sets to the version's rollup file, sorted by kept, college
-- and major so that DuckDB skips the row groups a lookup cannot match.
COPY (
  SELECT * FROM gpa_bands_build ORDER BY kept, college, major, level, course_nature, entry_year, band_lower
) TO {{target}} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 8192);
DROP TABLE gpa_bands_build;
