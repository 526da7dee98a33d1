-- Box-plot data: per group ($by) the counted results' quartiles (quantile_cont: linear interpolation),
-- Tukey's whiskers — the most extreme results within 1.5 × IQR of the quartiles — and how many
-- results lie beyond them, plus n, mean and standard deviation. The minimum and maximum are not given:
-- each is one student's result.
WITH r AS (
  SELECT grp, student_id, score
  FROM ({{> metrics/grades/parts/grouped-results}}) AS r
  WHERE grp IS NOT NULL
),
quartiles AS (
  -- the three quartiles from one list-form quantile_cont: one copy of a group's scores, not three
  SELECT grp, n, students, mean, sd, quartiles[1] AS q1, quartiles[2] AS median, quartiles[3] AS q3
  FROM (
    SELECT
      grp,
      count(*)::INTEGER AS n,
      count(DISTINCT student_id)::INTEGER AS students,
      avg(score) AS mean,
      stddev_samp(score) AS sd,
      quantile_cont(score, [0.25, 0.5, 0.75]) AS quartiles
    FROM r
    GROUP BY grp
  ) AS g
)
SELECT
  q.grp, q.n, q.students, q.mean, q.sd, q.q1, q.median, q.q3,
  min(r.score) FILTER (WHERE r.score >= q.q1 - 1.5 * (q.q3 - q.q1)) AS whisker_low,
  max(r.score) FILTER (WHERE r.score <= q.q3 + 1.5 * (q.q3 - q.q1)) AS whisker_high,
  count(*) FILTER (WHERE r.score < q.q1 - 1.5 * (q.q3 - q.q1))::INTEGER AS outliers_low,
  count(*) FILTER (WHERE r.score > q.q3 + 1.5 * (q.q3 - q.q1))::INTEGER AS outliers_high
FROM quartiles AS q
JOIN r USING (grp)
GROUP BY ALL
ORDER BY q.grp;
