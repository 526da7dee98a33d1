SELECT count(*)::INTEGER AS rows_read,
       count(*) FILTER (WHERE problems = '')::INTEGER AS rows_accepted,
       count(*) FILTER (WHERE problems <> '')::INTEGER AS rows_quarantined
FROM read_parquet({{checked}});
