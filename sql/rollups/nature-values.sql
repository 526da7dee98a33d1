-- The course natures of the version being built, one row each (rollups that keep the course nature as a
-- filter build one set per nature).
SELECT DISTINCT course_nature FROM grades WHERE course_nature IS NOT NULL ORDER BY course_nature
