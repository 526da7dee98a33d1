-- The key of a score rollup row, as select items (rollups/score-histogram-set, score-students-set): the
-- entry cohort, then each dimension a grouping set may keep — its column when kept, else NULL (= all),
-- as the builder fills them (keptColumns in analytics/archive/rollup-score-histogram.ts) — and kept.
-- In the column order of score-set-columns. Fragments only, no parameters.
entry_year,
{{academic_year}} AS academic_year,
{{level}} AS level,
{{college}} AS college,
{{major}} AS major,
{{course_nature}} AS course_nature,
{{teaching_dept}} AS teaching_dept,
{{kept}} AS kept
