-- The status timeline: DuckDB macros every status metric builds on (installed once per database by
-- analytics/metrics/status/macros.ts). The rules they implement are written out in README.md beside
-- this file; the comments here say where each rule lives.
--
-- Entry cohort (年级): students.entry_year, for life (DOMAIN.md, IPEDS). 降级 and 转专业 move a student
-- to another class, major or expected graduation; they never change the cohort, and every window is
-- measured from the cohort's entry.

-- The school calendar for status purposes (our rule): academic year Y (2021 = 2021-2022) runs from
-- 1 September Y to 31 August Y+1; term 1 = 1 September – 31 January, term 2 = 1 February – 31 August
-- (the summer belongs to the spring term). Entry is 1 September of the entry year.
CREATE OR REPLACE MACRO status_academic_year(d) AS
  CAST(year(d) - CASE WHEN month(d) >= 9 THEN 0 ELSE 1 END AS INTEGER);

CREATE OR REPLACE MACRO status_term_of_year(d) AS
  CASE WHEN month(d) >= 9 OR month(d) = 1 THEN 1 ELSE 2 END;

-- Term index since entry: 1 = the cohort's first autumn term, 2 its first spring term … (the numbering
-- of the grade metrics). A date before entry counts as term 1; no date, no term (greatest() would
-- skip the NULL).
CREATE OR REPLACE MACRO status_term_index(d, entry_year) AS
  CASE WHEN d IS NOT NULL
       THEN CAST(greatest(1, (status_academic_year(d) - entry_year) * 2 + status_term_of_year(d)) AS INTEGER) END;

-- The last day of term index k of a cohort (31 January or 31 August).
CREATE OR REPLACE MACRO status_term_end(entry_year, k) AS
  CASE WHEN k % 2 = 1 THEN make_date(CAST(entry_year + (k - 1) // 2 + 1 AS BIGINT), 1, 31)
       ELSE make_date(CAST(entry_year + (k - 1) // 2 + 1 AS BIGINT), 8, 31) END;

-- The day after a window of f × 学制 from entry, in whole months (IPEDS: 150% of normal time):
-- 4 years × 1.5 = 72 months → 1 September, entry + 6; 3 years × 1.5 = 54 months → 1 March, entry + 5.
-- Graduating before this day is graduating within the window.
CREATE OR REPLACE MACRO status_window_end(entry_year, duration_years, f) AS
  CAST(make_date(CAST(entry_year AS BIGINT), 9, 1) + to_months(CAST(round(duration_years * 12 * f) AS INTEGER)) AS DATE);

-- Status codes grouped into the categories the metrics count (README.md, "Statuses").
CREATE OR REPLACE MACRO status_category(status) AS
  CASE
    WHEN status = '在读' THEN 'enrolled'
    WHEN status IN ('休学', '保留学籍') THEN 'on_leave'
    WHEN status IN ('退学', '肄业', '放弃学籍', '开除学籍') THEN 'withdrawn'
    WHEN status = '转学' THEN 'transferred'
    WHEN status = '毕业' THEN 'graduated'
    WHEN status = '结业' THEN 'completed'
    WHEN status = '死亡' THEN 'deceased'
    -- Codes we do not know are kept on the register rather than guessed into an outcome.
    ELSE 'enrolled'
  END;

-- Whether a category ends a student's time at the school (the outcome is then fixed).
CREATE OR REPLACE MACRO status_is_terminal(category) AS
  category IN ('withdrawn', 'transferred', 'graduated', 'completed', 'deceased');

-- Death is recorded either as its own change type or as the reason of a 退学-like change.
CREATE OR REPLACE MACRO status_is_death(change_type, reason) AS
  change_type = '死亡'
  OR (change_type IN ('退学', '放弃学籍') AND regexp_matches(coalesce(reason, ''), '死亡|病故|去世|身故'));

-- Military service under 保留学籍 (Art. 27): the IPEDS exclusion for the armed forces.
CREATE OR REPLACE MACRO status_is_military(reason) AS
  regexp_matches(coalesce(reason, ''), '入伍|参军|服兵役|服役|应征');

-- The status a change leaves the student in; NULL for changes that move a student but keep the status
-- (转专业, 降级, 留级, 延期毕业, 转入 …). 转学 is a transfer out.
CREATE OR REPLACE MACRO status_after_change(change_type, reason) AS
  CASE
    WHEN status_is_death(change_type, reason) THEN '死亡'
    WHEN change_type IN ('休学', '保留学籍') THEN change_type
    WHEN change_type IN ('复学', '恢复学籍') THEN '在读'
    WHEN change_type IN ('退学', '放弃学籍', '开除学籍') THEN '退学'
    WHEN change_type = '转学' THEN '转学'
    ELSE NULL
  END;

-- Every dated event of every student, in order: status changes, then completion records (毕业 / 结业 /
-- 肄业, whose date is the outcome date). On the same day a change comes before a completion record
-- (a 退学 and its 肄业 certificate). event_seq numbers a student's events 1, 2, 3 …
CREATE OR REPLACE MACRO status_events() AS TABLE
  SELECT *, row_number() OVER (PARTITION BY student_id ORDER BY event_date, source_order, event_id) AS event_seq
  FROM (
    SELECT c.student_id, c.effective_date AS event_date, 0 AS source_order, c.change_id AS event_id,
           c.change_type AS event_type, c.reason, status_after_change(c.change_type, c.reason) AS status_after,
           c.from_college, c.from_major, c.to_college, c.to_major, NULL::BOOLEAN AS degree_awarded
    FROM status_changes AS c
    UNION ALL
    SELECT g.student_id, g.outcome_date, 1, 'graduation', g.outcome, NULL, g.outcome,
           NULL, NULL, NULL, NULL, g.degree_awarded
    FROM graduations AS g
  );

-- One row per student: entry, the college and major now and at entry, the status now with its date,
-- the status at the end of the first year, and the exclusion flag (README.md, "Outcomes").
--   final_status: a dated terminal event wins; else a terminal status in the register (students.status)
--     with no dated event behind it (undated = true: counted in status-now figures, left out of timed
--     measures); else the register's status (enrolled or on leave now).
--   outcome_date: the day the student left or completed (for a withdrawal, the first 退学 even when a
--     肄业 certificate follows); NULL when still on the register or undated.
--   excluded: 'deceased', or 'military' when on 保留学籍 for military service at the as-of date.
CREATE OR REPLACE MACRO status_students(as_of) AS TABLE
  WITH ev AS (
    SELECT e.*, s.entry_year FROM status_events() AS e JOIN students AS s USING (student_id)
  ),
  per_student AS (
    SELECT
      student_id,
      arg_max(status_after, event_seq) FILTER (WHERE status_after IS NOT NULL) AS event_status,
      arg_max(event_date, event_seq) FILTER (WHERE status_after IS NOT NULL) AS event_status_date,
      min(event_date) FILTER (WHERE status_category(status_after) = 'withdrawn') AS withdrawal_date,
      arg_max(status_after, event_seq) FILTER (WHERE status_after IS NOT NULL AND event_date <= status_term_end(entry_year, 2)) AS status_end_y1,
      arg_max(reason, event_seq) FILTER (WHERE event_type = '保留学籍') AS reservation_reason,
      arg_min(from_college, event_seq) FILTER (WHERE event_type = '转专业') AS first_from_college,
      arg_min(from_major, event_seq) FILTER (WHERE event_type = '转专业') AS first_from_major,
      bool_or(degree_awarded) AS degree_awarded,
      count(*) FILTER (WHERE source_order = 0) AS changes
    FROM ev
    GROUP BY student_id
  ),
  resolved AS (
    SELECT
      s.student_id, s.entry_year, s.level, s.duration_years, s.college, s.major, s.gender,
      coalesce(p.first_from_college, s.college) AS entry_college,
      coalesce(p.first_from_major, s.major) AS entry_major,
      s.status AS register_status,
      p.event_status, p.event_status_date, p.withdrawal_date, p.status_end_y1, p.reservation_reason,
      coalesce(p.degree_awarded, false) AS degree_awarded,
      coalesce(p.changes, 0)::INTEGER AS changes,
      CASE
        WHEN status_is_terminal(status_category(p.event_status)) THEN p.event_status
        WHEN status_is_terminal(status_category(s.status)) THEN s.status
        ELSE s.status
      END AS final_status,
      NOT status_is_terminal(status_category(p.event_status)) AND status_is_terminal(status_category(s.status)) AS undated
    FROM students AS s
    LEFT JOIN per_student AS p USING (student_id)
  )
  SELECT
    r.* EXCLUDE (event_status, event_status_date, withdrawal_date, status_end_y1, reservation_reason),
    status_category(r.final_status) AS final_category,
    CASE
      WHEN r.undated OR NOT status_is_terminal(status_category(r.final_status)) THEN NULL
      WHEN status_category(r.final_status) = 'withdrawn' THEN coalesce(r.withdrawal_date, r.event_status_date)
      ELSE r.event_status_date
    END AS outcome_date,
    CASE
      WHEN status_category(r.final_status) = 'deceased' THEN 'deceased'
      WHEN r.final_status = '保留学籍' AND status_is_military(r.reservation_reason) THEN 'military'
    END AS excluded,
    -- The category at the end of the first year (the start of the second), or NULL when not yet
    -- reached or unknowable (an undated outcome).
    CASE
      WHEN as_of < status_term_end(r.entry_year, 2) OR r.undated THEN NULL
      ELSE status_category(coalesce(r.status_end_y1, '在读'))
    END AS category_y1,
    status_term_index(as_of, r.entry_year) AS as_of_term
  FROM resolved AS r;

-- One row per student and term index, from term 1 to the term of the outcome (or of the as-of date):
-- the status at the start and at the end of the term and the college and major at its start (a
-- 转专业 in term k takes effect for term k + 1). Undated outcomes are not placed in time: such a
-- student's terms show the register status they had on the dated record (or 在读).
CREATE OR REPLACE MACRO status_terms(as_of) AS TABLE
  WITH st AS (
    SELECT student_id, entry_year, level, college, major, entry_college, entry_major, outcome_date,
           least(as_of_term, coalesce(status_term_index(outcome_date, entry_year), as_of_term)) AS last_term
    FROM status_students(as_of)
    WHERE make_date(CAST(entry_year AS BIGINT), 9, 1) <= as_of
  ),
  grid AS (
    SELECT student_id, entry_year, level, college, major, entry_college, entry_major,
           unnest(range(1, last_term + 1))::INTEGER AS term_index
    FROM st
  ),
  ev AS (
    SELECT e.*, status_term_index(e.event_date, s.entry_year) AS term_index
    FROM status_events() AS e JOIN students AS s USING (student_id)
  ),
  status_in_term AS (
    SELECT student_id, term_index, arg_max(status_after, event_seq) AS status_after
    FROM ev WHERE status_after IS NOT NULL
    GROUP BY ALL
  ),
  move_in_term AS (
    SELECT student_id, term_index, arg_max(to_college, event_seq) AS to_college, arg_max(to_major, event_seq) AS to_major
    FROM ev WHERE event_type = '转专业' AND to_major IS NOT NULL
    GROUP BY ALL
  ),
  -- Equality joins and running "last non-null" windows: much faster than as-of joins on the grid.
  marked AS (
    SELECT g.*, s.status_after AS status_change, m.to_college, m.to_major
    FROM grid AS g
    LEFT JOIN status_in_term AS s USING (student_id, term_index)
    LEFT JOIN move_in_term AS m USING (student_id, term_index)
  )
  SELECT
    student_id, entry_year, level, term_index,
    CAST(entry_year + (term_index - 1) // 2 AS INTEGER) AS academic_year,
    CAST(2 - term_index % 2 AS INTEGER) AS term,
    coalesce(last_value(status_change IGNORE NULLS) OVER before_term, '在读') AS status_start,
    coalesce(last_value(status_change IGNORE NULLS) OVER to_term, '在读') AS status_end,
    coalesce(last_value(to_college IGNORE NULLS) OVER before_term, entry_college) AS college_start,
    coalesce(last_value(to_major IGNORE NULLS) OVER before_term, entry_major) AS major_start
  FROM marked
  WINDOW
    to_term AS (PARTITION BY student_id ORDER BY term_index ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
    before_term AS (PARTITION BY student_id ORDER BY term_index ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING);

-- The data's as-of date: the latest day the archive's records speak for — the latest status change or
-- completion, or the end of the latest term with results (term 1 → 31 January, terms 2 and 3 → 31
-- August); with none of these (a register alone), the newest cohort's entry day. Windows that end
-- after it are "not yet measurable", and students still on the register are censored at it.
CREATE OR REPLACE MACRO status_data_as_of() AS TABLE
  SELECT coalesce(
    greatest(
      (SELECT max(effective_date) FROM status_changes),
      (SELECT max(outcome_date) FROM graduations),
      (SELECT max(CASE WHEN term = 1 THEN make_date(CAST(academic_year + 1 AS BIGINT), 1, 31)
                       ELSE make_date(CAST(academic_year + 1 AS BIGINT), 8, 31) END) FROM grades)
    ),
    (SELECT make_date(CAST(max(entry_year) AS BIGINT), 9, 1) FROM students)
  ) AS as_of;
