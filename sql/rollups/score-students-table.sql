-- Score students rollup, first: the bins a student can be counted in — every bin of each width the
-- histogram offers, as score-histogram.sql bins a score (least(floor(score / w) × w, 100 − w), so the
-- last bin holds 100) — each with the mask of the whole points (floor(score), 0–100) that fall in it;
-- and the table the grouping sets (rollups/score-students-set) are gathered in.
CREATE OR REPLACE TEMP TABLE score_students_bins AS
SELECT
  w AS bin_width,
  (k * w)::DOUBLE AS bin_lower,
  (((1::HUGEINT << w::HUGEINT) - 1) << (k * w)::HUGEINT)
    | (CASE WHEN k * w = 100 - w THEN 1::HUGEINT << 100::HUGEINT ELSE 0::HUGEINT END) AS mask
FROM (VALUES (1), (2), (5), (10)) AS widths(w), range(0, 100) AS ks(k)
WHERE k * w < 100;
CREATE OR REPLACE TEMP TABLE score_students_build (
  {{> rollups/score-set-columns}},
  bin_width INTEGER,
  bin_lower DOUBLE,
  students INTEGER
);
