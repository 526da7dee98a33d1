// The university's fixed structure: 15 colleges, their majors and courses, and each major's teaching
// plan (培养方案) term by term. The catalog does not depend on the run's seed — it is the same school
// in every run, so named courses and colleges in the planted patterns always exist — and it is built
// from its own fixed random stream (course difficulty, credits, which courses report decimals).
import { deriveSeed, labelCode, Rng } from './random.ts';
import { csvField } from './csv-writer.ts';

export type Level = '本科' | '专科';
export type Nature = '必修' | '选修' | '公共必修' | '公共选修';
/** Which mathematics a major takes in its first year: 高等数学A/B/C, 应用高等数学 (专科) or none (大学语文). */
type MathTrack = 'A' | 'B' | 'C' | 'voc' | 'none';

export interface College {
  index: number;
  /** Two digits, part of every student id. */
  code: string;
  name: string;
  /** Points added to the mean score of the courses it teaches (departments grade differently). */
  effect: number;
  majors: Major[];
}

export interface Course {
  id: string;
  name: string;
  nature: Nature;
  credits: number;
  dept: College;
  /** Points added to the mean score (negative = harder). */
  ease: number;
  /** Graded 优/良/中/及格/不及格 rather than a percentage. */
  fiveLevel: boolean;
  /** Percentage scores reported with one decimal. */
  decimals: boolean;
  /** Pre-rendered CSV fields course_id,course_name,course_nature,credits (the hot path writes millions). */
  csvMiddle: string;
  csvDept: string;
}

export interface PlanTerm {
  /** Courses every student of the major takes this study term. */
  required: Course[];
  /** Electives each student picks from the major's pool. */
  electiveSlots: number;
  /** One school-wide public elective (公共选修) this term. */
  publicElective: boolean;
}

export interface Major {
  index: number;
  college: College;
  name: string;
  /** As used in class names: 计算机2019-1班. */
  short: string;
  level: Level;
  duration: number;
  /** 工学学士 …; null for 专科 (no degree). */
  degreeType: string | null;
  /** Share of each cohort's intake (relative). */
  weight: number;
  /** First cohort admitted (majors opened later). */
  since: number;
  /** Relative attraction as a 转专业 destination. */
  popularity: number;
  plan: PlanTerm[];
  electivePool: Course[];
}

export interface Catalog {
  colleges: College[];
  majors: Major[];
  courses: Course[];
  publicElectives: Course[];
  courseByName(name: string): Course;
}

type Discipline = '工' | '理' | '经' | '管' | '文' | '法' | '医' | '艺' | '教' | '建' | '专';

interface MajorSpec {
  name: string;
  short: string;
  discipline: Discipline;
  weight: number;
  own: string[];
  duration?: number;
  since?: number;
  math?: MathTrack;
  physics?: boolean;
  /** How many of the college's core courses the major takes (from the start of the list). */
  coreTake?: number;
  popularity?: number;
}

interface CollegeSpec {
  name: string;
  effect: number;
  core: string[];
  electives: string[];
  majors: MajorSpec[];
}

const DEGREE: Record<Discipline, string | null> = {
  工: '工学学士', 理: '理学学士', 经: '经济学学士', 管: '管理学学士', 文: '文学学士', 法: '法学学士',
  医: '医学学士', 艺: '艺术学学士', 教: '教育学学士', 建: '建筑学学士', 专: null,
};

const DEFAULT_MATH: Record<Discipline, MathTrack> = {
  工: 'A', 理: 'A', 经: 'B', 管: 'B', 文: 'none', 法: 'none', 医: 'C', 艺: 'none', 教: 'none', 建: 'C', 专: 'none',
};

// Colleges in code order (01…15). Effects are our choice: humanities and arts grade higher, mathematics
// and engineering lower, as commonly observed.
const COLLEGES: CollegeSpec[] = [
  {
    name: '计算机科学与技术学院', effect: -1,
    core: ['程序设计基础', '离散数学', '数据结构', '面向对象程序设计', '数字逻辑', '计算机组成原理', '数据库原理', '操作系统', '计算机网络', '算法设计与分析', '软件工程导论', '编译原理'],
    electives: ['Web前端开发', '移动应用开发', '云计算技术', '信息安全导论', '计算机图形学', '分布式系统', '嵌入式系统', '人机交互'],
    majors: [
      { name: '计算机科学与技术', short: '计算机', discipline: '工', weight: 3, popularity: 4, own: ['计算理论基础', '并行计算', '计算机体系结构', '计算机系统综合设计'] },
      { name: '软件工程', short: '软工', discipline: '工', weight: 2.5, popularity: 3, own: ['软件需求工程', '软件测试技术', '软件项目管理', '软件体系结构'] },
      { name: '网络工程', short: '网络', discipline: '工', weight: 1.2, own: ['路由与交换技术', '网络安全技术', '网络规划与设计', '无线网络技术'] },
      { name: '数据科学与大数据技术', short: '大数据', discipline: '工', weight: 1.2, since: 2017, popularity: 3, own: ['大数据技术原理', '数据挖掘', '数据可视化', 'Python数据分析', '统计学习'] },
      { name: '人工智能', short: '智能', discipline: '工', weight: 1, since: 2019, popularity: 4, own: ['人工智能导论', '机器学习', '深度学习', '自然语言处理', '计算机视觉'] },
      { name: '计算机应用技术', short: '计应', discipline: '专', weight: 1.6, math: 'voc', coreTake: 6, popularity: 2, own: ['办公软件高级应用', '网页设计与制作', '计算机组装与维护', 'Java程序设计'] },
    ],
  },
  {
    name: '机械工程学院', effect: -1.5,
    core: ['工程制图', '理论力学', '材料力学', '机械原理', '机械设计', '工程材料', '电工电子技术', '机械制造技术基础', '互换性与测量技术', '液压与气压传动', '控制工程基础', '数控技术'],
    electives: ['机器人技术', '有限元分析', '先进制造技术', '工业工程', '精密加工技术', '现代设计方法', '机械振动', '智能制造概论'],
    majors: [
      { name: '机械设计制造及其自动化', short: '机制', discipline: '工', weight: 3, own: ['机械制造装备设计', '机电传动控制', '机械系统设计', '机械CAD/CAM'] },
      { name: '车辆工程', short: '车辆', discipline: '工', weight: 1.5, own: ['汽车构造', '汽车理论', '汽车设计', '发动机原理'] },
      { name: '材料成型及控制工程', short: '材控', discipline: '工', weight: 1.2, own: ['材料成型原理', '模具设计', '焊接结构', '铸造工艺'] },
      { name: '工业设计', short: '工设', discipline: '工', weight: 1, math: 'B', physics: false, coreTake: 6, own: ['设计素描', '产品造型设计', '人机工程学', '设计心理学'] },
      { name: '机电一体化技术', short: '机电', discipline: '专', weight: 1.6, math: 'voc', coreTake: 6, own: ['机械基础', '电气控制与PLC', '传感器与检测技术', '数控编程与操作'] },
    ],
  },
  {
    name: '物理与电子工程学院', effect: -1,
    core: ['C语言程序设计', '电路分析', '模拟电子技术', '数字电子技术', '信号与系统', '微机原理与接口技术', '单片机原理及应用', '自动控制原理', '电磁场与电磁波', '数字信号处理', '电子测量技术', '大学物理实验'],
    electives: ['FPGA设计', '嵌入式系统设计', '物联网技术', '射频电路', '光电子技术', 'DSP技术及应用', '智能传感技术', 'EDA技术'],
    majors: [
      { name: '电子信息工程', short: '电信', discipline: '工', weight: 2, own: ['高频电子线路', '电子系统设计', '图像处理技术'] },
      { name: '通信工程', short: '通信', discipline: '工', weight: 1.5, own: ['通信原理', '移动通信', '光纤通信', '信息论与编码'] },
      { name: '电气工程及其自动化', short: '电气', discipline: '工', weight: 2.5, popularity: 2, own: ['电机学', '电力系统分析', '发电厂电气部分', '电力电子技术'] },
      { name: '自动化', short: '自动化', discipline: '工', weight: 1.5, own: ['现代控制理论', '过程控制', '运动控制系统', '计算机控制技术'] },
      { name: '应用物理学', short: '物理', discipline: '理', weight: 0.8, coreTake: 8, own: ['数学物理方法', '量子力学', '热力学与统计物理', '固体物理'] },
    ],
  },
  {
    name: '土木与建筑工程学院', effect: -0.5,
    core: ['工程制图与CAD', '理论力学', '材料力学', '结构力学', '土木工程材料', '工程测量', '土力学', '房屋建筑学', '混凝土结构设计原理', '钢结构', '工程经济学', '建设工程法规'],
    electives: ['BIM技术应用', '建筑设备', '工程项目管理', '高层建筑结构', '桥梁工程', '地下工程', '建筑节能', '工程监理'],
    majors: [
      { name: '土木工程', short: '土木', discipline: '工', weight: 2.5, own: ['基础工程', '土木工程施工', '结构抗震设计'] },
      { name: '建筑学', short: '建筑', discipline: '建', weight: 1, duration: 5, coreTake: 8, own: ['建筑设计基础', '建筑设计(一)', '建筑设计(二)', '建筑设计(三)', '建筑设计(四)', '中外建筑史', '城市规划原理', '建筑物理', '建筑构造'] },
      { name: '工程管理', short: '工管', discipline: '管', weight: 1.2, own: ['工程造价', '工程合同管理', '工程项目融资', '管理学原理'] },
      { name: '给排水科学与工程', short: '给排水', discipline: '工', weight: 1, own: ['水力学', '水质工程学', '给水排水管网系统', '水泵与水泵站'] },
      { name: '建筑工程技术', short: '建工', discipline: '专', weight: 1.3, math: 'voc', coreTake: 6, own: ['建筑构造与识图', '建筑施工技术', '建筑工程计量与计价', '建筑材料检测'] },
    ],
  },
  {
    name: '经济管理学院', effect: 1,
    core: ['微观经济学', '宏观经济学', '管理学原理', '会计学原理', '统计学', '经济法', '财务管理', '市场营销学', '货币银行学', '计量经济学', '组织行为学', '运营管理'],
    electives: ['电子商务', '人力资源管理', '国际金融', '公司理财', '商务谈判', '证券投资学', '企业战略管理', '消费者行为学'],
    majors: [
      { name: '经济学', short: '经济', discipline: '经', weight: 1.5, own: ['中级微观经济学', '中级宏观经济学', '公共经济学', '发展经济学'] },
      { name: '国际经济与贸易', short: '国贸', discipline: '经', weight: 1.5, own: ['国际贸易理论', '国际贸易实务', '国际结算', '外贸函电'] },
      { name: '工商管理', short: '工商', discipline: '管', weight: 1.5, own: ['战略管理', '生产与运作管理', '创业管理', '管理信息系统'] },
      { name: '会计学', short: '会计', discipline: '管', weight: 2.5, popularity: 3, own: ['中级财务会计', '高级财务会计', '成本会计', '审计学', '税法'] },
      { name: '市场营销', short: '营销', discipline: '管', weight: 1.2, own: ['市场调查与预测', '品牌管理', '广告学概论', '销售管理'] },
      { name: '大数据与会计', short: '会计专', discipline: '专', weight: 1.6, coreTake: 6, popularity: 2, own: ['基础会计', '财务会计实务', '会计信息系统', '纳税实务'] },
    ],
  },
  {
    name: '外国语学院', effect: 2,
    core: ['语言学概论', '跨文化交际', '第二外语(一)', '第二外语(二)', '综合英语(一)', '综合英语(二)', '英语听力', '英语口语', '英语写作', '英语语法', '英美文学', '英汉翻译'],
    electives: ['英语演讲与辩论', '商务英语写作', '同声传译基础', '欧洲文化', '美国文学选读', '语料库语言学', '外语教学法', '影视英语'],
    majors: [
      { name: '英语', short: '英语', discipline: '文', weight: 2, own: ['高级英语', '英国文学史', '美国文学史', '英语教学论'] },
      { name: '日语', short: '日语', discipline: '文', weight: 1, coreTake: 4, own: ['基础日语(一)', '基础日语(二)', '日语听力', '日语会话', '日语写作', '高级日语', '日本文学', '日汉翻译'] },
      { name: '翻译', short: '翻译', discipline: '文', weight: 1, own: ['口译基础', '笔译实践', '交替传译', '翻译理论与技巧', '计算机辅助翻译'] },
      { name: '商务英语', short: '商英', discipline: '文', weight: 1.2, own: ['商务英语阅读', '国际商务谈判', '商务英语翻译', '国际贸易实务(英)'] },
    ],
  },
  {
    name: '医学院', effect: -0.5,
    core: ['人体解剖学', '组织学与胚胎学', '生理学', '生物化学', '医学微生物学', '医学免疫学', '病理学', '药理学', '病理生理学', '诊断学', '预防医学', '医学伦理学'],
    electives: ['医学心理学', '卫生法学', '医学统计学', '循证医学', '康复医学', '中医学概论', '全科医学概论', '医学文献检索'],
    majors: [
      { name: '临床医学', short: '临床', discipline: '医', weight: 2.5, duration: 5, popularity: 3, own: ['内科学', '外科学', '妇产科学', '儿科学', '神经病学', '传染病学', '急诊医学', '眼科学', '耳鼻咽喉科学'] },
      { name: '医学影像学', short: '影像', discipline: '医', weight: 1, duration: 5, own: ['医学影像物理学', '影像诊断学', '超声诊断学', '核医学', '介入放射学', '医学影像设备学', '影像内科学', '影像外科学'] },
      { name: '护理学', short: '护理', discipline: '理', weight: 2, math: 'C', coreTake: 8, own: ['护理学导论', '基础护理学', '内科护理学', '外科护理学', '妇产科护理学', '儿科护理学'] },
      { name: '药学', short: '药学', discipline: '理', weight: 1.2, math: 'C', coreTake: 8, own: ['有机化学', '分析化学', '药物化学', '药剂学', '天然药物化学', '药物分析'] },
      { name: '护理', short: '护理专', discipline: '专', weight: 1.6, coreTake: 6, own: ['护理学基础', '内科护理', '外科护理', '健康评估'] },
    ],
  },
  {
    name: '数学与统计学院', effect: -2,
    core: ['数学分析(一)', '高等代数(一)', '解析几何', '数学分析(二)', '高等代数(二)', '数学分析(三)', '常微分方程', '概率论', '数理统计', '复变函数', '实变函数', '数值分析'],
    electives: ['数学建模', '运筹学', '偏微分方程', '拓扑学', '时间序列分析', '多元统计分析', '抽样调查', '随机过程'],
    majors: [
      { name: '数学与应用数学', short: '数学', discipline: '理', weight: 1.5, own: ['近世代数', '泛函分析', '微分几何'] },
      { name: '信息与计算科学', short: '信计', discipline: '理', weight: 1, own: ['数据结构与算法', '计算方法', '最优化方法', '信息论基础'] },
      { name: '统计学', short: '统计', discipline: '理', weight: 1.2, popularity: 2, own: ['回归分析', '统计软件', '非参数统计', '贝叶斯统计'] },
    ],
  },
  {
    name: '化学与材料工程学院', effect: -1,
    core: ['无机化学', '有机化学', '分析化学', '化学实验基础', '物理化学', '仪器分析', '结构化学', '化工原理', '材料科学基础', '高分子化学', '化学工程基础', '环境化学'],
    electives: ['绿色化学', '精细化工', '纳米材料', '电化学', '催化原理', '涂料与胶粘剂', '功能材料', '化工安全'],
    majors: [
      { name: '应用化学', short: '应化', discipline: '理', weight: 1.2, own: ['应用化学综合实验', '化学分析与检测', '工业分析'] },
      { name: '材料科学与工程', short: '材料', discipline: '工', weight: 1.2, own: ['材料物理', '材料力学性能', '材料分析方法', '金属材料学'] },
      { name: '化学工程与工艺', short: '化工', discipline: '工', weight: 1.2, own: ['化工热力学', '化学反应工程', '化工设备设计', '化工工艺学'] },
    ],
  },
  {
    name: '文学与新闻传播学院', effect: 1.5,
    core: ['现代汉语', '古代汉语', '文学概论', '中国古代文学', '中国现当代文学', '外国文学', '写作', '新闻学概论', '传播学概论', '美学', '中国文化概论', '语言学纲要'],
    electives: ['唐诗宋词鉴赏', '影视批评', '网络传播', '公共关系学', '编辑学', '秘书学', '演讲与口才', '民俗学'],
    majors: [
      { name: '汉语言文学', short: '汉语言', discipline: '文', weight: 1.8, own: ['文字学', '古典文献学', '中国文学批评史'] },
      { name: '新闻学', short: '新闻', discipline: '文', weight: 1.2, own: ['新闻采访', '新闻写作', '新闻编辑', '新闻评论', '新闻摄影'] },
      { name: '广告学', short: '广告', discipline: '文', weight: 1, own: ['广告策划', '广告文案', '品牌传播', '广告心理学'] },
      { name: '网络与新媒体', short: '新媒体', discipline: '文', weight: 1, since: 2018, own: ['新媒体概论', '网络新闻实务', '数据新闻', '新媒体运营'] },
    ],
  },
  {
    name: '法学院', effect: 0.5,
    core: ['法理学', '宪法学', '民法学', '刑法学', '中国法制史', '行政法与行政诉讼法', '民事诉讼法学', '刑事诉讼法学', '商法学', '经济法学', '国际法', '知识产权法'],
    electives: ['劳动法', '环境资源法', '证据法学', '法律文书写作', '律师实务', '婚姻家庭法', '网络法', '司法鉴定概论'],
    majors: [
      { name: '法学', short: '法学', discipline: '法', weight: 2, popularity: 2, own: ['国际私法', '国际经济法', '法律职业伦理'] },
      { name: '知识产权', short: '知产', discipline: '法', weight: 0.8, own: ['专利法', '商标法', '著作权法', '知识产权管理'] },
      { name: '社会工作', short: '社工', discipline: '法', weight: 0.8, coreTake: 4, own: ['社会学概论', '社会工作概论', '个案工作', '小组工作', '社区工作', '社会政策'] },
    ],
  },
  {
    name: '艺术设计学院', effect: 2.5,
    core: ['素描', '色彩', '设计构成', '设计概论', '中外美术史', '计算机辅助设计', '摄影基础', '图形创意', '字体设计', '装饰图案', '艺术概论', '设计史'],
    electives: ['插画设计', '展示设计', '陶艺', '动画基础', '书籍装帧', '包装设计', '数字媒体艺术', '公共艺术'],
    majors: [
      { name: '视觉传达设计', short: '视传', discipline: '艺', weight: 1.2, own: ['版式设计', '标志设计', '广告设计', '品牌形象设计'] },
      { name: '环境设计', short: '环设', discipline: '艺', weight: 1.2, own: ['室内设计', '景观设计', '建筑制图', '家具设计'] },
      { name: '产品设计', short: '产设', discipline: '艺', weight: 0.8, own: ['产品设计程序与方法', '产品结构设计', '产品人机工程', '模型制作'] },
      { name: '音乐学', short: '音乐', discipline: '艺', weight: 0.8, coreTake: 2, own: ['基本乐理', '和声学', '视唱练耳', '钢琴', '声乐', '中国音乐史', '西方音乐史', '曲式与作品分析'] },
      { name: '数字媒体艺术设计', short: '数媒专', discipline: '专', weight: 1.2, coreTake: 6, own: ['三维动画制作', '影视后期制作', '交互设计', 'UI设计'] },
    ],
  },
  {
    name: '马克思主义学院', effect: 3,
    core: ['马克思主义哲学', '政治经济学', '科学社会主义', '中国共产党历史', '思想政治教育学原理', '伦理学', '政治学原理', '社会学', '中国哲学史', '西方哲学史', '马克思主义经典著作选读', '当代世界经济与政治'],
    electives: ['教育学', '心理学', '公共管理学', '当代中国外交', '国际政治概论', '中国政治制度史', '行政管理学', '社会调查方法'],
    majors: [
      { name: '思想政治教育', short: '思政', discipline: '法', weight: 0.8, own: ['思想政治教育方法论', '德育原理', '思想政治教育史'] },
      { name: '马克思主义理论', short: '马理', discipline: '法', weight: 0.5, own: ['马克思主义发展史', '国外马克思主义', '马克思主义中国化研究'] },
      { name: '政治学与行政学', short: '政行', discipline: '法', weight: 0.6, own: ['比较政治制度', '行政法学', '公共政策分析'] },
    ],
  },
  {
    name: '生命科学学院', effect: 0,
    core: ['普通生物学', '基础化学', '植物生物学', '动物生物学', '生物化学', '微生物学', '细胞生物学', '遗传学', '分子生物学', '生态学', '生物统计学', '生物学实验技术'],
    electives: ['免疫学', '生物信息学', '发酵工程', '酶工程', '植物生理学', '基因工程', '生物安全', '进化生物学'],
    majors: [
      { name: '生物科学', short: '生科', discipline: '理', weight: 1.2, math: 'C', own: ['发育生物学', '生物进化论', '动物生理学'] },
      { name: '生物技术', short: '生技', discipline: '理', weight: 1, math: 'C', own: ['基因工程原理', '细胞工程', '生物工程下游技术'] },
      { name: '食品科学与工程', short: '食品', discipline: '工', weight: 1.2, physics: false, own: ['食品化学', '食品微生物学', '食品工艺学', '食品安全与检测', '食品工程原理'] },
    ],
  },
  {
    name: '体育学院', effect: 3,
    core: ['体育概论', '运动解剖学', '运动生理学', '田径', '篮球', '足球', '排球', '体操', '武术', '游泳', '学校体育学', '运动训练学'],
    electives: ['乒乓球', '羽毛球', '健美操', '网球', '体育舞蹈', '体育保健学', '运动心理学', '体育科研方法'],
    majors: [
      { name: '体育教育', short: '体教', discipline: '教', weight: 1.2, own: ['体育教学论', '体育课程与教学设计', '体育测量与评价'] },
      { name: '社会体育指导与管理', short: '社体', discipline: '教', weight: 0.8, own: ['社会体育导论', '体育管理学', '健身指导'] },
      { name: '运动训练', short: '运训', discipline: '教', weight: 0.6, own: ['专项训练理论', '运动选材学', '运动训练实践'] },
    ],
  },
];

// School-wide courses: name, credits, teaching college (by index), graded in five levels.
const COMMON: [string, number, number, boolean][] = [
  ['高等数学A', 5, 7, false],
  ['高等数学B', 4, 7, false],
  ['高等数学C', 3, 7, false],
  ['线性代数', 3, 7, false],
  ['概率论与数理统计', 3, 7, false],
  ['应用高等数学', 4, 7, false],
  ['大学物理', 4, 2, false],
  ['大学语文', 2, 9, false],
  ['大学计算机基础', 2, 0, false],
  ['思想道德与法治', 3, 12, false],
  ['中国近现代史纲要', 3, 12, false],
  ['马克思主义基本原理', 3, 12, false],
  ['毛泽东思想和中国特色社会主义理论体系概论', 3, 12, false],
  ['习近平新时代中国特色社会主义思想概论', 3, 12, false],
  ['形势与政策(一)', 0.5, 12, true],
  ['形势与政策(二)', 0.5, 12, true],
  ['形势与政策(三)', 0.5, 12, true],
  ['形势与政策(四)', 0.5, 12, true],
  ['军事理论', 2, 12, false],
  ['大学生心理健康教育', 2, 12, true],
  ['大学生职业发展与就业指导', 1, 12, true],
  ['创新创业基础', 2, 4, false],
  ['大学英语(一)', 3, 5, false],
  ['大学英语(二)', 3, 5, false],
  ['大学英语(三)', 2, 5, false],
  ['大学英语(四)', 2, 5, false],
  ['体育(一)', 1, 14, true],
  ['体育(二)', 1, 14, true],
  ['体育(三)', 1, 14, true],
  ['体育(四)', 1, 14, true],
];

// 公共选修 (general education electives): name and teaching college index.
const PUBLIC_ELECTIVES: [string, number][] = [
  ['中国传统文化概论', 9], ['音乐鉴赏', 11], ['美术鉴赏', 11], ['影视鉴赏', 9], ['心理学与生活', 12],
  ['人工智能与社会', 0], ['经济学漫谈', 4], ['法律与生活', 10], ['健康与养生', 6], ['书法艺术', 11],
  ['口才与沟通', 9], ['文献检索与利用', 9], ['数学文化', 7], ['生命科学导论', 13], ['化学与社会', 8],
  ['日语入门', 5], ['体育健身与健康', 14], ['摄影艺术', 11], ['创业实务', 4], ['大学生安全教育', 12],
];

// Major-specific course names used when the plan needs more required courses than the college lists
// (prefixed with the major's name): the practical and project courses every plan has.
const FILLERS = ['专业英语', '课程设计(一)', '综合实验', '课程设计(二)', '科研训练', '专业实践(一)', '专业见习', '专业实践(二)', '专题研讨(一)', '专题研讨(二)', '创新实践', '文献阅读与写作', '专业技能训练', '综合实训'];
const FIVE_LEVEL_FILLERS = new Set(['科研训练', '专业实践(一)', '专业见习', '专业实践(二)', '创新实践', '专业技能训练', '综合实训']);
const HARD = /数学|代数|分析\(|力学|电路|电子技术|信号|物理|化学|解剖|生理|病理|药理|生物化学|数据结构|编译|算法|原理|概率|计量|函数|方程|电磁|控制|量子/;

const CATALOG_SEED = deriveSeed(labelCode('xueji-catalog-v1'));

export function buildCatalog(): Catalog {
  const rng = new Rng(CATALOG_SEED);
  const courses: Course[] = [];
  const serials = new Map<College, number>();

  const colleges: College[] = COLLEGES.map((spec, index) => ({
    index,
    code: String(index + 1).padStart(2, '0'),
    name: spec.name,
    effect: spec.effect,
    majors: [],
  }));

  function makeCourse(name: string, nature: Nature, credits: number, dept: College, fiveLevel: boolean, easeBase: number): Course {
    const serial = (serials.get(dept) ?? 0) + 1;
    serials.set(dept, serial);
    const letter = nature === '必修' ? 'B' : nature === '选修' ? 'X' : nature === '公共必修' ? 'G' : 'T';
    const id = `${letter}${dept.code}${String(serial).padStart(3, '0')}`;
    const hard = HARD.test(name) ? -4 : 0;
    const ease = Math.round((easeBase + hard + rng.normal(0, 2)) * 10) / 10;
    const decimals = !fiveLevel && rng.chance(0.2);
    const course: Course = {
      id, name, nature, credits, dept, ease, fiveLevel, decimals,
      csvMiddle: `${id},${csvField(name)},${nature},${credits}`,
      csvDept: csvField(dept.name),
    };
    courses.push(course);
    return course;
  }

  const common = new Map<string, Course>();
  for (const [name, credits, deptIndex, fiveLevel] of COMMON) {
    common.set(name, makeCourse(name, '公共必修', credits, colleges[deptIndex], fiveLevel, fiveLevel ? 6 : 0.5));
  }
  const publicElectives = PUBLIC_ELECTIVES.map(([name, deptIndex]) =>
    makeCourse(name, '公共选修', rng.chance(0.5) ? 1.5 : 2, colleges[deptIndex], rng.chance(0.5), 5),
  );
  const g = (name: string): Course => {
    const course = common.get(name);
    if (!course) throw new Error(`catalog: no common course ${name}`);
    return course;
  };

  const majors: Major[] = [];
  COLLEGES.forEach((spec, collegeIndex) => {
    const college = colleges[collegeIndex];
    // College courses are shared by its majors (one course id, taught by the college).
    const core = spec.core.map((name) =>
      makeCourse(name, '必修', HARD.test(name) ? (rng.chance(0.5) ? 4 : 3) : rng.pick([2, 2.5, 3]), college, false, 0),
    );
    const electives = spec.electives.map((name) => makeCourse(name, '选修', rng.pick([1.5, 2]), college, false, 2.5));

    for (const m of spec.majors) {
      const level: Level = m.discipline === '专' ? '专科' : '本科';
      const duration = m.duration ?? (level === '专科' ? 3 : 4);
      const math = m.math ?? DEFAULT_MATH[m.discipline];
      const physics = m.physics ?? (m.discipline === '工' && math === 'A');
      const own = m.own.map((name) =>
        makeCourse(name, '必修', HARD.test(name) ? (rng.chance(0.5) ? 4 : 3) : rng.pick([2, 2.5, 3]), college, false, 0),
      );
      const taken = core.slice(0, m.coreTake ?? core.length);
      const halfCore = Math.ceil(taken.length / 2);
      const halfOwn = Math.ceil(own.length / 2);
      const intro = makeCourse(`${m.name}专业导论`, '必修', 1, college, false, 3);
      const sequence = [intro, ...taken.slice(0, halfCore), ...own.slice(0, halfOwn), ...taken.slice(halfCore), ...own.slice(halfOwn)];
      let fillerIndex = 0;
      const nextRequired = (): Course => {
        const course = sequence.shift();
        if (course) return course;
        const base = FILLERS[fillerIndex % FILLERS.length];
        const round = Math.floor(fillerIndex / FILLERS.length);
        fillerIndex++;
        const name = `${m.name}${base}${round > 0 ? `(${round + 1})` : ''}`;
        const five = FIVE_LEVEL_FILLERS.has(base);
        return makeCourse(name, '必修', five ? 1 : base.startsWith('课程设计') ? 2 : 1.5, college, five, 3);
      };

      // Common courses per study term. 外国语学院 majors take their own English, not 大学英语.
      const english = college.index !== 5;
      const terms = duration * 2;
      const commonByTerm: Course[][] = Array.from({ length: terms }, () => []);
      const mathFirst = math === 'A' ? '高等数学A' : math === 'B' ? '高等数学B' : math === 'C' ? '高等数学C' : math === 'voc' ? '应用高等数学' : '大学语文';
      if (level === '本科') {
        commonByTerm[0].push(g('思想道德与法治'), g('军事理论'), g('大学生心理健康教育'), g(mathFirst), g('大学计算机基础'));
        commonByTerm[1].push(g('中国近现代史纲要'));
        commonByTerm[2].push(g('马克思主义基本原理'));
        commonByTerm[3].push(g('毛泽东思想和中国特色社会主义理论体系概论'));
        commonByTerm[4].push(g('习近平新时代中国特色社会主义思想概论'), g('创新创业基础'));
        commonByTerm[5].push(g('大学生职业发展与就业指导'));
        if (math === 'A' || math === 'B') commonByTerm[1].push(g('线性代数'));
        if (math === 'A' || math === 'B') commonByTerm[2].push(g('概率论与数理统计'));
        if (physics) commonByTerm[1].push(g('大学物理'));
        for (let t = 0; t < 4; t++) {
          const n = ['一', '二', '三', '四'][t];
          commonByTerm[t].push(g(`体育(${n})`), g(`形势与政策(${n})`));
          if (english) commonByTerm[t].push(g(`大学英语(${n})`));
        }
      } else {
        commonByTerm[0].push(g('思想道德与法治'), g('军事理论'), g('大学生心理健康教育'), g(mathFirst), g('大学计算机基础'), g('大学英语(一)'), g('体育(一)'), g('形势与政策(一)'));
        commonByTerm[1].push(g('毛泽东思想和中国特色社会主义理论体系概论'), g('大学英语(二)'), g('体育(二)'), g('形势与政策(二)'));
        commonByTerm[2].push(g('习近平新时代中国特色社会主义思想概论'), g('体育(三)'), g('形势与政策(三)'), g('创新创业基础'));
        commonByTerm[3].push(g('大学生职业发展与就业指导'), g('形势与政策(四)'));
      }

      // Term loads (our rule, typical plans): 9–10 courses a term until the last year, 6 in the
      // second-to-last term, and the final term is the internship and the thesis/project.
      const plan: PlanTerm[] = [];
      const lastPublic = level === '本科' ? 5 : 3;
      for (let t = 0; t < terms; t++) {
        if (t === terms - 1) {
          const finals = level === '本科'
            ? [makeCourse(`${m.name}毕业实习`, '必修', 4, college, true, 7), makeCourse(`${m.name}毕业设计(论文)`, '必修', 8, college, true, 5)]
            : [makeCourse(`${m.name}顶岗实习`, '必修', 6, college, true, 7), makeCourse(`${m.name}毕业设计`, '必修', 4, college, true, 5)];
          plan.push({ required: finals, electiveSlots: 0, publicElective: false });
          continue;
        }
        const target = t === terms - 2 ? 6 : t === 0 ? 9 : 10;
        const electiveSlots = t === terms - 2 ? 4 : t === terms - 3 ? 2 : t === terms - 4 ? 1 : 0;
        const publicElective = t >= 1 && t <= lastPublic;
        const required = [...commonByTerm[t]];
        const majorSlots = target - required.length - electiveSlots - (publicElective ? 1 : 0);
        for (let k = 0; k < majorSlots; k++) required.push(nextRequired());
        plan.push({ required, electiveSlots, publicElective });
      }
      const lecture = makeCourse(`${m.name}学科前沿讲座`, '选修', 1, college, true, 4);

      const major: Major = {
        index: majors.length,
        college,
        name: m.name,
        short: m.short,
        level,
        duration,
        degreeType: DEGREE[m.discipline],
        weight: m.weight,
        since: m.since ?? 0,
        popularity: m.popularity ?? 1,
        plan,
        electivePool: [...electives, lecture],
      };
      college.majors.push(major);
      majors.push(major);
    }
  });

  const byName = new Map<string, Course>();
  for (const course of courses) if (!byName.has(course.name)) byName.set(course.name, course);
  return {
    colleges,
    majors,
    courses,
    publicElectives,
    courseByName(name: string): Course {
      const course = byName.get(name);
      if (!course) throw new Error(`catalog: no course named ${name}`);
      return course;
    },
  };
}
