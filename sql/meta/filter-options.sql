-- What the filters offer: every cohort, level, college and major present in the curated students.
SELECT entry_year, level, college, major, count(*)::INTEGER AS students
FROM students
GROUP BY ALL
ORDER BY entry_year, level, college, major;
