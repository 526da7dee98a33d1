-- The status change records placed (included by change-rates.sql; written as the status-change-records
-- rollup): one row per change record with its student's cohort and level, the college and major where
-- it happened, and its period (definitions: change-rates.sql). Kept record by record, not counted:
-- change-rates counts distinct students per cell, which does not add up across records.
SELECT c.student_id, s.entry_year, s.level, c.change_type,
       coalesce(nullif(trim(c.reason), ''), '(未填)') AS reason,
       coalesce(c.from_college, s.college) AS college,
       coalesce(c.from_major, s.major) AS major,
       status_academic_year(c.effective_date) AS academic_year,
       status_term_of_year(c.effective_date)::INTEGER AS term,
       month(c.effective_date)::INTEGER AS month
FROM status_changes AS c
JOIN students AS s USING (student_id)
