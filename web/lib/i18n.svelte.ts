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

	// grades page
	'grades.title': { zh: '成绩趋势', en: 'Grade trends' },
	'grades.intro': {
		zh: '各入学年级自入学起逐学期的课程成绩（首次考试）走势；延长学习年限的学生会出现在第 10 学期之后。',
		en: 'Course results (first attempts) of each entry cohort, term by term since entry; students who extend their studies appear after term 10.',
	},
	'grades.chartTitle': { zh: '各年级分学期{metric}', en: '{metric} by term since entry, per cohort' },
	'grades.filename': { zh: '成绩趋势', en: 'grade-trends' },

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
	},
	outcome: { 毕业: 'Graduated', 结业: 'Completed (结业)', 肄业: 'Incomplete (肄业)' },
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
