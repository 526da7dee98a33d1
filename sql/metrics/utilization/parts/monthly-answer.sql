-- Requests per calendar month of the filtered requests `r` (one row per request or per day cell:
-- counts are summed): monthly-requests.sql and its rollup twin.
SELECT
  date_trunc('month', day)::DATE AS month,
  sum(requests)::INTEGER AS requests
FROM r
GROUP BY ALL
ORDER BY month
