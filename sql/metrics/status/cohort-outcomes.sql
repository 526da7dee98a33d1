-- Outcomes per entry cohort (× college, major or level when $by asks): first-year retention,
-- graduation within 100 %, 150 % and 200 % of normal time, transfer-outs, degrees, and the status now —
-- with the counts behind every rate (IPEDS-style definitions; README.md, "Outcomes").
--   n: students who entered. excluded: deceased, or on 保留学籍 for military service at the as-of date
--   (the IPEDS exclusions), counted apart and taken out of every rate's denominator:
--   n_adjusted = n − excluded.
--   Clock not stopped: time on 休学 or 保留学籍 counts toward every window (the student's 100 % window
--   ends 学制 years after entry whatever leave they took).
--   retained: at the end of the first year (31 August after entry) in school (在读), or already
--   graduated / completed; on leave, withdrawn and transferred are not retained. retention_rate =
--   retained / n_adjusted.
--   grad_100 / grad_150 / grad_200: 毕业 (not 结业) before the window's end: entry (1 September) plus
--   学制 × 12 × f months, f = 1, 1.5, 2 (4 years → 4, 6, 8). Rate = count / n_adjusted.
--   transferred_150: transferred out (转学) before the 150 % window's end — reported separately, neither
--   completers nor removed from the denominator.
--   *_state: 'measured'; 'not_yet' when the window has not ended for every student of the cell by the
--   as-of date (a window ends on the day before its end date); 'undated' when a student of the cell
--   has a terminal status in the register without a dated record that would place it in the window.
--   A count and rate whose state is not 'measured' are NULL — never 0.
--   Status now (these add up to n): enrolled, on_leave, graduated, completed (结业), withdrawn (退学
--   and 肄业), transferred, deceased. degrees: graduates awarded a degree; degree_rate = degrees /
--   graduated.
--   Filters on the student: cohort range, level, college and major now (after any 转专业).
--   Computed as cells (cohort × level × college × major: parts/outcome-cells) summed by parts/outcome-answer;
--   cohort-outcomes-from-rollup.sql sums the same cells from the status-outcomes rollup.
WITH cells AS (
{{> metrics/status/parts/outcome-cells}}
),
{{> metrics/status/parts/outcome-answer}};
