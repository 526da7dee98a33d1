-- Student progress rollup, per cohort and nature after rollups/student-progress-standing: the students
-- per cumulative-GPA bin of 0.01 (⌊GPA × 100⌋ in decimal arithmetic: the GPA is rounded to 9 places, so
-- its decimal value is exact and 2.3 falls in bin 230, not 229) and per exact failed-credit value, at
-- the finest grain (2: level, college and major).
INSERT INTO student_progress_build BY NAME
SELECT
  'gpa' AS kind, 2::TINYINT AS grain, kept, course_nature, entry_year, term_index, level, college, major,
  floor(gpa::DECIMAL(18, 9) * 100)::INTEGER AS gpa_bin,
  count(*)::INTEGER AS students
FROM student_progress_standing
WHERE gpa IS NOT NULL
GROUP BY ALL;
INSERT INTO student_progress_build BY NAME
SELECT
  'failed_credits' AS kind, 2::TINYINT AS grain, kept, course_nature, entry_year, term_index, level, college, major,
  failed,
  count(*)::INTEGER AS students
FROM student_progress_standing
GROUP BY ALL;
DROP TABLE student_progress_standing;
