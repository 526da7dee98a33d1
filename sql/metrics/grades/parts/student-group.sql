-- The group a student-level rollup row falls in, by $by, as parts/grouped-results names a result's:
-- the entry cohort as text, or the student's college or major. An expression; NULL for another $by.
CASE $by
  WHEN 'cohort' THEN entry_year::VARCHAR
  WHEN 'college' THEN college
  WHEN 'major' THEN major
END
