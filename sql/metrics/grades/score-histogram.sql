-- Score distribution: per group ($by: cohort, college, major or teaching college) the counted results
-- (parts/chosen-results: attempt rule, filters) in score bins of $bin points, with the students behind
-- each bin and the bin's share of the group's results.
--   bins: [lower, lower + $bin); the last bin is closed, so 100 falls in [95, 100] with $bin = 5.
--   students: distinct students with a result in the bin (the count suppression looks at).
WITH binned AS (
  SELECT
    grp,
    student_id,
    least(floor(score / $bin) * $bin, 100 - $bin) AS bin_lower
  FROM ({{> metrics/grades/parts/grouped-results}}) AS r
  WHERE grp IS NOT NULL
)
SELECT
  grp,
  bin_lower::DOUBLE AS bin_lower,
  (bin_lower + $bin)::DOUBLE AS bin_upper,
  count(*)::INTEGER AS results,
  count(DISTINCT student_id)::INTEGER AS students,
  count(*) / sum(count(*)) OVER (PARTITION BY grp) AS share
FROM binned
GROUP BY grp, bin_lower
ORDER BY grp, bin_lower;
