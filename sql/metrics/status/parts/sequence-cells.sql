-- Sequence cells (included by change-sequences.sql; written as the status-sequences rollup): per entry
-- cohort × level × college × major now × sequence × outcome, the students with at least one change
-- record who followed that sequence (definitions: change-sequences.sql). Counts add up over any
-- selection of cells.
WITH o AS (
  SELECT student_id, entry_year, level, college, major, final_status, final_category, undated
  FROM status_students($as_of::DATE)
  WHERE changes > 0
),
paths AS (
  SELECT o.student_id, o.entry_year, o.level, o.college, o.major, o.final_status, o.final_category, o.undated,
         list(CASE WHEN e.status_after = '死亡' THEN '死亡' ELSE e.event_type END ORDER BY e.event_seq) AS steps
  FROM o
  JOIN status_events() AS e USING (student_id)
  GROUP BY ALL
)
SELECT
  entry_year, level, college, major,
  array_to_string(
    CASE WHEN (NOT status_is_terminal(final_category) OR undated) AND steps[-1] <> final_status
         THEN list_append(steps, final_status) ELSE steps END,
    '→') AS sequence,
  final_category AS outcome,
  count(*)::INTEGER AS students
FROM paths
GROUP BY ALL
