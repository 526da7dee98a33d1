-- What the filters offer: every cohort, level, college and major present in the curated students
-- (for a college account, its own college only).
SELECT entry_year, level, college, major, count(*)::INTEGER AS students
FROM students
WHERE ($college IS NULL OR college = $college)
GROUP BY ALL
ORDER BY entry_year, level, college, major;
