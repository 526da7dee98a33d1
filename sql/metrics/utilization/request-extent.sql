-- The days of the archive's first and last request, without any filter: the span the archive's
-- request log covers, which decides whether its first and last months are complete.
SELECT min(requested_at)::DATE AS first_day, max(requested_at)::DATE AS last_day FROM utilization;
