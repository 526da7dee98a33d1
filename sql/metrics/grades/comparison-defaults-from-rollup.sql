-- The groups a comparison takes when none are named, from the student terms rollup: the same answer
-- as comparison-defaults.sql — a student has term rows exactly when they have counted results, so the
-- groups, their distinct students and latest cohorts are the detail's. Not for a course nature filter.
SELECT grp, count(DISTINCT student_id)::INTEGER AS students, max(entry_year)::INTEGER AS latest
FROM ({{> metrics/grades/parts/student-terms}}) AS r
WHERE grp IS NOT NULL
GROUP BY grp
ORDER BY CASE WHEN $by = 'cohort' THEN -latest ELSE -students END, grp
LIMIT 2;
