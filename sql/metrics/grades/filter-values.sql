-- Every value the grades filters can match in the current version: levels, colleges and majors of the
-- students; natures, teaching colleges and ids of the courses. The routes answer a filter value that is
-- not among them with an empty answer at once, instead of running a metric that can only find nothing.
SELECT 'level' AS field, level AS value FROM students GROUP BY level
UNION ALL SELECT 'college', college FROM students GROUP BY college
UNION ALL SELECT 'major', major FROM students GROUP BY major
UNION ALL SELECT 'course_nature', course_nature FROM grades WHERE course_nature IS NOT NULL GROUP BY course_nature
UNION ALL SELECT 'teaching_dept', teaching_dept FROM grades WHERE teaching_dept IS NOT NULL GROUP BY teaching_dept
UNION ALL SELECT 'course_id', course_id FROM grades GROUP BY course_id;
