-- The group a grade rollup row falls in, by $by, as parts/grouped-results names a result's: cohort the
-- entry year as text, college and major the student's, teaching_dept the teaching college (开课学院).
-- An expression; NULL for a value the route does not know or a dimension the row's set does not keep.
CASE $by
  WHEN 'cohort' THEN entry_year::VARCHAR
  WHEN 'college' THEN college
  WHEN 'major' THEN major
  WHEN 'teaching_dept' THEN teaching_dept
END
