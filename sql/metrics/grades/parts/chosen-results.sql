-- The results the grades metrics count, one per student and course, under the attempt rule $attempt
-- (DOMAIN.md: GPA is usually computed on first attempts; later attempts are counted by a
-- configurable rule):
--   first (default): the regular sitting (正常) with a result. 补考 and 重修 are later attempts; 缓考 has
--          no result, so a deferred sitting is not counted (the hand-checked trend figures rely on it).
--          缺考 is recorded as score 0 and counts as a fail.
--   best:   the highest score over every attempt with a result (正常, the deferred exam, 补考, 重修);
--           a tie goes to the earlier attempt.
--   latest: the last attempt with a result, ordered by academic year, term, then 正常 < 缓考 < 补考 < 重修
--           within a term.
-- Under best and latest the result keeps the place of the course's first sitting (academic year, term,
-- term index): a retake in summer or a later term changes how that term ended, it does not add a
-- course to another term. Columns: those of parts/scoped-grades.
WITH scoped AS (
  {{> metrics/grades/parts/scoped-grades}}
),
placed AS (
  SELECT
    *,
    -- when the attempt was sat: year, term, then the exam's order within the term
    (academic_year * 10 + term) * 4
      + CASE exam_type WHEN '正常' THEN 0 WHEN '缓考' THEN 1 WHEN '补考' THEN 2 ELSE 3 END AS sat,
    min(academic_year * 10 + term) OVER (PARTITION BY student_id, course_id) AS first_sitting
  FROM scoped
  WHERE coalesce($attempt, 'first') <> 'first'
),
ranked AS (
  SELECT
    *,
    row_number() OVER (
      PARTITION BY student_id, course_id
      ORDER BY
        CASE WHEN $attempt = 'best' THEN score END DESC NULLS LAST,
        CASE WHEN $attempt = 'best' THEN sat ELSE -sat END
    ) AS pick
  FROM placed
  WHERE score IS NOT NULL
)
SELECT * FROM scoped
WHERE coalesce($attempt, 'first') = 'first' AND exam_type = '正常' AND score IS NOT NULL
UNION ALL
SELECT * EXCLUDE (sat, first_sitting, pick) REPLACE (
  first_sitting // 10 AS academic_year,
  first_sitting % 10 AS term,
  CASE WHEN first_sitting % 10 IN (1, 2) THEN ((first_sitting // 10 - entry_year) * 2 + first_sitting % 10)::INTEGER END AS term_index
)
FROM ranked
WHERE pick = 1
