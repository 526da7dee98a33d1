-- course-natures.sql's answer read from its rollup (sql/rollups/course-natures.sql): same columns, rows
-- and order.
SELECT course_nature, results
FROM course_natures
ORDER BY results DESC, course_nature;
