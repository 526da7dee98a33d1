-- Score students rollup, once per grouping set: the distinct students behind the counted results (the
-- chosen results, summer terms included). They do not add up over academic years, course natures,
-- teaching colleges or score bins, only over disjoint sets of students; so each row is one entry
-- cohort (× level × college × major when the set keeps them: a student has one of each, so a lookup
-- may add those rows up) × exactly the year, nature, teaching college and bin a question asks for —
-- kept says which: bins 64, academic year 32, level + college + major 28, course nature 2, teaching
-- college 1; a dimension not kept is NULL = all. How: each student's whole points (floor(score))
-- within the set's other dimensions as one 101-bit mask, then a student counts in each bin whose
-- mask it meets (floor(score / w) = floor(floor(score) / w) for a whole width w). A set without bins
-- counts each student once (one bin of every mask, width NULL): a box plot's group, a year.
INSERT INTO score_students_build
SELECT
  {{> rollups/score-set-keys}},
  b.bin_width,
  b.bin_lower,
  count(*)::INTEGER AS students
FROM (
  SELECT
    student_id, entry_year, level, college, major,
    {{academic_year}} AS academic_year,
    {{course_nature}} AS course_nature,
    {{teaching_dept}} AS teaching_dept,
    bit_or(1::HUGEINT << floor(score)::HUGEINT) AS points
  FROM read_parquet({{chosen}})
  GROUP BY ALL
) AS present
JOIN ({{bins}}) AS b ON (present.points & b.mask) <> 0
GROUP BY ALL;
