-- The utilization filters on the cleaned columns of the request rollups (request_days, request_months,
-- request_times): the same selection as parts/filtered-requests makes of the log.
($from IS NULL OR day >= CAST($from AS DATE))
  AND ($to IS NULL OR day <= CAST($to AS DATE))
  AND ($category IS NULL OR category = $category)
  AND ($channel IS NULL OR channel = $channel)
  AND ($purpose IS NULL OR purpose = $purpose)
  AND ($requester_type IS NULL OR requester_type = $requester_type)
