-- Stage one received file as it came: every field as text, in file order (DuckDB keeps the order of
-- rows through COPY), into Parquet, read in parallel. A record's number is then its position in the
-- staged file (read_parquet's file_row_number), which costs nothing, where numbering rows while reading
-- the CSV would make the read single-threaded.
-- Fragments: path, delimiter, columns (positional names c1…cN, or a normalized file's columns), target.
COPY (
  SELECT *
  FROM read_csv({{path}}, auto_detect = false, header = true, delim = {{delimiter}}, quote = '"', escape = '"',
                columns = {{columns}}, strict_mode = true, null_padding = false)
) TO {{target}} (FORMAT parquet, COMPRESSION zstd);
