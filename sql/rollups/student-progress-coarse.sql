-- Student progress rollup, after every cohort: the coarser grains summed from the finest (grain 2) —
-- grain 1 keeps the level, grain 0 only the cohort — so that a view without a student filter reads a
-- few thousand rows. Students add up over levels, colleges and majors (a student is in one of each).
INSERT INTO student_progress_build BY NAME
SELECT
  kind, {{grain}}::TINYINT AS grain, kept, course_nature, entry_year, term_index,
  {{level}} AS level,
  gpa_bin, failed,
  sum(students)::INTEGER AS students
FROM student_progress_build
WHERE grain = 2
GROUP BY ALL;
