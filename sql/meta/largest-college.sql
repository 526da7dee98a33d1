-- The college with the most students (ties by name): the demo college account's college.
SELECT college FROM students GROUP BY college ORDER BY count(*) DESC, college LIMIT 1;
