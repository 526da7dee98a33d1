-- Value rules for status changes (format: see rules/students.sql). The change types are those of
-- 《普通高等学校学生管理规定》 (see DOMAIN.md); a school with others adds them here.

-- rule status_changes.change-type: the change type is a known one
CASE WHEN change_type IS NOT NULL AND change_type NOT IN ('休学', '复学', '保留学籍', '恢复学籍', '退学', '放弃学籍', '转专业', '转学', '降级', '留级', '延期毕业')
     THEN 'change_type: "' || change_type || '" is not a known change (休学, 复学, 保留学籍, 恢复学籍, 退学, 放弃学籍, 转专业, 转学, 降级, 留级, 延期毕业)' END

-- rule status_changes.effective-date: the effective date lies between 1949-10-01 and a year from today
CASE WHEN typed.effective_date NOT BETWEEN DATE '1949-10-01' AND current_date + INTERVAL 366 DAY
     THEN 'effective_date: ' || effective_date || ' is not between 1949-10-01 and a year from today' END

-- rule status_changes.expected-graduation: an expected graduation year lies between 1949 and 2100
CASE WHEN typed.from_expected_graduation NOT BETWEEN 1949 AND 2100
       OR typed.to_expected_graduation NOT BETWEEN 1949 AND 2100
     THEN 'expected graduation: ' || coalesce(from_expected_graduation, '') || ' → ' || coalesce(to_expected_graduation, '') || ' is not between 1949 and 2100' END
