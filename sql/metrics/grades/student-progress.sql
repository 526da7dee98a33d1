-- Student progress: per entry cohort × term index, the students by cumulative GPA band and by
-- accumulated failed credits at the end of that term, against the academic-warning thresholds
-- ($warning_gpa: below it is a warning; $warning_credits and $serious_credits: failed credits at or
-- above them are a warning and a serious warning; the route gives the school's configured values).
--   as of the end of term t: every attempt sat up to then counts — a summer retake (term 3) after
--   term t's year counts from term t + 1 on — and each course stands by the attempt rule among those
--   attempts ($attempt: first = the 正常 result only, so a failure stays failed; best = the highest
--   score so far; latest = the last result so far). That is how a student's record looked that day.
--   cumulative GPA: Σ credits × grade point / Σ credits over the courses with a grade point;
--   failed credits: Σ credits of the courses standing below 60.
--   a student appears in the terms in which they have a result with a term index (present that term).
--   GPA bands (band 0, 1, …): [0, $warning_gpa); then whole grade points from the line on —
--   [$warning_gpa, ⌊$warning_gpa⌋ + 1), [⌊$warning_gpa⌋ + 1, ⌊$warning_gpa⌋ + 2) … — so the warning line
--   is always a band edge. Failed-credit bands: 0 = none; 1 = (0, $warning_credits);
--   2 = [$warning_credits, $serious_credits); 3 = $serious_credits or more (upper NULL).
--   warning: the band is at or past a warning line.
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
    sum(d_points) OVER student / nullif(sum(d_point_credits) OVER student, 0) AS gpa,
    round(sum(d_failed) OVER student, 6) AS failed
  FROM per_term
  WINDOW student AS (PARTITION BY student_id ORDER BY at_term ROWS UNBOUNDED PRECEDING)
),
present AS (
  SELECT entry_year, at_term::INTEGER AS term_index, student_id, gpa, failed
  FROM cumulative
  WHERE at_term = floor(at_term)
),
gpa_bands AS (
  SELECT
    entry_year, term_index,
    CASE WHEN gpa < $warning_gpa THEN 0 ELSE floor(gpa) - floor($warning_gpa) + 1 END AS band,
    CASE WHEN gpa < $warning_gpa THEN 0 ELSE greatest($warning_gpa, floor(gpa)) END AS lower,
    CASE WHEN gpa < $warning_gpa THEN $warning_gpa ELSE floor(gpa) + 1 END AS upper,
    gpa < $warning_gpa AS warning
  FROM present
  WHERE gpa IS NOT NULL
),
failed_bands AS (
  SELECT
    entry_year, term_index,
    CASE WHEN failed <= 0 THEN 0 WHEN failed < $warning_credits THEN 1 WHEN failed < $serious_credits THEN 2 ELSE 3 END AS band,
    CASE WHEN failed < $warning_credits THEN 0 WHEN failed < $serious_credits THEN $warning_credits ELSE $serious_credits END AS lower,
    CASE WHEN failed <= 0 THEN 0 WHEN failed < $warning_credits THEN $warning_credits WHEN failed < $serious_credits THEN $serious_credits END AS upper,
    failed >= $warning_credits AS warning
  FROM present
)
SELECT
  entry_year, term_index, kind, band::INTEGER AS band, lower::DOUBLE AS lower, upper::DOUBLE AS upper, warning,
  count(*)::INTEGER AS students,
  count(*) / sum(count(*)) OVER (PARTITION BY entry_year, term_index, kind) AS share
FROM (
  SELECT 'gpa' AS kind, * FROM gpa_bands
  UNION ALL BY NAME
  SELECT 'failed_credits' AS kind, * FROM failed_bands
)
GROUP BY entry_year, term_index, kind, band, lower, upper, warning
ORDER BY entry_year, term_index, kind DESC, band;
