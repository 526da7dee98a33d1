-- Headcount cells (included by change-rates.sql; written as the status-headcount rollup): students on
-- the register (在读, 休学 or 保留学籍) at the start of each term, per entry cohort × level × college and
-- major at the term's start × academic year × term (status_terms). A student is on one cell per term,
-- so the counts add up over any selection of cells.
SELECT entry_year, level, college_start, major_start, academic_year, term, count(*)::INTEGER AS enrolled
FROM status_terms($as_of::DATE)
WHERE status_category(status_start) IN ('enrolled', 'on_leave')
GROUP BY ALL
