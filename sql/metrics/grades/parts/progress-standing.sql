-- Student progress, the standing: per student and term index in which they have a result (present
-- that term), their cumulative GPA and failed credits at the end of the term, among the attempts sat
-- so far (parts/scoped-grades: filters, course nature included). Included by student-progress.sql
-- and by the progress rollup (sql/rollups/student-progress-standing), so both count alike.
--   as of the end of term t: every attempt sat up to then counts — a summer retake (term 3) after
--   term t's year counts from term t + 1 on — and each course stands by the attempt rule among those
--   attempts ($attempt: first = the 正常 result only, so a failure stays failed; best = the highest
--   score so far; latest = the last result so far). That is how a student's record looked that day.
--   cumulative GPA: Σ credits × grade point / Σ credits over the courses with a grade point (NULL
--   without one), rounded to 9 places; failed credits: Σ credits of the courses standing below 60,
--   rounded to 6 places. Rounded because the sums are taken in whatever order the rows arrive, which
--   moves the last bit: a GPA of exactly 3 must not come out as 2.9999999999999996 and fall a band
--   (nor differ between this query and the rollup); a GPA is a ratio of sums of a few hundred credits
--   × grade points of two decimals, so a true value is never within 1e-9 of a band edge without being on it.
-- How: each attempt changes its course's standing; the change (new minus previous contribution) is
-- summed over all attempts up to the term (running sums), so no course is re-read per term.
WITH attempts AS (
  SELECT
    student_id, entry_year, course_id, credits, score, grade_point,
    -- the end of which term the attempt counts at: summer counts after term 2 of its year
    CASE WHEN term IN (1, 2) THEN term_index ELSE (academic_year - entry_year) * 2 + 2.5 END AS at_term,
    CASE exam_type WHEN '正常' THEN 0 WHEN '缓考' THEN 1 WHEN '补考' THEN 2 ELSE 3 END AS exam_order
  FROM ({{> metrics/grades/parts/scoped-grades}}) AS g
  WHERE score IS NOT NULL
    AND (coalesce($attempt, 'first') <> 'first' OR exam_type = '正常')
),
standing AS (
  -- the course's standing after each attempt, by the attempt rule
  SELECT
    *,
    CASE coalesce($attempt, 'first')
      WHEN 'best' THEN max(score) OVER running
      WHEN 'latest' THEN score
      ELSE first_value(score) OVER running
    END AS standing_score,
    CASE coalesce($attempt, 'first')
      WHEN 'best' THEN arg_max(grade_point, score) OVER running
      WHEN 'latest' THEN grade_point
      ELSE first_value(grade_point) OVER running
    END AS standing_point
  FROM attempts
  WINDOW running AS (PARTITION BY student_id, course_id ORDER BY at_term, exam_order ROWS UNBOUNDED PRECEDING)
),
contribution AS (
  SELECT
    student_id, entry_year, course_id, at_term, exam_order,
    CASE WHEN standing_point IS NOT NULL THEN credits * standing_point ELSE 0 END AS points,
    CASE WHEN standing_point IS NOT NULL THEN credits ELSE 0 END AS point_credits,
    CASE WHEN standing_score < 60 THEN credits ELSE 0 END AS failed_credits
  FROM standing
),
changes AS (
  SELECT
    student_id, entry_year, at_term,
    points - coalesce(lag(points) OVER course, 0) AS d_points,
    point_credits - coalesce(lag(point_credits) OVER course, 0) AS d_point_credits,
    failed_credits - coalesce(lag(failed_credits) OVER course, 0) AS d_failed
  FROM contribution
  WINDOW course AS (PARTITION BY student_id, course_id ORDER BY at_term, exam_order)
),
per_term AS (
  SELECT student_id, entry_year, at_term, sum(d_points) AS d_points, sum(d_point_credits) AS d_point_credits, sum(d_failed) AS d_failed
  FROM changes
  GROUP BY ALL
),
cumulative AS (
  SELECT
    student_id, entry_year, at_term,
    round(sum(d_points) OVER student / nullif(sum(d_point_credits) OVER student, 0), 9) AS gpa,
    round(sum(d_failed) OVER student, 6) AS failed
  FROM per_term
  WINDOW student AS (PARTITION BY student_id ORDER BY at_term ROWS UNBOUNDED PRECEDING)
)
SELECT entry_year, at_term::INTEGER AS term_index, student_id, gpa, failed
FROM cumulative
WHERE at_term = floor(at_term)
