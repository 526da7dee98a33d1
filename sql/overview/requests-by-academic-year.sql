-- Archive requests (人次) per academic year of the request (2024 = 1 Sep 2024 – 31 Aug 2025), with the
-- student-record (学籍) requests and the requests with a category — the student-record share is
-- student_records / categorized, as in metrics/utilization/requests-by-period.sql — and the first and
-- last day with a request in the year, so the overview can tell a complete year from a partial one.
SELECT
  (year(requested_at) - CASE WHEN month(requested_at) < 9 THEN 1 ELSE 0 END)::INTEGER AS academic_year,
  count(*)::INTEGER AS requests,
  count(*) FILTER (WHERE nullif(trim(archive_category), '') = '学籍')::INTEGER AS student_records,
  count(nullif(trim(archive_category), ''))::INTEGER AS categorized,
  strftime(min(requested_at), '%Y-%m-%d') AS first_day,
  strftime(max(requested_at), '%Y-%m-%d') AS last_day
FROM utilization
GROUP BY ALL
ORDER BY academic_year;
