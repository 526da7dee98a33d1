-- Value rules for awards and punishments (format: see rules/students.sql).

-- rule awards_punishments.level: the level is 国家级, 省级, 市级, 校级 or 院级
CASE WHEN level IS NOT NULL AND level NOT IN ('国家级', '省级', '市级', '校级', '院级') THEN 'level: "' || level || '" is not 国家级, 省级, 市级, 校级 or 院级' END

-- rule awards_punishments.date: the date lies between 1949-10-01 and a year from today
CASE WHEN typed."date" NOT BETWEEN DATE '1949-10-01' AND current_date + INTERVAL 366 DAY
     THEN 'date: ' || "date" || ' is not between 1949-10-01 and a year from today' END

-- rule awards_punishments.revoked: a revocation is not dated before the record itself
CASE WHEN typed.revoked_date < typed."date" THEN 'revoked_date: ' || revoked_date || ' is before the date ' || "date" END
