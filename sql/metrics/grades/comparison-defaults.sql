-- The groups a comparison takes when none are named: the latest cohorts (by = cohort) or the largest
-- colleges by students (by = college) among the counted results (parts/grouped-results), best first.
SELECT grp, count(DISTINCT student_id)::INTEGER AS students, max(entry_year)::INTEGER AS latest
FROM ({{> metrics/grades/parts/grouped-results}}) AS r
WHERE grp IS NOT NULL
GROUP BY grp
ORDER BY CASE WHEN $by = 'cohort' THEN -latest ELSE -students END, grp
LIMIT 2;
