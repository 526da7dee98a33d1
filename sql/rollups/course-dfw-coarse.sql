-- Course DFW rollup, after every cohort: the coarser grains summed from the finest (grain 2, per level,
-- college and major) — grain 1 keeps the level, grain 0 only the entry year — so that a view without
-- a student filter reads a few thousand rows instead of every major's. Results, DFW and distinct
-- students add up over levels, colleges and majors (a student is in one of each); first and last year
-- are the least and greatest; the latest name, teaching college and nature are the latest of the cells'.
INSERT INTO course_dfw_build BY NAME
SELECT
  part, kept,
  {{grain}}::TINYINT AS grain,
  course_id, academic_year, teaching_dept, course_nature, entry_year,
  {{level}} AS level,
  sum(n)::INTEGER AS n,
  sum(students)::INTEGER AS students,
  sum(dfw)::INTEGER AS dfw,
  min(first_year) AS first_year,
  max(last_year) AS last_year,
  arg_max(latest_name, name_at) AS latest_name,
  max(name_at) AS name_at,
  arg_max(latest_dept, dept_at) AS latest_dept,
  max(dept_at) AS dept_at,
  arg_max(latest_nature, nature_at) AS latest_nature,
  max(nature_at) AS nature_at
FROM course_dfw_build
WHERE grain = 2
GROUP BY ALL;
