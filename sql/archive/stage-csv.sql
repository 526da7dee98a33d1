-- Stage one received file as it came: every field as text, in file order (DuckDB keeps the order of
-- rows through COPY), into Parquet, read in parallel. A record's number is then its position in the
-- staged file (read_parquet's file_row_number), which costs nothing, where numbering rows while reading
-- the CSV would make the read single-threaded. Uncompressed: the staged file is scratch, read back by
-- the check and the accept and then deleted, and Parquet's dictionary pages already keep it small (168
-- MB for the 1.78 GB grades.csv of the 300k-student package, 86 MB with zstd). Measured there in three
-- alternating runs: staging 11.5–11.8 s and 22.4–22.7 CPU-s uncompressed against 12.6–14.1 s and
-- 24.5–27.3 with zstd, and the check reads it no slower (5.0–5.1 s against 5.5–5.9).
-- Fragments: path, delimiter, columns (positional names c1…cN, or a normalized file's columns), target.
COPY (
  SELECT *
  FROM read_csv({{path}}, auto_detect = false, header = true, delim = {{delimiter}}, quote = '"', escape = '"',
                columns = {{columns}}, strict_mode = true, null_padding = false)
) TO {{target}} (FORMAT parquet, COMPRESSION uncompressed);
