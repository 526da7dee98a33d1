-- The grade rows the grades metrics may count: every attempt (正常, 缓考, 补考, 重修) in the courses and
-- of the students the filters select, with the student's current level, college and major (after any
-- 转专业). Included by the metrics (sql/README.md, includes); runnable on its own.
--   filters: entry cohort range, level, college, major (the student's); course nature (the course's).
--   term_index: (academic_year − entry_year) × 2 + term, so 1 = the cohort's first autumn term; NULL
--   for summer terms (3), which have no place in the two-term sequence. It is calendar time since
--   entry: a student back from 休学 sits a later term index than classmates at the same point.
--   rows dated before the student's entry year are data errors and left out.
SELECT
  g.student_id,
  g.entry_year,
  s.level,
  s.college,
  s.major,
  g.course_id,
  g.course_name,
  g.course_nature,
  g.teaching_dept,
  g.credits,
  g.academic_year,
  g.term,
  CASE WHEN g.term IN (1, 2) THEN ((g.academic_year - g.entry_year) * 2 + g.term)::INTEGER END AS term_index,
  g.score,
  g.grade_text,
  g.grade_point,
  g.exam_type
FROM grades AS g
JOIN students AS s USING (student_id)
WHERE g.academic_year >= g.entry_year
  AND ($cohort_from IS NULL OR g.entry_year >= $cohort_from)
  AND ($cohort_to IS NULL OR g.entry_year <= $cohort_to)
  AND ($level IS NULL OR s.level = $level)
  AND ($college IS NULL OR s.college = $college)
  AND ($major IS NULL OR s.major = $major)
  AND ($course_nature IS NULL OR g.course_nature = $course_nature)
