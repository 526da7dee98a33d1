-- The requests the utilization metrics count: those matching the filters (request date from/to,
-- category, channel, purpose, requester type), one row per request in the shape of the request cells
-- rollups (parts/request-cells), so every metric's answer part reads either alike. The coded
-- fields are cleaned once — blanks are NULL, channels without spaces ('PC 端' = 'PC端') — and each
-- request carries its counts: 1 request, its 卷次 and pages, whether it is timed (not refused, with a
-- completion time not before the request), within 1 and 3 working days, without a completion time.
-- turnaround_us: completed − requested in microseconds for a timed request (else NULL): the
-- quantiles are taken over these integers and read in hours, exactly as from the request-times rollup.
-- Included by every detail file of this folder (sql/README.md, includes) and by the two rollups.
SELECT
  requested_at::DATE AS day,
  requested_at::DATE AS first_day,
  requested_at::DATE AS last_day,
  nullif(trim(archive_category), '') AS category,
  nullif(replace(channel, ' ', ''), '') AS channel,
  nullif(trim(purpose), '') AS purpose,
  nullif(trim(requester_type), '') AS requester_type,
  nullif(trim(delivery), '') AS delivery,
  nullif(trim(status), '') AS status,
  1 AS requests,
  items,
  pages,
  CASE WHEN timed THEN epoch_us(completed_at) - epoch_us(requested_at) END AS turnaround_us,
  timed::INTEGER AS timed,
  (timed AND working_days <= 1)::INTEGER AS within_1wd,
  (timed AND working_days <= 3)::INTEGER AS within_3wd,
  (completed_at IS NULL)::INTEGER AS without_completion
FROM (
  SELECT
    *,
    nullif(trim(status), '') IS DISTINCT FROM '已拒绝' AND completed_at IS NOT NULL AND completed_at >= requested_at AS timed,
    -- Working days from the request to its completion: weekdays in (request day, completion day],
    -- counted as the difference of a running weekday count from Monday 1900-01-01.
    (5 * ((completed_at::DATE - DATE '1900-01-01') // 7) + least((completed_at::DATE - DATE '1900-01-01') % 7 + 1, 5))
      - (5 * ((requested_at::DATE - DATE '1900-01-01') // 7) + least((requested_at::DATE - DATE '1900-01-01') % 7 + 1, 5))
      AS working_days
  FROM utilization
  -- on the raw columns, so that a date range prunes the log's row groups (sorted by request time)
  WHERE ($from IS NULL OR requested_at >= CAST($from AS DATE))
    AND ($to IS NULL OR requested_at < CAST($to AS DATE) + INTERVAL 1 DAY)
    AND ($category IS NULL OR nullif(trim(archive_category), '') = $category)
    AND ($channel IS NULL OR nullif(replace(channel, ' ', ''), '') = $channel)
    AND ($purpose IS NULL OR nullif(trim(purpose), '') = $purpose)
    AND ($requester_type IS NULL OR nullif(trim(requester_type), '') = $requester_type)
) AS request
