// The one i18n dictionary of the web app (DESIGN.md: "one i18n dictionary").
//
// - Every UI string lives in `messages` below, in both languages; components call `t(key)`.
// - Codes that appear in the data (层次 本科/专科, 考试类型 …) are translated by `tCode(domain, code)`;
//   names of colleges and majors are proper names and stay Chinese in English mode.
// - The current locale is reactive ($state), zh-CN by default, and remembered in localStorage.
//   Reading `t()` inside markup, $derived or $effect re-runs them when the locale changes.

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'xueji.locale';

type Entry = { zh: string; en: string };

const messages = {
	// shell
	'app.name': { zh: '学籍洞察', en: 'Xueji Insight' },
	'app.altName': { zh: 'Xueji Insight', en: '学籍洞察' },
	'app.tagline': { zh: '学籍档案分析平台', en: 'Student-record archive analytics' },
	'nav.label': { zh: '主导航', en: 'Main navigation' },
	'nav.skip': { zh: '跳到主要内容', en: 'Skip to content' },
	'nav.overview': { zh: '总览', en: 'Overview' },
	'nav.grades': { zh: '成绩', en: 'Grades' },
	'nav.status': { zh: '学籍异动', en: 'Status' },
	'nav.utilization': { zh: '档案利用', en: 'Utilization' },
	'nav.reports': { zh: '报表', en: 'Reports' },
	'nav.archive': { zh: '档案接收', en: 'Archive' },
	'nav.admin': { zh: '管理', en: 'Admin' },
	'lang.label': { zh: '界面语言', en: 'Interface language' },
	'footer.version': { zh: '数据版本', en: 'Data version' },
	'footer.students': { zh: '学生 {n} 人', en: '{n} students' },
	'footer.loading': { zh: '正在连接数据服务…', en: 'Connecting to the data service…' },
	'footer.unavailable': { zh: '数据服务暂不可用', en: 'Data service unavailable' },
	'footer.note': {
		zh: '数据来自学籍档案；小样本单元格由服务端抑制。',
		en: 'Data from the archived student records; small cells are suppressed by the server.',
	},
	'common.loading': { zh: '加载中…', en: 'Loading…' },
	'footer.noData': { zh: '档案中尚无数据', en: 'The archive holds no data yet' },

	// sign-in
	'auth.checking': { zh: '正在确认登录状态…', en: 'Checking your session…' },
	'auth.redirecting': { zh: '请先登录，正在转到登录页…', en: 'Please sign in; opening the sign-in page…' },
	'auth.unreachable': { zh: '无法连接数据服务：{message}', en: 'Cannot reach the data service: {message}' },
	'auth.signOut': { zh: '退出', en: 'Sign out' },
	'auth.account': { zh: '当前账号', en: 'Signed in as' },
	'login.title': { zh: '登录', en: 'Sign in' },
	'login.subtitle': {
		zh: '学籍档案数据仅向授权人员开放，每次访问均记入审计日志。',
		en: 'The student-record archive is open to authorized staff only; every access is audited.',
	},
	'login.username': { zh: '用户名', en: 'User name' },
	'login.password': { zh: '密码', en: 'Password' },
	'login.submit': { zh: '登录', en: 'Sign in' },
	'login.submitting': { zh: '正在登录…', en: 'Signing in…' },
	'login.failed': { zh: '登录失败', en: 'Sign-in failed' },
	'login.wrong': {
		zh: '用户名或密码错误，或账号已停用。',
		en: 'Wrong user name or password, or the account is disabled.',
	},
	'login.demoTitle': { zh: '演示账号', en: 'Demo accounts' },
	'login.demoHint': {
		zh: '演示模式：密码均为 {password}，点击账号即可填入。',
		en: 'Demo mode: the password is {password} for all; click an account to fill it in.',
	},
	'role.leader': { zh: '校领导', en: 'School leader' },
	'role.teaching_affairs': { zh: '教务处', en: 'Teaching affairs office' },
	'role.college': { zh: '学院', en: 'College' },
	'role.archivist': { zh: '档案馆', en: 'Archives' },
	'role.admin': { zh: '系统管理员', en: 'Administrator' },

	// privacy
	'suppression.note': {
		zh: '为保护个人隐私，人数少于 {threshold} 人的 {cells} 个单元格已隐藏（图中断开处）。',
		en: 'To protect privacy, {cells} cells with fewer than {threshold} students are hidden (gaps in the lines).',
	},
	'suppression.cell': { zh: '已隐藏（人数过少）', en: 'Hidden (too few students)' },
	'suppression.censored': { zh: '{field} {bound}（基数小）', en: '{field} {bound} (small base)' },
	'col.note': { zh: '备注', en: 'Note' },
	'common.redirecting': { zh: '正在跳转…', en: 'Redirecting…' },

	// areas not built yet (one sentence each, from DESIGN.md "Areas and their users")
	'soon.badge': { zh: '建设中', en: 'Not built yet' },
	'soon.title': { zh: '“{area}”页面尚未建成', en: 'The {area} area is not built yet' },
	'soon.willShow': { zh: '建成后将展示：', en: 'When it is ready it will show:' },
	'soon.users': { zh: '主要使用者：', en: 'For:' },
	'soon.goGrades': { zh: '先去看成绩趋势', en: 'See the grade trends meanwhile' },
	'area.overview.what': {
		zh: '关键指标、主要趋势，以及用平实语言概括的重点发现。',
		en: 'Key figures, trends and the top findings in plain words.',
	},
	'area.overview.who': { zh: '校领导', en: 'School leaders' },
	'area.status.what': {
		zh: '按类型、原因、学期和学院统计的学籍异动，学生流向、保留率、100%/150%/200% 学制内毕业率与生存分析。',
		en: 'Status changes by type, reason, term and college, student flows, retention, graduation within 100/150/200% of the normal duration, and survival curves.',
	},
	'area.status.who': { zh: '教务处、校领导', en: 'Teaching affairs office, school leaders' },
	'area.utilization.what': {
		zh: '按用途、查档人、渠道、档案门类（含学籍档案占比）统计的利用申请与调卷量，办理时长、趋势与预测。',
		en: 'Requests and files used by purpose, requester, channel and category (student-record share), turnaround time, trend and forecast.',
	},
	'area.utilization.who': { zh: '档案馆', en: 'Archivists' },
	'area.reports.what': {
		zh: '按年级生成的统计报表，可导出 PDF、XLSX 或 CSV。',
		en: 'A cohort report as PDF, XLSX or CSV.',
	},
	'area.reports.who': { zh: '教务处', en: 'Teaching affairs office' },
	'area.archive.what': {
		zh: '各批次接收记录及其“四性”检测报告、被隔离的问题数据行，以及上传入口。',
		en: 'Accessions, their four-property (authenticity, integrity, usability, security) reports, quarantined rows, and upload.',
	},
	'area.archive.who': { zh: '档案馆', en: 'Archivists' },

	// status page (学籍异动)
	'status.title': { zh: '学籍异动与学业结果', en: 'Status changes and outcomes' },
	'status.intro': {
		zh: '谁休学、转出或退学，在何时、从何处，最终结果如何：异动发生率、学生流向、保留率、学制内毕业率与退学的生存分析。',
		en: 'Who suspends, transfers or leaves, when and from where, and what becomes of them: rates of status changes, flows, retention, graduation within normal time and survival to withdrawal.',
	},
	'status.asOf': { zh: '数据截至 {date}', en: 'Figures as of {date}' },
	'status.filename': { zh: '学籍异动', en: 'status' },
	'status.allCohorts': { zh: '全部年级', en: 'All cohorts' },
	'status.kpi.retention': { zh: '首年保留率', en: 'First-year retention' },
	'status.kpi.grad100': { zh: '100% 学制内毕业率', en: 'Graduated within 100% of normal time' },
	'status.kpi.grad150': { zh: '150% 学制内毕业率', en: 'Graduated within 150% of normal time' },
	'status.kpi.withdrawn': { zh: '退学（含肄业）比例', en: 'Withdrawn (incl. 肄业)' },
	'status.kpi.latest': { zh: '{cohort}：{count} / {base} 人', en: '{cohort}: {count} of {base}' },
	'status.kpi.none': { zh: '尚无可测年级', en: 'No cohort measurable yet' },
	'status.kpi.withdrawnHint': { zh: '所示各年级共 {n} 人中 {count} 人', en: '{count} of {n} students in the cohorts shown' },
	'status.measure.retention': { zh: '首年保留率', en: 'First-year retention' },
	'status.measure.grad_100': { zh: '100% 学制内毕业', en: 'Graduated within 100%' },
	'status.measure.grad_150': { zh: '150% 学制内毕业', en: 'Graduated within 150%' },
	'status.measure.grad_200': { zh: '200% 学制内毕业', en: 'Graduated within 200%' },
	'status.state.not_yet': { zh: '尚不可测', en: 'Not yet measurable' },
	'status.state.undated': { zh: '缺少日期，无法计算', en: 'Undated: cannot be measured' },
	'status.cat.entry': { zh: '入学', en: 'Entered' },
	'status.cat.enrolled': { zh: '在读', en: 'In school' },
	'status.cat.on_leave': { zh: '休学/保留学籍', en: 'On leave' },
	'status.cat.withdrawn': { zh: '退学/肄业', en: 'Withdrawn' },
	'status.cat.transferred': { zh: '转出', en: 'Transferred out' },
	'status.cat.graduated': { zh: '毕业', en: 'Graduated' },
	'status.cat.completed': { zh: '结业', en: 'Completed (结业)' },
	'status.cat.deceased': { zh: '死亡', en: 'Deceased' },
	'status.stage.entry': { zh: '入学', en: 'Entry' },
	'status.stage.year': { zh: '第{n}学年末', en: 'End of year {n}' },
	'status.stage.now': { zh: '现状', en: 'Now' },
	'status.period.year': { zh: '{from}-{to}学年', en: '{from}–{to}' },
	'status.period.term': { zh: '{from}-{to}学年第{term}学期', en: '{from}–{to} T{term}' },
	'status.changePeriod': { zh: '时间', en: 'Period' },
	'status.changePeriod.year': { zh: '按学年', en: 'By academic year' },
	'status.changePeriod.term': { zh: '按学期', en: 'By term' },
	'status.unit.changes': { zh: '人次', en: 'changes' },
	'status.unit.students': { zh: '人', en: 'students' },
	'status.unit.rate': { zh: '每千人发生率', en: 'Rate per 1,000' },
	'status.rates.title': { zh: '学籍异动发生率（每千名在籍学生）', en: 'Status changes per 1,000 students on the register' },
	'status.rates.note': {
		zh: '分母：期初在籍学生（在读、休学、保留学籍）。',
		en: 'Denominator: students on the register (in school or on leave) at the start of the period.',
	},
	'status.breakdown.title': { zh: '{type}：按{dimension}（每千人学年）', en: '{type} by {dimension} (per 1,000 student-years)' },
	'status.breakdown.type': { zh: '异动类型', en: 'Change type' },
	'status.breakdown.by': { zh: '维度', en: 'By' },
	'status.dim.reason': { zh: '原因', en: 'reason' },
	'status.dim.college': { zh: '学院', en: 'college' },
	'status.dim.major': { zh: '专业', en: 'major' },
	'status.dim.level': { zh: '层次', en: 'level' },
	'status.season.title': { zh: '异动的月份分布（各年合计）', en: 'Status changes by month (all years together)' },
	'status.monthNames': {
		zh: '1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月',
		en: 'Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec',
	},
	'status.flows.title': { zh: '学生流向：从入学到现状', en: 'Student flows from entry to now' },
	'status.flows.hint': {
		zh: '每列为入学、各学年末与现状；选择单个年级看得最清楚。',
		en: 'Columns: entry, the end of each study year, now; one cohort at a time reads best.',
	},
	'status.outcomes.title': { zh: '保留率与学制内毕业率（按入学年级）', en: 'Retention and graduation by entry cohort' },
	'status.outcomes.by': { zh: '分组', en: 'Cut by' },
	'status.outcomes.byNone': { zh: '不分组', en: 'Not cut' },
	'status.outcomes.measure': { zh: '指标', en: 'Measure' },
	'status.outcomes.note': {
		zh: '排除死亡及服兵役保留学籍者；休学时间计入学制（不停表）；转出单列，不计为毕业也不剔除。',
		en: 'Deceased and military service excluded; time on leave counts (clock not stopped); transfer-outs reported apart, neither completers nor removed.',
	},
	'status.sequences.title': { zh: '最常见的异动序列', en: 'The most common sequences of status changes' },
	'status.sequences.other': { zh: '其他（{n} 种）', en: 'Other ({n} sequences)' },
	'status.survival.title': { zh: '累计退学率（Kaplan–Meier）', en: 'Cumulative withdrawal (Kaplan–Meier)' },
	'status.survival.by': { zh: '曲线', en: 'Curves' },
	'status.survival.byCohort': { zh: '按入学年级', en: 'By cohort' },
	'status.survival.byCollege': { zh: '按学院', en: 'By college' },
	'status.survival.byLevel': { zh: '按层次', en: 'By level' },
	'status.survival.byNone': { zh: '全体', en: 'Everyone' },
	'status.survival.all': { zh: '全体学生', en: 'All students' },
	'status.survival.entry': { zh: '入学', en: 'Entry' },
	'status.survival.atRisk': { zh: '在险', en: 'at risk' },
	'status.survival.band': { zh: '95% 置信带', en: '95% band' },
	'status.survival.note': {
		zh: '纵轴为 1 − KM 生存率，在险人数少于 10 人后不再绘出（数据表含全部学期）；阴影为比较组的 95% 置信带（Greenwood 方差，log-log 变换）；毕业、转出与截至日期视为删失。',
		en: 'The curve is 1 − the Kaplan–Meier survival, drawn while at least 10 remain at risk (the data table has every term); shading: the compared groups’ 95% band (Greenwood, log-log); graduation, transfer and the as-of date censor.',
	},
	'status.survival.hidden': {
		zh: '为保护个人隐私，人数少于 {threshold} 人的组（及用于防止反推的组）已整条隐藏：{groups}。',
		en: 'To protect privacy, groups under {threshold} students (and those hidden to keep them from being derived) are not drawn: {groups}.',
	},
	'status.compare.a': { zh: '比较', en: 'Compare' },
	'status.compare.b': { zh: '与', en: 'with' },
	'status.compare.none': { zh: '（不比较）', en: '(none)' },
	'status.compare.rest': { zh: '其余全部', en: 'everyone else' },
	'status.compare.result': {
		zh: 'Log-rank 检验：χ² = {chi}，自由度 {df}，p = {p}。{a}：实际退学 {oa} 人，期望 {ea}；{b}：实际 {ob} 人，期望 {eb}。',
		en: 'Log-rank test: χ² = {chi}, df {df}, p = {p}. {a}: {oa} withdrawals against {ea} expected; {b}: {ob} against {eb}.',
	},
	'status.compare.significant': { zh: '两组差异显著（p < 0.05）。', en: 'The difference is significant (p < 0.05).' },
	'status.compare.notSignificant': { zh: '差异不显著（p ≥ 0.05）。', en: 'The difference is not significant (p ≥ 0.05).' },
	'status.compare.hidden': { zh: '比较组人数过少，检验结果已隐藏。', en: 'A compared group is too small: the test is hidden.' },
	'status.compare.noTest': { zh: '两组均无退学，无法检验。', en: 'No withdrawals in either group: nothing to test.' },
	'status.compare.empty': { zh: '其中一组没有学生，无法检验。', en: 'One of the groups has no students: nothing to test.' },
	'status.compare.loading': { zh: '正在计算检验…', en: 'Computing the test…' },
	'status.risk.title': { zh: '首年学业与退学风险', en: 'First-year results and withdrawal risk' },
	'status.risk.factor': { zh: '因素', en: 'Factor' },
	'status.risk.factor.gpa': { zh: '首年平均学分绩点', en: 'First-year GPA' },
	'status.risk.factor.failed_credits': { zh: '首年不及格学分', en: 'First-year credits failed' },
	'status.risk.rate': { zh: '退学率', en: 'Withdrawal rate' },
	'status.risk.rr': { zh: '相对风险', en: 'Relative risk' },
	'status.risk.reference': { zh: '参照组', en: 'Reference' },
	'status.risk.noGpa': { zh: '无绩点', en: 'No GPA' },
	'status.risk.note': {
		zh: '对象：首年末在籍且有首年成绩（首次考试）的学生。相对风险以人数最多的组为参照，Katz 对数法 95% 置信区间（右轴，对数刻度）；有零的格各加 0.5。',
		en: 'Students on the register at the end of year 1 with first-year results (first attempts). Relative risk against the largest band, Katz log 95% interval (right axis, log scale); 0.5 added to each cell when a count is 0.',
	},
	'status.col.period': { zh: '时间', en: 'Period' },
	'status.col.group': { zh: '分组', en: 'Group' },
	'status.col.type': { zh: '异动类型', en: 'Change type' },
	'status.col.changes': { zh: '异动人次', en: 'Changes' },
	'status.col.students': { zh: '学生数', en: 'Students' },
	'status.col.enrolled': { zh: '期初在籍', en: 'On the register' },
	'status.col.rate': { zh: '每千人发生率', en: 'Per 1,000' },
	'status.col.month': { zh: '月份', en: 'Month' },
	'status.col.from': { zh: '从', en: 'From' },
	'status.col.to': { zh: '到', en: 'To' },
	'status.col.sequence': { zh: '序列', en: 'Sequence' },
	'status.col.outcome': { zh: '现状', en: 'Now' },
	'status.col.n': { zh: '入学人数', en: 'Entered' },
	'status.col.excluded': { zh: '排除', en: 'Excluded' },
	'status.col.nAdjusted': { zh: '计算基数', en: 'Adjusted cohort' },
	'status.col.transferred150': { zh: '150% 内转出', en: 'Transferred out within 150%' },
	'status.col.enrolledNow': { zh: '在读', en: 'In school' },
	'status.col.onLeave': { zh: '休学/保留', en: 'On leave' },
	'status.col.graduated': { zh: '毕业', en: 'Graduated' },
	'status.col.completed': { zh: '结业', en: 'Completed' },
	'status.col.withdrawn': { zh: '退学/肄业', en: 'Withdrawn' },
	'status.col.transferred': { zh: '转出', en: 'Transferred out' },
	'status.col.deceased': { zh: '死亡', en: 'Deceased' },
	'status.col.degreeRate': { zh: '学位授予率', en: 'Degree rate' },
	'status.col.term': { zh: '入学后学期', en: 'Term since entry' },
	'status.col.groupN': { zh: '组人数', en: 'Group n' },
	'status.col.atRisk': { zh: '在险人数', en: 'At risk' },
	'status.col.events': { zh: '退学', en: 'Withdrawals' },
	'status.col.censored': { zh: '删失', en: 'Censored' },
	'status.col.cumulative': { zh: '累计退学率', en: 'Cumulative withdrawal' },
	'status.col.lower': { zh: '下限', en: 'Lower' },
	'status.col.upper': { zh: '上限', en: 'Upper' },
	'status.col.band': { zh: '分组区间', en: 'Band' },
	'status.col.rr': { zh: '相对风险', en: 'RR' },
	'status.col.rrInterval': { zh: '95% 置信区间', en: '95% CI' },

	// grades page
	'grades.title': { zh: '成绩趋势', en: 'Grade trends' },
	'grades.intro': {
		zh: '各入学年级的课程成绩：逐学期走势、分布、课程难度、成绩膨胀、年级对比与学业进展。默认只计首次考试；延长学习年限的学生会出现在第 10 学期之后。',
		en: 'Course results of each entry cohort: trends term by term, distributions, course difficulty, grade inflation, comparisons and student progress. First attempts by default; students who extend their studies appear after term 10.',
	},
	'grades.chartTitle': { zh: '各年级分学期{metric}', en: '{metric} by term since entry, per cohort' },
	'grades.filename': { zh: '成绩趋势', en: 'grade-trends' },

	// grades dashboard (web/lib/grades/): panels, filters, and each panel's words
	'grades.panels': { zh: '成绩分析视图', en: 'Grade analyses' },
	'grades.panel.trends': { zh: '趋势', en: 'Trends' },
	'grades.panel.distribution': { zh: '分布', en: 'Distributions' },
	'grades.panel.courses': { zh: '课程难度', en: 'Course difficulty' },
	'grades.panel.inflation': { zh: '成绩膨胀', en: 'Grade inflation' },
	'grades.panel.compare': { zh: '对比', en: 'Comparison' },
	'grades.panel.progress': { zh: '学业进展', en: 'Student progress' },
	'grades.yearChartTitle': { zh: '各学年{metric}', en: '{metric} by academic year' },
	'grades.axis': { zh: '横轴', en: 'Axis' },
	'grades.axis.term': { zh: '入学后学期', en: 'Term since entry' },
	'grades.axis.year': { zh: '学年', en: 'Academic year' },
	'metric.gpa': { zh: '平均学分绩点', en: 'GPA (credit-weighted)' },
	'year.label': { zh: '{year}-{next}学年', en: '{year}–{next}' },
	'filters.courseNature': { zh: '课程性质', en: 'Course nature' },
	'filters.attempt': { zh: '成绩取法', en: 'Attempt counted' },
	'filters.attempt.first': { zh: '首次考试', en: 'First attempt' },
	'filters.attempt.best': { zh: '最高成绩', en: 'Best attempt' },
	'filters.attempt.latest': { zh: '最后一次', en: 'Latest attempt' },
	'filters.attempt.first.hint': {
		zh: '只计正常考试成绩（补考、重修不计；缓考尚无成绩）',
		en: 'The regular sitting only (make-ups and retakes not counted; a deferred exam has no result yet)',
	},
	'filters.attempt.best.hint': {
		zh: '每门课取各次考试中的最高分，记在首次修读的学期',
		en: 'Each course’s highest score over all attempts, counted in the term of its first sitting',
	},
	'filters.attempt.latest.hint': {
		zh: '每门课取最后一次考试的成绩，记在首次修读的学期',
		en: 'Each course’s last attempt, counted in the term of its first sitting',
	},
	'col.academicYear': { zh: '学年', en: 'Academic year' },
	'col.gpa': { zh: '平均绩点', en: 'GPA' },
	'col.results': { zh: '成绩条数', en: 'Results' },
	'col.students': { zh: '学生数', en: 'Students' },
	'col.sd': { zh: '标准差', en: 'SD' },
	'col.share': { zh: '占比', en: 'Share' },
	'suppression.noteRows': {
		zh: '为保护个人隐私，人数少于 {threshold} 人的 {cells} 行已隐藏。',
		en: 'To protect privacy, {cells} rows with fewer than {threshold} students are hidden.',
	},
	'dist.view': { zh: '图形', en: 'Show' },
	'dist.view.boxplot': { zh: '箱线图', en: 'Box plot' },
	'dist.view.histogram': { zh: '分数分布', en: 'Score histogram' },
	'dist.view.gpa': { zh: '绩点分段', en: 'GPA bands' },
	'dist.group': { zh: '分组', en: 'Group by' },
	'dist.group.college': { zh: '学院（选定学院后为专业）', en: 'College (major within a college)' },
	'dist.group.cohort': { zh: '入学年级', en: 'Cohort' },
	'dist.by.college': { zh: '学院', en: 'College' },
	'dist.by.major': { zh: '专业', en: 'Major' },
	'dist.by.cohort': { zh: '年级', en: 'Cohort' },
	'dist.title.boxplot': { zh: '各{by}成绩箱线图', en: 'Scores by {by}: box plot' },
	'dist.title.histogram': { zh: '各{by}分数分布', en: 'Score distribution by {by}' },
	'dist.title.gpa': { zh: '各{by}学生绩点分段', en: 'Students by GPA band, per {by}' },
	'dist.drillHint': { zh: '点击学院查看其各专业', en: 'Click a college to see its majors' },
	'dist.whiskers': { zh: '须线（1.5 倍四分位距内）', en: 'Whiskers (within 1.5 IQR)' },
	'dist.whiskerLow': { zh: '下须', en: 'Low whisker' },
	'dist.whiskerHigh': { zh: '上须', en: 'High whisker' },
	'dist.outliers': { zh: '须外成绩', en: 'Beyond whiskers' },
	'dist.outliersLow': { zh: '下须外', en: 'Below whisker' },
	'dist.bin': { zh: '分数段', en: 'Score bin' },
	'dist.band': { zh: '绩点段', en: 'GPA band' },
	'dist.filename': { zh: '成绩分布', en: 'grade-distribution' },
	'courses.deptTitle': { zh: '各开课学院首次考试 DFW 率（95% 区间）', en: 'First-attempt DFW rate by teaching college (95% interval)' },
	'courses.deptHint': { zh: '虚线为 20% 参考线；点击学院查看其课程', en: 'Dashed: the 20% reference; click a college to see its courses' },
	'courses.deptFilter': { zh: '开课学院', en: 'Teaching college' },
	'courses.allDepts': { zh: '全部开课学院', en: 'All teaching colleges' },
	'courses.method': {
		zh: 'DFW = 首次考试不及格、缺考或退课。同学院同性质课程互为参照，z ≥ 2 为偏高、≤ −2 为偏低；首考不足 30 人的课程样本过小，只列不排。',
		en: 'DFW = a first attempt failed, absent or withdrawn. Courses of the same teaching college and nature are peers; z ≥ 2 is high, ≤ −2 low; courses with fewer than 30 first attempts are listed, not ranked.',
	},
	'courses.tableTitle': { zh: '课程难度（首次考试 DFW 率）', en: 'Course difficulty (first-attempt DFW rate)' },
	'courses.onlyOutliers': { zh: '只看异常课程', en: 'Outliers only' },
	'courses.noOutliers': { zh: '当前筛选条件下没有异常课程', en: 'No outlier courses for these filters' },
	'courses.legend': {
		zh: '区间条：95% Wilson 区间，圆点为 DFW 率，竖线为同类课程均值，虚线为 20% 参考线（刻度 0–{max}）',
		en: 'Bars: Wilson 95% interval; dot = DFW rate, tick = peers’ mean, dashed = 20% reference (scale 0–{max})',
	},
	'courses.col.rank': { zh: '排名', en: 'Rank' },
	'courses.col.id': { zh: '课程号', en: 'Course id' },
	'courses.col.course': { zh: '课程', en: 'Course' },
	'courses.col.dept': { zh: '开课学院', en: 'Teaching college' },
	'courses.col.nature': { zh: '课程性质', en: 'Nature' },
	'courses.col.courses': { zh: '课程数', en: 'Courses' },
	'courses.col.n': { zh: '首考人次', en: 'First attempts' },
	'courses.col.dfwCount': { zh: 'DFW 人次', en: 'DFW' },
	'courses.col.dfw': { zh: 'DFW 率', en: 'DFW rate' },
	'courses.col.interval': { zh: '95% 区间', en: '95% interval' },
	'courses.col.ciLow': { zh: '区间下限', en: 'Lower bound' },
	'courses.col.ciHigh': { zh: '区间上限', en: 'Upper bound' },
	'courses.col.peers': { zh: '同类课程数', en: 'Peers' },
	'courses.col.peerMean': { zh: '同类均值', en: 'Peers’ mean' },
	'courses.col.z': { zh: 'z 值', en: 'z' },
	'courses.col.flag': { zh: '标记', en: 'Flag' },
	'courses.col.q': { zh: 'q 值', en: 'q' },
	'courses.col.jump': { zh: '跳变', en: 'Jump' },
	'courses.outlierHigh': { zh: '偏高', en: 'High' },
	'courses.outlierLow': { zh: '偏低', en: 'Low' },
	'courses.volatile': { zh: '样本过小', en: 'Too few to rank' },
	'courses.interval': { zh: '95% 区间', en: '95% interval' },
	'courses.target': { zh: '20% 参考线', en: '20% reference' },
	'courses.change': { zh: '较上一年变化', en: 'Change from previous year' },
	'courses.jumpUp': { zh: '显著上升', en: 'Significant rise' },
	'courses.jumpDown': { zh: '显著回落', en: 'Significant fall' },
	'courses.jumpsTitle': { zh: 'DFW 率的年度跳变', en: 'Year-over-year jumps in DFW rate' },
	'courses.jumpsHint': {
		zh: '较上一学年变化至少 10 个百分点、且经多重比较校正后仍显著（q < 0.05）；点击查看该课程',
		en: 'A change of at least 10 points from the previous year, significant after the multiple-testing correction (q < 0.05); click to open the course',
	},
	'courses.yearsTitle': { zh: '{course}：各学年 DFW 率', en: '{course}: DFW rate by academic year' },
	'courses.yearsHint': { zh: '阴影为 95% 区间，三角标记为显著跳变', en: 'Shaded: 95% interval; triangles: significant jumps' },
	'courses.showJumps': { zh: '返回全部跳变', en: 'Back to all jumps' },
	'courses.filename': { zh: '课程难度', en: 'course-difficulty' },
	'courses.deptFilename': { zh: '开课学院DFW率', en: 'dfw-by-teaching-college' },
	'courses.jumpsFilename': { zh: 'DFW年度跳变', en: 'dfw-jumps' },
	'courses.yearsFilename': { zh: '课程DFW逐年', en: 'course-dfw-by-year' },
	'inflation.title': { zh: '各{by}逐年{measure}', en: '{measure} by academic year, per {by}' },
	'inflation.group': { zh: '分组', en: 'Group by' },
	'inflation.group.teaching': { zh: '开课学院', en: 'Teaching college' },
	'inflation.group.students': { zh: '学生所在学院/专业', en: 'Students’ college / major' },
	'inflation.by.teaching_dept': { zh: '开课学院', en: 'teaching college' },
	'inflation.by.college': { zh: '学院', en: 'college' },
	'inflation.by.major': { zh: '专业', en: 'major' },
	'inflation.measure.mean': { zh: '平均分', en: 'Mean score' },
	'inflation.measure.share_90': { zh: '90 分及以上占比', en: 'Share of scores ≥ 90' },
	'inflation.trendTitle': { zh: '各{by}平均分的年变化（线性趋势）', en: 'Yearly change of the mean score per {by} (linear trend)' },
	'inflation.trendHint': {
		zh: '圆点与横线：逐年平均分的斜率及其 95% 置信区间；菱形：固定课程构成后的斜率。原始上升只是问题，不是结论。',
		en: 'Dot and line: slope of the yearly means with its 95% interval; diamond: the slope with the course mix held fixed. A raw rise is a question, not a verdict.',
	},
	'inflation.slope': { zh: '斜率', en: 'Slope' },
	'inflation.interval': { zh: '95% 置信区间', en: '95% interval' },
	'inflation.low': { zh: '区间下限', en: 'Lower bound' },
	'inflation.high': { zh: '区间上限', en: 'Upper bound' },
	'inflation.within': { zh: '同课程内斜率', en: 'Within-course slope' },
	'inflation.years': { zh: '年数', en: 'Years' },
	'inflation.courses': { zh: '跨年课程数', en: 'Courses over years' },
	'inflation.share90Slope': { zh: '≥90 占比年变化', en: 'Share ≥ 90 per year' },
	'inflation.perYear': { zh: '{value} 分/年', en: '{value} points/yr' },
	'inflation.filename': { zh: '成绩膨胀', en: 'grade-inflation' },
	'inflation.trendFilename': { zh: '成绩膨胀趋势', en: 'grade-inflation-trend' },
	'compare.choices': { zh: '对比对象', en: 'What to compare' },
	'compare.byLabel': { zh: '对比', en: 'Compare' },
	'compare.by.cohort': { zh: '年级', en: 'Cohorts' },
	'compare.by.college': { zh: '学院', en: 'Colleges' },
	'compare.default': { zh: '默认', en: 'Default' },
	'compare.measure.score': { zh: '加权平均分', en: 'Credit-weighted mean score' },
	'compare.measure.gpa': { zh: '平均学分绩点', en: 'GPA' },
	'compare.meanInterval': { zh: '均值 ± 1.96 标准误', en: 'Mean ± 1.96 SE' },
	'compare.low': { zh: '区间下限', en: 'Lower bound' },
	'compare.high': { zh: '区间上限', en: 'Upper bound' },
	'compare.difference': { zh: '差值（B − A）', en: 'Difference (B − A)' },
	'compare.ci': { zh: '差值 95% 置信区间', en: '95% CI of the difference' },
	'compare.p': { zh: 'Welch t 检验 p 值', en: 'Welch’s t-test p' },
	'compare.effect.negligible': { zh: '可忽略', en: 'negligible' },
	'compare.effect.small': { zh: '小', en: 'small' },
	'compare.effect.medium': { zh: '中等', en: 'medium' },
	'compare.effect.large': { zh: '大', en: 'large' },
	'compare.title': { zh: '{a} 与 {b}：{measure}', en: '{a} and {b}: {measure}' },
	'compare.titleEmpty': { zh: '对比', en: 'Comparison' },
	'compare.termLimit': { zh: '只比较至{term}的成绩（两个年级都已到达的学期）', en: 'Results up to {term} only (reached by both cohorts)' },
	'compare.hint': { zh: '以学生为单位：每名学生一个值', en: 'Students are the units: one value per student' },
	'compare.suppressed': {
		zh: '为保护个人隐私，至少一方人数少于 {threshold} 人，对比结果已隐藏。',
		en: 'To protect privacy, the comparison is hidden: one side has fewer than {threshold} students.',
	},
	'compare.filename': { zh: '成绩对比', en: 'grade-comparison' },
	'progress.kind': { zh: '分段', en: 'Bands' },
	'progress.kind.failed_credits': { zh: '累计不及格学分', en: 'Failed credits' },
	'progress.kind.gpa': { zh: '累计绩点', en: 'Cumulative GPA' },
	'progress.title.failed_credits': { zh: '{cohort}各学期末累计不及格学分分布', en: '{cohort}: failed credits at the end of each term' },
	'progress.title.gpa': { zh: '{cohort}各学期末累计绩点分布', en: '{cohort}: cumulative GPA at the end of each term' },
	'progress.summary.failed_credits': {
		zh: '{cohort}截至{term}，{share} 的学生累计不及格学分达到学业预警线。',
		en: '{cohort}: by the end of {term}, {share} of the students have failed credits at or past the warning line.',
	},
	'progress.summary.gpa': {
		zh: '{cohort}截至{term}，{share} 的学生累计绩点低于学业预警线。',
		en: '{cohort}: by the end of {term}, {share} of the students have a cumulative GPA below the warning line.',
	},
	'progress.lines': {
		zh: '学业预警线：绩点低于 {gpa}；不及格学分达 {warning}（预警）/ {serious}（严重预警）',
		en: 'Warning lines: GPA below {gpa}; failed credits of {warning} (warning) / {serious} (serious)',
	},
	'progress.firstHint': {
		zh: '按首次考试计：补考、重修后通过的课程仍计为不及格；选“最高成绩”可看尚未通过的学分',
		en: 'By first attempts: a course passed at a make-up or retake still counts as failed; choose “Best attempt” for credits not yet passed',
	},
	'progress.credits': { zh: '{n} 学分', en: '{n} credits' },
	'kpi.resultsCounted': { zh: '计入的成绩', en: 'Results counted' },
	'progress.noFailed': { zh: '无不及格', en: 'None failed' },
	'progress.band': { zh: '分段', en: 'Band' },
	'progress.warning': { zh: '预警', en: 'Warning' },
	'progress.filename': { zh: '学业进展', en: 'student-progress' },

	// admin page
	'admin.title': { zh: '系统管理', en: 'Administration' },
	'admin.intro': {
		zh: '审计日志记录每一次数据访问（含被拒绝的访问与登录）；账号列表不含密码。',
		en: 'The audit log records every data access, refused ones and sign-ins included; the account list holds no passwords.',
	},
	'admin.refusedTitle': { zh: '无权访问管理页面', en: 'You may not use the admin area' },
	'admin.refusedHint': { zh: '管理页面仅向系统管理员开放。', en: 'The admin area is open to administrators only.' },
	'audit.title': { zh: '审计日志', en: 'Audit log' },
	'audit.filters': { zh: '审计日志筛选', en: 'Audit log filters' },
	'audit.username': { zh: '用户名', en: 'User name' },
	'audit.route': { zh: '接口（包含）', en: 'Route contains' },
	'audit.routePlaceholder': { zh: '如 grades', en: 'e.g. grades' },
	'audit.outcome': { zh: '结果', en: 'Outcome' },
	'audit.from': { zh: '起始日期', en: 'From' },
	'audit.to': { zh: '截止日期', en: 'To' },
	'audit.pageSize': { zh: '每页', en: 'Per page' },
	'audit.pageSizeOption': { zh: '{n} 条', en: '{n} rows' },
	'audit.dateHint': {
		zh: '日期按协调世界时（UTC）筛选；表中时间为本机时间。',
		en: 'Dates filter by UTC day; times in the table are local.',
	},
	'audit.outcome.ok': { zh: '成功', en: 'OK' },
	'audit.outcome.refused': { zh: '拒绝', en: 'Refused' },
	'audit.outcome.error': { zh: '出错', en: 'Error' },
	'audit.chainIntact': { zh: '哈希链完整（{n} 条）', en: 'Hash chain intact ({n} entries)' },
	'audit.chainIntactHint': {
		zh: '每条记录都含有前一条的哈希，任何修改或删除都会被发现。',
		en: 'Each entry carries the hash of the one before: any change or deletion shows.',
	},
	'audit.chainBroken': { zh: '哈希链在第 {k} 条断裂', en: 'Hash chain broken at entry {k}' },
	'audit.chainBrokenHint': {
		zh: '共 {n} 条；自该条起的记录不可信。请在服务器上运行 npm run audit:verify 查看原因。',
		en: '{n} entries; from that entry on the log cannot be trusted. Run npm run audit:verify on the server for the reason.',
	},
	'audit.range': { zh: '第 {from}–{to} 条，共 {total} 条', en: 'Entries {from}–{to} of {total}' },
	'audit.prev': { zh: '上一页', en: 'Previous' },
	'audit.next': { zh: '下一页', en: 'Next' },
	'audit.paging': { zh: '翻页', en: 'Pages' },
	'audit.empty': { zh: '没有符合条件的记录', en: 'No entries match these filters' },
	'audit.emptyHint': { zh: '请放宽筛选条件，或点击“重置”。', en: 'Widen the filters, or press Reset.' },
	'audit.pastEnd': { zh: '这一页之后没有记录了。', en: 'There are no entries this far back.' },
	'audit.firstPage': { zh: '回到第一页', en: 'Back to the first page' },
	'audit.refresh': { zh: '刷新', en: 'Refresh' },
	'audit.anonymous': { zh: '未登录', en: 'Not signed in' },
	'audit.col.seq': { zh: '序号', en: '#' },
	'audit.col.at': { zh: '时间', en: 'Time' },
	'audit.col.user': { zh: '用户', en: 'User' },
	'audit.col.request': { zh: '请求', en: 'Request' },
	'audit.col.params': { zh: '参数', en: 'Parameters' },
	'audit.col.status': { zh: '结果', en: 'Outcome' },
	'audit.col.rows': { zh: '行数', en: 'Rows' },
	'audit.col.ms': { zh: '耗时（毫秒）', en: 'Took (ms)' },
	'audit.col.ip': { zh: 'IP', en: 'IP' },
	'accounts.title': { zh: '用户', en: 'Accounts' },
	'accounts.count': { zh: '共 {n} 个账号', en: '{n} accounts' },
	'accounts.empty': { zh: '还没有账号', en: 'No accounts yet' },
	'accounts.emptyHint': {
		zh: '在服务器上运行 npm run users 添加账号。',
		en: 'Add accounts with npm run users on the server.',
	},
	'accounts.col.username': { zh: '用户名', en: 'User name' },
	'accounts.col.name': { zh: '姓名', en: 'Name' },
	'accounts.col.role': { zh: '角色', en: 'Role' },
	'accounts.col.college': { zh: '学院', en: 'College' },
	'accounts.col.state': { zh: '状态', en: 'State' },
	'accounts.col.created': { zh: '创建时间', en: 'Created' },
	'accounts.active': { zh: '启用', en: 'Active' },
	'accounts.disabled': { zh: '已停用', en: 'Disabled' },
	'accounts.demo': { zh: '演示', en: 'Demo' },

	// filters
	'filters.label': { zh: '筛选条件', en: 'Filters' },
	'filters.cohortFrom': { zh: '起始年级', en: 'Cohort from' },
	'filters.cohortTo': { zh: '截止年级', en: 'Cohort to' },
	'filters.level': { zh: '培养层次', en: 'Level' },
	'filters.college': { zh: '学院', en: 'College' },
	'filters.major': { zh: '专业', en: 'Major' },
	'filters.metric': { zh: '指标', en: 'Metric' },
	'filters.all': { zh: '全部', en: 'All' },
	'filters.allMajors': { zh: '全部专业', en: 'All majors' },
	'filters.allLevels': { zh: '全部层次', en: 'All levels' },
	'filters.allColleges': { zh: '全部学院', en: 'All colleges' },
	'filters.chooseCollegeFirst': { zh: '请先选择学院', en: 'Choose a college first' },
	'filters.reset': { zh: '重置', en: 'Reset' },
	'filters.metaError': { zh: '筛选选项加载失败：{message}', en: 'Could not load the filter options: {message}' },

	// metrics
	'metric.mean': { zh: '平均分', en: 'Mean score' },
	'metric.median': { zh: '中位数', en: 'Median score' },
	'metric.fail_rate': { zh: '不及格率', en: 'Fail rate' },
	'metric.p10': { zh: '第 10 百分位（P10）', en: '10th percentile (P10)' },
	'metric.p90': { zh: '第 90 百分位（P90）', en: '90th percentile (P90)' },

	// key figures
	'kpi.label': { zh: '关键指标', en: 'Key figures' },
	'kpi.results': { zh: '首次考试成绩', en: 'First-attempt results' },
	'kpi.resultsHint': { zh: '所示各年级、各学期成绩条数之和', en: 'Results summed over the cohorts and terms shown' },
	'kpi.mean': { zh: '总体平均分', en: 'Overall mean' },
	'kpi.meanHint': { zh: '按成绩条数加权', en: 'Weighted by number of results' },
	'kpi.failRate': { zh: '总体不及格率', en: 'Overall fail rate' },
	'kpi.failRateHint': { zh: '成绩低于 60 分（缺考计 0 分）', en: 'Score below 60 (absent counts as 0)' },
	'kpi.cohorts': { zh: '显示年级数', en: 'Cohorts shown' },

	// chart card
	'chart.viewLabel': { zh: '显示方式', en: 'View' },
	'chart.viewChart': { zh: '图表', en: 'Chart' },
	'chart.viewTable': { zh: '数据表', en: 'Data table' },
	'chart.downloadPng': { zh: '下载 PNG', en: 'Download PNG' },
	'chart.downloadCsv': { zh: '下载 CSV', en: 'Download CSV' },
	'chart.loading': { zh: '正在加载数据…', en: 'Loading data…' },
	'chart.empty': { zh: '当前筛选条件下没有数据', en: 'No data for these filters' },
	'chart.emptyHint': { zh: '请放宽筛选条件，或点击“重置”。', en: 'Widen the filters, or press Reset.' },
	'chart.error': { zh: '数据加载失败', en: 'Could not load the data' },
	'chart.retry': { zh: '重试', en: 'Retry' },
	'chart.rowsShown': { zh: '共 {n} 行', en: '{n} rows' },
	'chart.rowsTruncated': {
		zh: '表格仅显示前 {shown} 行（共 {n} 行），完整数据请下载 CSV。',
		en: 'Showing the first {shown} of {n} rows; download the CSV for all of them.',
	},

	// labels in the data
	'term.label': { zh: '第{n}学期', en: 'Term {n}' },
	'term.axis': { zh: '入学后学期', en: 'Term since entry' },
	'cohort.label': { zh: '{year}级', en: 'Cohort {year}' },
	'cohort.range': { zh: '{from}–{to}级', en: 'Cohorts {from}–{to}' },
	'col.cohort': { zh: '入学年级', en: 'Cohort' },
	'col.term': { zh: '学期', en: 'Term' },
	'col.n': { zh: '人数', en: 'Students (n)' },
	'col.mean': { zh: '平均分', en: 'Mean' },
	'col.median': { zh: '中位数', en: 'Median' },
	'col.p10': { zh: 'P10', en: 'P10' },
	'col.p90': { zh: 'P90', en: 'P90' },
	'col.failRate': { zh: '不及格率', en: 'Fail rate' },
	'tooltip.n': { zh: '人数', en: 'n' },

	// errors
	'error.network': {
		zh: '无法连接数据服务，请检查网络后重试。',
		en: 'Cannot reach the data service; check the connection and retry.',
	},
	'error.http': { zh: '数据服务返回错误（HTTP {status}）', en: 'The data service returned an error (HTTP {status})' },
	'error.notFound': { zh: '页面不存在', en: 'Page not found' },
	'error.back': { zh: '返回首页', en: 'Back to the start page' },

	// utilization page (档案利用)
	'util.title': { zh: '档案利用', en: 'Archive utilization' },
	'util.intro': {
		zh: '档案馆的利用统计：谁来查、查什么、为何而查、办得多快，以及未来几个月的利用量预测。',
		en: 'How the archive is used: by whom, for what and why, how fast it serves, and what the coming months will bring.',
	},
	'util.filters.from': { zh: '起始日期', en: 'From' },
	'util.filters.to': { zh: '截止日期', en: 'To' },
	'util.filters.category': { zh: '档案门类', en: 'Category' },
	'util.filters.channel': { zh: '利用渠道', en: 'Channel' },
	'util.filters.purpose': { zh: '利用目的', en: 'Purpose' },
	'util.filters.requester': { zh: '查档人类型', en: 'Requester' },
	'util.filters.span': { zh: '利用记录覆盖 {first} 至 {last}', en: 'The request log covers {first} to {last}' },
	'util.kpi.requests': { zh: '利用人次', en: 'Requests' },
	'util.kpi.requestsHint': { zh: '全部申请（含已拒绝）', en: 'Every request, refused ones included' },
	'util.kpi.items': { zh: '调卷（卷次）', en: 'Files used' },
	'util.kpi.itemsHint': { zh: '不含已拒绝的申请', en: 'Refused requests left out' },
	'util.kpi.pages': { zh: '页数', en: 'Pages' },
	'util.kpi.pagesHint': { zh: '复制、出具的页数', en: 'Pages copied or issued' },
	'util.kpi.studentShare': { zh: '学籍档案占比', en: 'Student-record share' },
	'util.kpi.studentShareHint': { zh: '占已填门类的申请', en: 'Of requests with a category' },
	'util.kpi.median': { zh: '办理时长中位数', en: 'Median turnaround' },
	'util.kpi.medianHint': { zh: '3 个工作日内办结 {share}', en: '{share} within 3 working days' },
	'util.kpi.online': { zh: '线上及自助占比', en: 'Online & self-service' },
	'util.kpi.onlineHint': { zh: '现场办理 {share}', en: '{share} at the counter' },
	'util.minutes': { zh: '{n} 分钟', en: '{n} min' },
	'util.hours': { zh: '{n} 小时', en: '{n} h' },
	'util.notRecorded': { zh: '（未填写）', en: '(not recorded)' },
	'util.suppression.note': {
		zh: '为保护个人隐私，利用人次少于 {threshold} 的 {cells} 个单元格已隐藏（图中空缺处）。',
		en: 'To protect privacy, {cells} cells with fewer than {threshold} requests are hidden (gaps in the chart).',
	},
	'util.suppression.cell': { zh: '已隐藏（人次过少）', en: 'Hidden (too few requests)' },
	'util.filename': { zh: '档案利用', en: 'archive-utilization' },

	'util.forecast.title': { zh: '月度利用人次：趋势与预测', en: 'Monthly requests: trend and forecast' },
	'util.forecast.backtest': {
		zh: '回测（{from} 至 {to}，{months} 个月）平均绝对百分比误差 MAPE：本模型 {mape}，同月基线（去年同月）{naive}{verdict}。',
		en: 'Backtest ({from} to {to}, {months} months) MAPE: this model {mape}, baseline (same month last year) {naive}{verdict}.',
	},
	'util.forecast.better': { zh: '，优于基线', en: ', better than the baseline' },
	'util.forecast.worse': { zh: '，未优于基线', en: ', not better than the baseline' },
	'util.forecast.method': {
		zh: 'Holt–Winters 指数平滑（{seasonality}季节项，α={alpha}，β={beta}，γ={gamma}），参数由网格搜索确定；区间由回测相对误差估计，仅供参考。',
		en: 'Holt–Winters smoothing ({seasonality} season, α={alpha}, β={beta}, γ={gamma}) fitted by grid search; the bands come from the backtest’s relative errors and are approximate.',
	},
	'util.forecast.additive': { zh: '加法', en: 'additive' },
	'util.forecast.multiplicative': { zh: '乘法', en: 'multiplicative' },
	'util.forecast.short': {
		zh: '完整月份只有 {months} 个，预测并回测需要至少 {needed} 个，暂不预测。',
		en: 'Only {months} complete months; a backtested forecast needs {needed}, so there is none.',
	},
	'util.forecast.partial': { zh: '不完整月份未计入：{months}', en: 'Incomplete months left out: {months}' },
	'util.horizon': { zh: '预测', en: 'Forecast' },
	'util.horizonOption': { zh: '{n} 个月', en: '{n} months' },
	'util.series.actual': { zh: '实际人次', en: 'Actual' },
	'util.series.backtest': { zh: '回测预测', en: 'Backtest forecast' },
	'util.series.naive': { zh: '去年同月', en: 'Same month last year' },
	'util.series.forecast': { zh: '预测', en: 'Forecast' },
	'util.series.band80': { zh: '80% 区间', en: '80% interval' },
	'util.series.band95': { zh: '95% 区间', en: '95% interval' },
	'util.series.requests': { zh: '利用人次', en: 'Requests' },
	'util.series.items': { zh: '卷次', en: 'Files used' },
	'util.series.studentShare': { zh: '学籍档案占比', en: 'Student-record share' },
	'util.series.median': { zh: '中位数', en: 'Median' },
	'util.series.p90': { zh: 'P90', en: 'P90' },

	'util.period.title': { zh: '按{period}统计的利用量与学籍档案占比', en: 'Requests, files used and student-record share by {period}' },
	'util.period.label': { zh: '统计周期', en: 'Period' },
	'util.period.month': { zh: '月', en: 'month' },
	'util.period.quarter': { zh: '季度', en: 'quarter' },
	'util.period.year': { zh: '年', en: 'year' },
	'util.shift.title': { zh: '从现场到线上：各渠道占比逐年变化', en: 'From the counter to online: channel shares by year' },
	'util.shift.note': {
		zh: '线上及自助：PC端、移动端、自助终端；委托及邮寄：委托代办、邮寄。占比以填写了渠道的申请为基数。',
		en: 'Online & self-service: web (PC), mobile and kiosk; proxy & post: by proxy and by post. Shares of the requests with a channel recorded.',
	},
	'util.group.onsite': { zh: '现场', en: 'On site' },
	'util.group.online': { zh: '线上及自助', en: 'Online & self-service' },
	'util.group.other': { zh: '委托及邮寄', en: 'Proxy & post' },
	'util.breakdown.title': { zh: '按{dimension}统计', en: 'Requests by {dimension}' },
	'util.dimension': { zh: '分类', en: 'By' },
	'util.dim.category': { zh: '档案门类', en: 'archive category' },
	'util.dim.purpose': { zh: '利用目的', en: 'purpose' },
	'util.dim.requester_type': { zh: '查档人类型', en: 'requester type' },
	'util.dim.channel': { zh: '利用渠道', en: 'channel' },
	'util.dim.delivery': { zh: '提供方式', en: 'delivery' },
	'util.crosstab.title': { zh: '利用目的 × 查档人类型', en: 'Purpose × requester type' },
	'util.service.title': { zh: '办理时长（按{dimension}）', en: 'Turnaround by {dimension}' },
	'util.service.axis': { zh: '办理时长（对数刻度）', en: 'Turnaround (log scale)' },
	'util.service.note': {
		zh: '办理时长 = 办结时间 − 申请时间，不含已拒绝和无办结时间的申请。工作日按周一至周五计，未扣除法定节假日；申请当日不计。',
		en: 'Turnaround = completed − requested, refused requests and those without a completion time left out. Working days are Monday to Friday, public holidays not deducted; the day of the request is not counted.',
	},
	'util.season.title': { zh: '季节性：各月利用量指数', en: 'Seasonality: index by month' },
	'util.season.note': {
		zh: '指数 = 该月利用人次 ÷ 所在学年（9 月至次年 8 月）的月均人次，合并 {years} 个完整学年（{from} 至 {to}）；1.0 为平均水平。',
		en: 'Index = the month’s requests ÷ the mean month of its academic year (September to August), pooled over {years} complete academic years ({from} to {to}); 1.0 is an average month.',
	},
	'util.season.none': { zh: '没有完整的学年（9 月至次年 8 月），无法计算季节性。', en: 'No complete academic year (September to August): no seasonal profile.' },
	'util.monthNames': {
		zh: '1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月',
		en: 'Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec',
	},
	'util.quality.title': { zh: '数据质量：需在源头改进的登记', en: 'Data quality: what to fix where requests are recorded' },
	'util.quality.note': {
		zh: '利用目的记为“查找”“其他”或未填写，就无法说明档案为何被利用；请在登记时选择具体目的，并补全门类与办结时间。',
		en: 'A purpose recorded as 查找 (look-up), 其他 (other) or not at all says nothing about why the records were used: record a specific purpose, the category and the completion time.',
	},
	'util.issue.purpose_vague': { zh: '利用目的含糊（查找、其他或未填）', en: 'Vague purpose (查找, 其他 or none)' },
	'util.issue.purpose_missing': { zh: '未填写利用目的', en: 'No purpose recorded' },
	'util.issue.purpose_search': { zh: '目的记为“查找”', en: 'Purpose recorded as 查找 (look-up)' },
	'util.issue.purpose_other': { zh: '目的记为“其他”', en: 'Purpose recorded as 其他 (other)' },
	'util.issue.category_missing': { zh: '未填写档案门类', en: 'No archive category' },
	'util.issue.completion_missing': { zh: '已完成但无办结时间', en: 'Completed without a completion time' },
	'util.issue.requester_missing': { zh: '未填写查档人类型', en: 'No requester type' },
	'util.issue.channel_missing': { zh: '未填写利用渠道', en: 'No channel' },
	'util.issue.status_missing': { zh: '未填写办理状态', en: 'No status' },
	'util.col.period': { zh: '期间', en: 'Period' },
	'util.col.month': { zh: '月份', en: 'Month' },
	'util.col.year': { zh: '年份', en: 'Year' },
	'util.col.value': { zh: '类别', en: 'Value' },
	'util.col.requests': { zh: '利用人次', en: 'Requests' },
	'util.col.items': { zh: '卷次', en: 'Files used' },
	'util.col.pages': { zh: '页数', en: 'Pages' },
	'util.col.share': { zh: '人次占比', en: 'Share of requests' },
	'util.col.itemsShare': { zh: '卷次占比', en: 'Share of files' },
	'util.col.studentShare': { zh: '学籍档案占比', en: 'Student-record share' },
	'util.col.onsiteShare': { zh: '现场占比', en: 'On-site share' },
	'util.col.onlineShare': { zh: '线上及自助占比', en: 'Online share' },
	'util.col.otherShare': { zh: '委托及邮寄占比', en: 'Proxy & post share' },
	'util.col.purpose': { zh: '利用目的', en: 'Purpose' },
	'util.col.requester': { zh: '查档人类型', en: 'Requester' },
	'util.col.rowShare': { zh: '占该目的比例', en: 'Share of the purpose' },
	'util.col.completed': { zh: '有办结时间', en: 'Completed (timed)' },
	'util.col.medianHours': { zh: '中位数（小时）', en: 'Median (hours)' },
	'util.col.p90Hours': { zh: 'P90（小时）', en: 'P90 (hours)' },
	'util.col.within1': { zh: '1 个工作日内', en: 'Within 1 working day' },
	'util.col.within3': { zh: '3 个工作日内', en: 'Within 3 working days' },
	'util.col.meanRequests': { zh: '学年平均人次', en: 'Mean per academic year' },
	'util.col.index': { zh: '季节指数', en: 'Seasonal index' },
	'util.col.issue': { zh: '问题', en: 'Issue' },
	'util.col.affected': { zh: '涉及人次', en: 'Requests affected' },
	'util.col.base': { zh: '基数', en: 'Base' },
	'util.col.actual': { zh: '实际人次', en: 'Actual' },
	'util.col.backtest': { zh: '回测预测', en: 'Backtest' },
	'util.col.naive': { zh: '去年同月', en: 'Same month last year' },
	'util.col.forecast': { zh: '预测', en: 'Forecast' },
	'util.col.lower80': { zh: '80% 下限', en: '80% lower' },
	'util.col.upper80': { zh: '80% 上限', en: '80% upper' },
	'util.col.lower95': { zh: '95% 下限', en: '95% lower' },
	'util.col.upper95': { zh: '95% 上限', en: '95% upper' },
	// archive (档案接收)
	'arch.title': { zh: '档案接收', en: 'Archive receipts' },
	'arch.intro': {
		zh: '接收各业务系统移交的数据包：逐行校验，问题行隔离留存，每次接收生成四性检测报告（真实性、完整性、可用性、安全性）。',
		en: 'Receive transfer packages from the business systems: every row is checked, bad rows are quarantined (never dropped), and each receipt gets a four-property report (authenticity, integrity, usability, security).',
	},
	'arch.refusedTitle': { zh: '无权访问档案接收', en: 'You may not use the archive area' },
	'arch.refusedHint': { zh: '档案接收仅向档案馆与系统管理员开放。', en: 'The archive area is open to archivists and administrators only.' },
	'arch.upload.title': { zh: '接收数据包', en: 'Receive a package' },
	'arch.upload.files': { zh: '文件', en: 'Files' },
	'arch.upload.filesHint': {
		zh: 'CSV（UTF-8 或 GBK）、XLSX、JSON Lines，可附发送方 manifest.json；文件名为表名（如 grades.csv）时自动对应，否则按表头识别。',
		en: 'CSV (UTF-8 or GBK), XLSX, JSON Lines, optionally the sender’s manifest.json; files named after a table (grades.csv) go to it, others are recognized by their headers.',
	},
	'arch.upload.profile': { zh: '映射方案', en: 'Profile' },
	'arch.upload.table': { zh: '目标表', en: 'Table' },
	'arch.upload.encoding': { zh: '编码', en: 'Encoding' },
	'arch.upload.sheet': { zh: '工作表', en: 'Sheet' },
	'arch.upload.sheetPlaceholder': { zh: '默认第一个', en: 'default: the first' },
	'arch.upload.auto': { zh: '自动识别', en: 'Detect' },
	'arch.upload.submit': { zh: '接收', en: 'Receive' },
	'arch.upload.sending': { zh: '正在接收并校验…', en: 'Receiving and checking…' },
	'arch.upload.noFiles': { zh: '请先选择文件', en: 'Choose the files first' },
	'arch.upload.committed': { zh: '已接收，登记为 {id}', en: 'Received as accession {id}' },
	'arch.upload.already': { zh: '该数据包已于 {id} 接收过，未做任何改动', en: 'This package was already received as {id}; nothing changed' },
	'arch.upload.refused': { zh: '已拒收，未写入任何数据', en: 'Refused: nothing was committed' },
	'arch.list.title': { zh: '接收记录', en: 'Accessions' },
	'arch.list.empty': { zh: '尚未接收任何数据包', en: 'No package has been received yet' },
	'arch.list.registerOk': { zh: '登记簿哈希链完整（{n} 条）', en: 'Register hash chain intact ({n} entries)' },
	'arch.list.registerBroken': { zh: '登记簿哈希链自第 {k} 条起断裂', en: 'Register hash chain broken from entry {k}' },
	'arch.list.open': { zh: '查看报告', en: 'Open report' },
	'arch.list.recovered': { zh: '故障后补登', en: 'registered on recovery' },
	'arch.col.accession': { zh: '登记号', en: 'Accession' },
	'arch.col.received': { zh: '接收时间', en: 'Received' },
	'arch.col.source': { zh: '来源', en: 'Source' },
	'arch.col.profiles': { zh: '映射方案', en: 'Profiles' },
	'arch.col.rows': { zh: '接收 / 入库 / 隔离', en: 'Received / accepted / quarantined' },
	'arch.col.checks': { zh: '四性检测', en: 'Four properties' },
	'arch.col.file': { zh: '文件', en: 'File' },
	'arch.col.table': { zh: '表', en: 'Table' },
	'arch.col.encoding': { zh: '编码', en: 'Encoding' },
	'arch.col.rowsReceived': { zh: '接收行数', en: 'Rows received' },
	'arch.col.accepted': { zh: '入库', en: 'Accepted' },
	'arch.col.quarantined': { zh: '隔离', en: 'Quarantined' },
	'arch.col.share': { zh: '隔离比例', en: 'Share' },
	'arch.col.rule': { zh: '规则', en: 'Rule' },
	'arch.col.example': { zh: '示例', en: 'Example' },
	'arch.report.title': { zh: '四性检测报告', en: 'Four-property report' },
	'arch.report.refusedTitle': { zh: '拒收报告', en: 'Refusal report' },
	'arch.report.close': { zh: '关闭', en: 'Close' },
	'arch.report.package': { zh: '数据包 {source}：{files} 个文件，SHA-256 {sha}', en: 'Package {source}: {files} files, SHA-256 {sha}' },
	'arch.report.totals': { zh: '接收 {received} 行，入库 {accepted} 行，隔离 {quarantined} 行', en: '{received} rows received, {accepted} accepted, {quarantined} quarantined' },
	'arch.report.files': { zh: '文件与映射', en: 'Files and mapping' },
	'arch.report.tables': { zh: '各表结果与隔离原因', en: 'Tables and quarantine reasons' },
	'arch.report.detected': { zh: '（按表头识别）', en: ' (detected)' },
	'arch.report.dropped': { zh: '已删除的直接标识符列', en: 'Direct-identifier columns dropped' },
	'arch.report.notKept': { zh: '未保留的列', en: 'Columns not kept' },
	'arch.report.download': { zh: '下载隔离行 CSV', en: 'Download quarantined rows (CSV)' },
	'arch.report.line': { zh: '第 {line} 行', en: 'line {line}' },
	'arch.property.authenticity': { zh: '真实性', en: 'Authenticity' },
	'arch.property.integrity': { zh: '完整性', en: 'Integrity' },
	'arch.property.usability': { zh: '可用性', en: 'Usability' },
	'arch.property.security': { zh: '安全性', en: 'Security' },
	'arch.status.pass': { zh: '通过', en: 'Pass' },
	'arch.status.warn': { zh: '注意', en: 'Warning' },
	'arch.status.fail': { zh: '不通过', en: 'Fail' },
	'arch.status.none': { zh: '无报告', en: 'No report' },
	'arch.table.students': { zh: '学生', en: 'Students' },
	'arch.table.grades': { zh: '成绩', en: 'Grades' },
	'arch.table.status_changes': { zh: '学籍异动', en: 'Status changes' },
	'arch.table.graduations': { zh: '毕结业', en: 'Graduations' },
	'arch.table.awards_punishments': { zh: '奖惩', en: 'Awards and punishments' },
	'arch.table.utilization': { zh: '档案利用', en: 'Archive utilization' },
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof messages;

// Codes that occur in the data. Chinese is the source of truth (it is what the archive keeps);
// the English is what a reader abroad would expect, with the Chinese term kept where no English
// word matches the Chinese category exactly.
const codes = {
	level: {
		本科: 'Undergraduate',
		专科: 'Associate (专科)',
		硕士: 'Master’s',
		博士: 'Doctoral',
	},
	gender: { 男: 'Male', 女: 'Female' },
	exam_type: { 正常: 'Regular', 补考: 'Make-up exam', 重修: 'Retake', 缓考: 'Deferred exam' },
	course_nature: {
		必修: 'Compulsory',
		选修: 'Elective',
		限选: 'Restricted elective',
		任选: 'Free elective',
		公共必修: 'General compulsory',
		专业必修: 'Major compulsory',
		专业选修: 'Major elective',
		公共选修: 'General elective',
		实践: 'Practical',
	},
	status: {
		在读: 'Enrolled',
		休学: 'Suspended',
		退学: 'Withdrawn',
		毕业: 'Graduated',
		结业: 'Completed (结业)',
		肄业: 'Incomplete (肄业)',
		开除学籍: 'Expelled',
		保留学籍: 'Enrolment kept',
		转学: 'Transferred out',
		死亡: 'Deceased',
		放弃学籍: 'Gave up enrolment',
	},
	change_type: {
		休学: 'Suspension',
		复学: 'Resumption',
		退学: 'Withdrawal',
		转专业: 'Change of major',
		转学: 'Transfer',
		留级: 'Repeat a year',
		降级: 'Move down a year',
		保留学籍: 'Enrolment kept',
		延长学习年限: 'Extended study',
		开除学籍: 'Expulsion',
		恢复学籍: 'Enrolment restored',
		延期毕业: 'Graduation deferred',
		放弃学籍: 'Gave up enrolment',
	},
	outcome: { 毕业: 'Graduated', 结业: 'Completed (结业)', 肄业: 'Incomplete (肄业)' },
	channel: {
		现场: 'On site',
		委托代办: 'By proxy',
		邮寄: 'By post',
		PC端: 'Web (PC)',
		移动端: 'Mobile',
		自助终端: 'Self-service kiosk',
	},
	purpose: {
		出国留学: 'Study abroad',
		学历学位认证: 'Degree verification',
		就业入职: 'Employment',
		考研升学: 'Further study',
		职称评审: 'Title review',
		入伍政审: 'Military vetting',
		户籍迁移: 'Household registration',
		公务员政审: 'Civil-service vetting',
		查找: 'Look-up (查找)',
		其他: 'Other (其他)',
	},
	requester_type: {
		在校生: 'Current student',
		校友: 'Alumni',
		教职工: 'Staff',
		校内部门: 'University office',
		用人单位: 'Employer',
		社会单位: 'Outside organization',
		政府机关: 'Government agency',
	},
	archive_category: {
		学籍: 'Student records',
		文书: 'Administrative',
		教学: 'Teaching',
		科研: 'Research',
		基建: 'Construction',
		设备: 'Equipment',
		出版: 'Publishing',
		外事: 'Foreign affairs',
		财会: 'Finance',
		声像: 'Audio-visual',
		党群: 'Party and unions',
	},
	delivery: {
		纸质复印: 'Paper copy',
		电子件: 'Electronic copy',
		盖章认证件: 'Certified copy',
		中英文成绩单: 'Transcript (zh/en)',
	},
} satisfies Record<string, Record<string, string>>;

export type CodeDomain = keyof typeof codes;

function readStoredLocale(): Locale {
	if (typeof localStorage === 'undefined') return 'zh-CN';
	try {
		const stored = localStorage.getItem(STORAGE_KEY);
		return stored === 'en' || stored === 'zh-CN' ? stored : 'zh-CN';
	} catch {
		return 'zh-CN'; // storage blocked (private mode, policy): fall back to the default
	}
}

const current = $state<{ locale: Locale }>({ locale: readStoredLocale() });

export function getLocale(): Locale {
	return current.locale;
}

export function setLocale(locale: Locale): void {
	current.locale = locale;
	try {
		localStorage.setItem(STORAGE_KEY, locale);
	} catch {
		// not remembered, still switched
	}
	if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

function interpolate(text: string, params?: Record<string, string | number>): string {
	if (!params) return text;
	return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole,
	);
}

/** The UI string `key` in the current locale, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
	const entry: Entry = messages[key];
	return interpolate(current.locale === 'en' ? entry.en : entry.zh, params);
}

/** A code from the data (e.g. level 本科) in the current locale; unknown codes are shown as received. */
export function tCode(domain: CodeDomain, code: string): string {
	if (current.locale !== 'en') return code;
	const table: Record<string, string> = codes[domain];
	return table[code] ?? code;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = current.locale + JSON.stringify(options);
	let format = numberFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(current.locale, options);
		numberFormats.set(key, format);
	}
	return format;
}

/** A number with grouping, in the current locale; '—' for missing values. */
export function formatNumber(value: number | null | undefined, fractionDigits = 0): string {
	if (value == null || !Number.isFinite(value)) return '—';
	return numberFormat({ minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}

/** A ratio (0.081) as a percentage (8.1%); '—' for missing values. */
export function formatPercent(ratio: number | null | undefined, fractionDigits = 1): string {
	if (ratio == null || !Number.isFinite(ratio)) return '—';
	return numberFormat({
		style: 'percent',
		minimumFractionDigits: fractionDigits,
		maximumFractionDigits: fractionDigits,
	}).format(ratio);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** An ISO timestamp in the reader's time zone and the current locale ('2025/3/1 14:05:09'); '—' if unreadable. */
export function formatDateTime(iso: string | null | undefined): string {
	const date = iso ? new Date(iso) : null;
	if (!date || Number.isNaN(date.getTime())) return '—';
	let format = dateTimeFormats.get(current.locale);
	if (!format) {
		format = new Intl.DateTimeFormat(current.locale, {
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23',
		});
		dateTimeFormats.set(current.locale, format);
	}
	return format.format(date);
}

/** An account role (API code such as teaching_affairs) by name; unknown roles show the server's label. */
export function roleLabel(role: string, serverLabel: string): string {
	const key = `role.${role}`;
	return key in messages ? t(key as MessageKey) : serverLabel;
}

export function termLabel(termIndex: number): string {
	return t('term.label', { n: termIndex });
}

export function cohortLabel(entryYear: number): string {
	return t('cohort.label', { year: entryYear });
}
