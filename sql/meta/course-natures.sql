-- The course natures (课程性质) present in the grades, for the grades filters, with how many rows carry
-- each (most common first).
SELECT course_nature, count(*)::INTEGER AS results
FROM grades
WHERE course_nature IS NOT NULL
GROUP BY course_nature
ORDER BY results DESC, course_nature;
