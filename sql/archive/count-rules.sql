-- Rows broken per rule (a row breaking two rules counts for each), with the first line and one reason
-- as an example, for the report. rule_ids is the list of ids in the order of problem_list.
SELECT rule, count(*)::BIGINT AS rows, min(source_line)::BIGINT AS first_line, min(source_file) AS first_file, min(message) AS example
FROM (
  SELECT unnest({{rule_ids}}) AS rule, unnest(problem_list) AS message, source_line, source_file
  FROM read_parquet({{rejected}})
  WHERE problems <> ''
)
WHERE message IS NOT NULL
GROUP BY rule
ORDER BY rows DESC, rule;
