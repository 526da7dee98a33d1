-- Value rules for grades (format: see rules/students.sql).

-- rule grades.score: a score is on the percentage scale, 0 to 100
CASE WHEN typed.score NOT BETWEEN 0 AND 100 THEN 'score: ' || score || ' is not 0 to 100' END

-- rule grades.credits: credits are more than 0 and at most 30
CASE WHEN typed.credits <= 0 OR typed.credits > 30 THEN 'credits: ' || credits || ' is not more than 0 and at most 30' END

-- rule grades.grade-point: a grade point is 0 to 5
CASE WHEN typed.grade_point NOT BETWEEN 0 AND 5 THEN 'grade_point: ' || grade_point || ' is not 0 to 5' END

-- rule grades.term: the term is 1, 2 or 3 (summer)
CASE WHEN typed.term NOT BETWEEN 1 AND 3 THEN 'term: ' || term || ' is not 1, 2 or 3' END

-- rule grades.academic-year: the academic year (its start year) lies between 1949 and next year
CASE WHEN typed.academic_year NOT BETWEEN 1949 AND year(current_date) + 1
     THEN 'academic_year: ' || academic_year || ' is not between 1949 and ' || (year(current_date) + 1) END

-- rule grades.exam-type: the exam type is 正常, 补考, 重修 or 缓考
CASE WHEN exam_type IS NOT NULL AND exam_type NOT IN ('正常', '补考', '重修', '缓考')
     THEN 'exam_type: "' || exam_type || '" is not 正常, 补考, 重修 or 缓考' END
