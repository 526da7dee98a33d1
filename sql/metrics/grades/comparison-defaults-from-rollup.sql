-- The groups a comparison takes when none are named, from the student cells rollup
-- (sql/rollups/student-cells): the same answer as comparison-defaults.sql — the students with counted
-- results, summed over the cells of each group (cohort as text, college, major: a student's own, so
-- they add up), and each group's latest cohort. Not for a course nature filter (the cells have none).
SELECT grp, sum(cell_students)::INTEGER AS students, max(entry_year)::INTEGER AS latest
FROM (
  SELECT {{> metrics/grades/parts/student-group}} AS grp, entry_year, students AS cell_students
  FROM student_cells
  WHERE attempt = coalesce($attempt, 'first') AND {{> metrics/grades/parts/student-cell-filters}}
) AS cells
WHERE grp IS NOT NULL
GROUP BY grp
ORDER BY CASE WHEN $by = 'cohort' THEN -latest ELSE -students END, grp
LIMIT 2;
