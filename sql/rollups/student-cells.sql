-- Student cells rollup: the students with counted results (the chosen results of the attempt rule,
-- {{chosen}}) per entry cohort × level × college × major — a student is in exactly one cell, so the
-- counts add up to any group the comparison offers (cohort, college, major). Read to pick a
-- comparison's default groups without counting every student's results again.
COPY (
  SELECT entry_year, level, college, major, count(DISTINCT student_id)::INTEGER AS students
  FROM read_parquet({{chosen}})
  GROUP BY ALL
  ORDER BY entry_year, college, major, level
) TO {{target}} (FORMAT parquet, COMPRESSION zstd);
