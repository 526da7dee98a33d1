-- The most common sequences of status changes: each student's change types in date order, then the
-- completion record (毕业 / 结业 / 肄业) if any, then — when the student is still on the register and the
-- last step does not already say so — the status now (在读, 休学 …), or a terminal status the register
-- holds without a dated record. Only students with at least one status change record are counted
-- (a student with none simply graduated, or is still studying). A death recorded as a 退学 is shown
-- as 死亡.
--   rank: by students, then sequence; sequences past $limit are pooled into one row (sequence NULL,
--   other = true) so that the rows always add up to every student with a change.
--   outcome: the category of the status now (enrolled, on_leave, withdrawn, transferred, graduated,
--   completed, deceased) — what the sequence led to.
--   Filters on the student: cohort range, level, college and major now.
WITH o AS (
  SELECT student_id, final_status, final_category, undated
  FROM status_students($as_of::DATE)
  WHERE changes > 0
    AND ($cohort_from IS NULL OR entry_year >= $cohort_from)
    AND ($cohort_to IS NULL OR entry_year <= $cohort_to)
    AND ($level IS NULL OR level = $level)
    AND ($college IS NULL OR college = $college)
    AND ($major IS NULL OR major = $major)
),
paths AS (
  SELECT o.student_id, o.final_status, o.final_category, o.undated,
         list(CASE WHEN e.status_after = '死亡' THEN '死亡' ELSE e.event_type END ORDER BY e.event_seq) AS steps
  FROM o
  JOIN status_events() AS e USING (student_id)
  GROUP BY ALL
),
sequences AS (
  SELECT
    array_to_string(
      CASE WHEN (NOT status_is_terminal(final_category) OR undated) AND steps[-1] <> final_status
           THEN list_append(steps, final_status) ELSE steps END,
      '→') AS sequence,
    final_category AS outcome
  FROM paths
),
counted AS (
  SELECT sequence, outcome, count(*)::INTEGER AS students,
         row_number() OVER (ORDER BY count(*) DESC, sequence) AS rank
  FROM sequences
  GROUP BY sequence, outcome
)
SELECT
  CASE WHEN rank <= $limit THEN sequence END AS sequence,
  CASE WHEN rank <= $limit THEN outcome END AS outcome,
  rank > $limit AS other,
  sum(students)::INTEGER AS students,
  count(*)::INTEGER AS sequences
FROM counted
GROUP BY 1, 2, 3
ORDER BY other, students DESC, sequence;
