-- One table's quarantined rows of an accession as CSV for the archivist (no header: the caller writes a
-- UTF-8 BOM and the header with the sender's column names, which never enter SQL). columns is built by
-- code: source file, line, reasons, the canonical columns as mapped, then each source field as received.
-- Text a spreadsheet would run as a formula (= + - @ tab CR at the start, unless a plain number) gets
-- a leading apostrophe, as web/lib/csv.ts does for the dashboard's downloads.
CREATE OR REPLACE MACRO xueji_csv_safe(x) AS (
  CASE WHEN regexp_matches(x, '^[=+\-@\t\r]') AND NOT regexp_full_match(x, '[-+]?[0-9]+(\.[0-9]+)?') THEN '''' || x ELSE x END
);
COPY (
  SELECT {{columns}}
  FROM read_parquet({{quarantine}})
  ORDER BY source_file, source_row
) TO {{target}} (FORMAT csv, HEADER false, QUOTE '"', ESCAPE '"');
