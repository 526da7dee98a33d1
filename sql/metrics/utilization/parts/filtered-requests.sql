-- The requests the utilization metrics count: those matching the filters (request date from/to,
-- category, channel, purpose, requester type), with the coded fields cleaned once — blanks are NULL,
-- channels without spaces ('PC 端' = 'PC端') — under the names the metrics use. Included by every file
-- of this folder (sql/README.md, includes).
SELECT
  requested_at,
  completed_at,
  nullif(trim(status), '') AS status,
  nullif(trim(archive_category), '') AS category,
  nullif(trim(purpose), '') AS purpose,
  nullif(trim(requester_type), '') AS requester_type,
  nullif(replace(channel, ' ', ''), '') AS channel,
  nullif(trim(delivery), '') AS delivery,
  items,
  pages
FROM utilization
WHERE ($from IS NULL OR requested_at >= CAST($from AS DATE))
  AND ($to IS NULL OR requested_at < CAST($to AS DATE) + INTERVAL 1 DAY)
  AND ($category IS NULL OR nullif(trim(archive_category), '') = $category)
  AND ($channel IS NULL OR nullif(replace(channel, ' ', ''), '') = $channel)
  AND ($purpose IS NULL OR nullif(trim(purpose), '') = $purpose)
  AND ($requester_type IS NULL OR nullif(trim(requester_type), '') = $requester_type)
