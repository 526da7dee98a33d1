-- Value rules for graduations (format: see rules/students.sql).

-- rule graduations.outcome: the outcome is 毕业, 结业 or 肄业
CASE WHEN outcome IS NOT NULL AND outcome NOT IN ('毕业', '结业', '肄业') THEN 'outcome: "' || outcome || '" is not 毕业, 结业 or 肄业' END

-- rule graduations.outcome-date: the outcome date lies between 1949-10-01 and a year from today
CASE WHEN typed.outcome_date NOT BETWEEN DATE '1949-10-01' AND current_date + INTERVAL 366 DAY
     THEN 'outcome_date: ' || outcome_date || ' is not between 1949-10-01 and a year from today' END

-- rule graduations.degree: a degree is awarded only with 毕业
CASE WHEN typed.degree_awarded AND outcome IN ('结业', '肄业') THEN 'degree_awarded: a degree cannot go with ' || outcome END
