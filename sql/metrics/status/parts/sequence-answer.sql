-- The ranked sequences from sequence cells (parts/sequence-cells): continues a WITH whose CTE `cells`
-- holds them — from the detail in change-sequences.sql, from the status-sequences rollup in
-- change-sequences-from-rollup.sql. Filters select cells; students add up per sequence and outcome.
counted AS (
  SELECT sequence, outcome, sum(students)::INTEGER AS students,
         row_number() OVER (ORDER BY sum(students) DESC, sequence, outcome) AS rank
  FROM ({{> metrics/status/parts/picked-cells}}) AS picked
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
ORDER BY other, students DESC, sequence, outcome
