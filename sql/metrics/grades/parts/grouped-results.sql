-- The counted results (parts/chosen-results) with the group they fall in, by $by:
--   cohort: the entry year, as text ('2020'); college, major: the student's current ones;
--   teaching_dept: the college that teaches and grades the course (开课学院).
-- The route always names $by (its own default); grp is NULL for a value it does not know.
SELECT
  *,
  CASE $by
    WHEN 'cohort' THEN entry_year::VARCHAR
    WHEN 'college' THEN college
    WHEN 'major' THEN major
    WHEN 'teaching_dept' THEN teaching_dept
  END AS grp
FROM (
  {{> metrics/grades/parts/chosen-results}}
) AS r
