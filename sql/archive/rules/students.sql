-- Value rules for students, checked on the mapped text of every row before it is accepted (types and
-- required columns are checked from sql/schema/tables.sql; these are the ranges and codes).
-- Format: each rule starts with a line "-- rule <id>: <what it requires>", then one expression that
-- yields the reason a row breaks it, or NULL (analytics/ingest/rules.ts reads this format). A column's
-- name is its text as mapped (for the reason); typed.<column>, for a column of a type other than text,
-- is its value as the schema types it, NULL where the text is missing or does not parse (the type rule
-- reports those), cast once per row for every rule. A value rule reads the row alone: it is checked
-- before the joins that find the student and repeated keys.

-- rule students.gender: gender is 男 or 女
CASE WHEN gender IS NOT NULL AND gender NOT IN ('男', '女') THEN 'gender: "' || gender || '" is not 男 or 女' END

-- rule students.level: level is 本科, 专科, 硕士 or 博士
CASE WHEN level IS NOT NULL AND level NOT IN ('本科', '专科', '硕士', '博士') THEN 'level: "' || level || '" is not 本科, 专科, 硕士 or 博士' END

-- rule students.status: status is a known student status
CASE WHEN status IS NOT NULL AND status NOT IN ('在读', '休学', '保留学籍', '退学', '转学', '毕业', '结业', '肄业', '放弃学籍', '开除学籍')
     THEN 'status: "' || status || '" is not a known status (在读, 休学, 保留学籍, 退学, 转学, 毕业, 结业, 肄业, 放弃学籍, 开除学籍)' END

-- rule students.entry-year: the entry year lies between 1949 and next year
CASE WHEN typed.entry_year NOT BETWEEN 1949 AND year(current_date) + 1
     THEN 'entry_year: ' || entry_year || ' is not between 1949 and ' || (year(current_date) + 1) END

-- rule students.duration: the length of study (学制) is 1 to 10 years
CASE WHEN typed.duration_years NOT BETWEEN 1 AND 10 THEN 'duration_years: ' || duration_years || ' is not 1 to 10' END

-- rule students.birth-date: the birth date lies between 1900 and today
CASE WHEN typed.birth_date NOT BETWEEN DATE '1900-01-01' AND current_date
     THEN 'birth_date: ' || birth_date || ' is not between 1900-01-01 and today' END

-- rule students.entrance-score: an entrance score is 0 to 1000
CASE WHEN typed.entrance_score NOT BETWEEN 0 AND 1000 THEN 'entrance_score: ' || entrance_score || ' is not 0 to 1000' END
