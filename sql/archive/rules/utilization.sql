-- Value rules for archive utilization requests (format: see rules/students.sql). Purposes and archive
-- categories stay open lists: vague purposes such as 查找 are a finding to report, not a reason to refuse.

-- rule utilization.requester-type: the requester type is a known one
CASE WHEN requester_type IS NOT NULL AND requester_type NOT IN ('在校生', '校友', '教职工', '校内部门', '社会单位', '用人单位', '政府机关')
     THEN 'requester_type: "' || requester_type || '" is not a known requester (在校生, 校友, 教职工, 校内部门, 社会单位, 用人单位, 政府机关)' END

-- rule utilization.channel: the channel is 现场, 委托代办, 邮寄, PC端, 移动端 or 自助终端
CASE WHEN channel IS NOT NULL AND channel NOT IN ('现场', '委托代办', '邮寄', 'PC端', '移动端', '自助终端')
     THEN 'channel: "' || channel || '" is not 现场, 委托代办, 邮寄, PC端, 移动端 or 自助终端' END

-- rule utilization.status: the status is 已完成, 处理中 or 已拒绝
CASE WHEN status IS NOT NULL AND status NOT IN ('已完成', '处理中', '已拒绝') THEN 'status: "' || status || '" is not 已完成, 处理中 or 已拒绝' END

-- rule utilization.counts: files used (卷次) and pages are not negative
CASE WHEN typed.items < 0 OR typed.pages < 0 THEN 'items/pages: ' || coalesce(items, '') || '/' || coalesce(pages, '') || ' must not be negative' END

-- rule utilization.completed: a request is not completed before it was made
CASE WHEN typed.completed_at < typed.requested_at
     THEN 'completed_at: ' || completed_at || ' is before requested_at ' || requested_at END
