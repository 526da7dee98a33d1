-- Status rollups: one table of cells of the status timeline (a part of sql/metrics/status/parts, the
-- very query the detail metric sums) at the version's as-of date, written to the version's rollup
-- file. The metrics' *-from-rollup twins apply the same answer part to it.
COPY (
{{cells}}
) TO {{target}} (FORMAT parquet, COMPRESSION zstd)
