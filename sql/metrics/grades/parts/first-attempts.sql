-- First attempts for DFW rates (DOMAIN.md: the share of first-attempt results that fail or withdraw;
-- we count 不及格, 缺考 and withdrawal): the regular sitting (正常) of each course, from
-- parts/scoped-grades (filters), whatever the attempt rule — a DFW rate is a first-attempt measure.
--   dfw: a score below 60 (缺考 is recorded as 0, 不及格 as 50–55), or a withdrawal: a grade text W,
--   退课, 退选, 中期退课, 取消资格 or 取消考试资格, whatever score it carries.
--   A 正常 row without a score and without a withdrawal mark (a result still missing) is not a result
--   and is left out; 缓考 rows are not 正常 and are left out (the deferred exam is a later sitting).
SELECT
  *,
  (score < 60 OR coalesce(grade_text IN ('W', '退课', '退选', '中期退课', '取消资格', '取消考试资格'), false)) AS dfw
FROM (
  {{> metrics/grades/parts/scoped-grades}}
) AS g
WHERE exam_type = '正常'
  AND (score IS NOT NULL OR grade_text IN ('W', '退课', '退选', '中期退课', '取消资格', '取消考试资格'))
