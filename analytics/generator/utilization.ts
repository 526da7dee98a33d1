// Archive utilization (档案利用): requests from the first cohort's September to the as-of date, generated
// month by month in time order, independent of the student loop except that 学籍 requests name an
// existing student (by index, through the layout). Volume: PLANTED.utilization.requestsPerStudentYear for
// every student who has entered by then, shaped by the month weights (peaks at graduation, June–July,
// and for study-abroad applications, September–November). The on-site share falls year by year as the
// PC (from March 2018), mobile (September 2019) and self-service kiosk (September 2020) services open.
import { daysFromCivil, daysInMonth, formatTimestamp, weekday } from './calendar.ts';
import type { CsvFileWriter } from './csv-writer.ts';
import type { StudentLayout } from './layout.ts';
import { onsiteShare, PLANTED } from './planted-patterns.ts';
import { deriveSeed, labelCode, Rng, Weighted } from './random.ts';

type Requester = '在校生' | '校友' | '教职工' | '校内部门' | '用人单位' | '政府机关';

const REQUESTERS_CURRENT = new Weighted<Requester>([['在校生', 76], ['校内部门', 12], ['教职工', 5], ['政府机关', 4], ['用人单位', 3]]);
const REQUESTERS_FORMER = new Weighted<Requester>([['校友', 64], ['用人单位', 15], ['政府机关', 12], ['校内部门', 7], ['教职工', 2]]);
const REQUESTERS_OTHER = new Weighted<Requester>([['教职工', 45], ['校内部门', 42], ['政府机关', 6], ['用人单位', 4], ['校友', 3]]);

// '' is a request whose purpose was not written down; 查找 one recorded too vaguely to use (both are
// data-quality findings in their own right).
const PURPOSES: Record<Requester, [string, number][]> = {
  在校生: [['出国留学', 26], ['考研升学', 18], ['就业入职', 18], ['学历学位认证', 4], ['入伍政审', 4], ['其他', 12], ['查找', 10], ['', 8]],
  校友: [['学历学位认证', 24], ['出国留学', 18], ['就业入职', 16], ['职称评审', 10], ['考研升学', 6], ['户籍迁移', 5], ['公务员政审', 5], ['其他', 6], ['查找', 6], ['', 4]],
  用人单位: [['就业入职', 55], ['学历学位认证', 28], ['公务员政审', 5], ['查找', 6], ['', 6]],
  政府机关: [['公务员政审', 45], ['入伍政审', 22], ['户籍迁移', 15], ['其他', 10], ['查找', 4], ['', 4]],
  校内部门: [['其他', 40], ['查找', 35], ['学历学位认证', 5], ['', 20]],
  教职工: [['职称评审', 30], ['其他', 30], ['查找', 28], ['', 12]],
};

/** Seasonal multipliers on purposes by month (1–12). */
function seasonal(purpose: string, month: number): number {
  if (purpose === '出国留学') return month >= 9 && month <= 11 ? 2 : month === 6 || month === 7 ? 0.7 : 1;
  if (purpose === '就业入职') return month >= 3 && month <= 7 ? 1.6 : 1;
  if (purpose === '学历学位认证') return month === 6 || month === 7 ? 1.5 : 1;
  if (purpose === '考研升学') return month >= 9 ? 1.8 : 1;
  if (purpose === '公务员政审') return month >= 3 && month <= 5 ? 1.5 : 1;
  if (purpose === '入伍政审') return month >= 6 && month <= 8 ? 2 : 1;
  return 1;
}

const OTHER_CATEGORIES = new Weighted<string>([
  ['文书', 30], ['教学', 22], ['科研', 14], ['基建', 9], ['财会', 8], ['党群', 6], ['声像', 4], ['设备', 3], ['外事', 2], ['出版', 2],
]);

const DELIVERY: Record<string, Weighted<string>> = {
  出国留学: new Weighted([['中英文成绩单', 80], ['盖章认证件', 12], ['电子件', 5], ['纸质复印', 3]]),
  学历学位认证: new Weighted([['盖章认证件', 55], ['电子件', 25], ['纸质复印', 20]]),
  考研升学: new Weighted([['盖章认证件', 45], ['纸质复印', 35], ['中英文成绩单', 12], ['电子件', 8]]),
  职称评审: new Weighted([['纸质复印', 55], ['盖章认证件', 35], ['电子件', 10]]),
  vetting: new Weighted([['纸质复印', 45], ['盖章认证件', 40], ['电子件', 15]]),
  other: new Weighted([['纸质复印', 70], ['电子件', 30]]),
};
const VETTING = new Set(['就业入职', '公务员政审', '入伍政审', '户籍迁移']);

const ONLINE = new Set(['PC端', '移动端']);

/** Channels other than 现场 and their weights at a fractional year (services open on their launch dates). */
function otherChannels(fy: number): Weighted<string> {
  const entries: [string, number][] = [
    ['委托代办', 0.15],
    ['邮寄', Math.max(0.05, 0.12 - 0.008 * (fy - 2016.5))],
  ];
  if (fy >= 2018 + 2 / 12) entries.push(['PC端', 1]);
  if (fy >= 2019 + 8 / 12) entries.push(['移动端', Math.min(2, 0.3 + 0.3 * (fy - 2019.67))]);
  if (fy >= 2020 + 8 / 12) entries.push(['自助终端', 0.35]);
  return new Weighted(entries);
}

/** Median hours from request to completion, by channel (online service gets faster every year). */
function medianHours(channel: string, fy: number): number {
  switch (channel) {
    case '现场': return 0.5;
    case '委托代办': return 30;
    case '邮寄': return 100;
    case '自助终端': return 0.1;
    default: return 24 * Math.max(0.2, 1 - 0.1 * (fy - 2018));
  }
}

interface Request {
  at: number;
  line: string;
}

export async function writeUtilization(out: CsvFileWriter, seed: number, asOfDay: number, layout: StudentLayout): Promise<void> {
  const cohorts = layout.cohorts;
  const bounds = layout.cohortBounds();
  const u = PLANTED.utilization;
  const meanWeight = u.monthWeights.reduce((x, y) => x + y, 0) / 12;
  const asOfEnd = asOfDay * 86400 + 86399;
  const stream = labelCode('utilization');

  for (let y = cohorts[0], m = 9; daysFromCivil(y, m, 1) <= asOfDay; m === 12 ? (y++, (m = 1)) : m++) {
    const rng = new Rng(deriveSeed(seed, stream, y * 12 + m));
    const first = daysFromCivil(y, m, 1);
    const monthDays = daysInMonth(y, m);
    const days = Math.min(monthDays, asOfDay - first + 1);
    const fy = y + (m - 0.5) / 12;

    // Students who have entered by this month (a cohort enters on 1 September), weighted by size.
    const entered = cohorts.map((c, i) => (c < y || (c === y && m >= 9) ? layout.cohortSizes[i] : 0));
    const enteredTotal = entered.reduce((x, w) => x + w, 0);
    if (enteredTotal === 0) continue;
    const cohortPick = new Weighted(entered.map((w, i) => [i, w] as const));

    const expected = ((enteredTotal * u.requestsPerStudentYear) / 12) * (u.monthWeights[m - 1] / meanWeight) * (days / monthDays);
    const count = Math.max(0, Math.round(expected + rng.normal() * Math.sqrt(expected)));

    const channels = otherChannels(fy);
    const onsite = onsiteShare(fy);
    const purposeTables = new Map<Requester, Weighted<string>>();
    for (const [requester, entries] of Object.entries(PURPOSES) as [Requester, [string, number][]][]) {
      purposeTables.set(requester, new Weighted(entries.map(([p, w]) => [p, w * seasonal(p, m)] as const)));
    }
    // Day weights: counters are closed at weekends (a few kiosk and duty visits), online is every day.
    const weekdayDays = new Weighted(Array.from({ length: days }, (_, d) => [d, weekday(first + d) >= 5 ? 0.08 : 1] as const));

    const requests: Request[] = [];
    for (let r = 0; r < count; r++) {
      const channel = rng.chance(onsite) ? '现场' : channels.draw(rng);
      const online = ONLINE.has(channel);
      const day = first + (online ? rng.int(0, days - 1) : weekdayDays.draw(rng));
      let secondOfDay: number;
      if (online) {
        const x = rng.next();
        secondOfDay = x < 0.7 ? rng.int(8 * 3600, 18 * 3600 - 1) : x < 0.95 ? rng.int(18 * 3600, 86399) : rng.int(0, 8 * 3600 - 1);
      } else secondOfDay = rng.chance(0.55) ? rng.int(8.5 * 3600, 11.5 * 3600) : rng.int(14 * 3600, 17 * 3600);
      const at = day * 86400 + secondOfDay;

      const studentRecords = rng.chance(u.studentRecordShare);
      let studentId = '';
      let requester: Requester;
      if (studentRecords) {
        const c = cohortPick.draw(rng);
        const index = bounds[c] + rng.int(0, layout.cohortSizes[c] - 1);
        const place = layout.locate(index);
        studentId = place.studentId;
        const leaves = daysFromCivil(cohorts[c] + place.segment.major.duration, 6, 30);
        requester = (day > leaves ? REQUESTERS_FORMER : REQUESTERS_CURRENT).draw(rng);
      } else requester = REQUESTERS_OTHER.draw(rng);
      const purpose = purposeTables.get(requester)!.draw(rng);
      const category = studentRecords ? '学籍' : OTHER_CATEGORIES.draw(rng);

      let delivery = (DELIVERY[purpose] ?? (VETTING.has(purpose) ? DELIVERY.vetting : DELIVERY.other)).draw(rng);
      if (online && delivery === '纸质复印' && rng.chance(0.6)) delivery = '电子件';
      if (channel === '邮寄' && delivery === '电子件') delivery = '纸质复印';

      const items = studentRecords ? (rng.chance(0.88) ? 1 : rng.chance(0.83) ? 2 : 3) : Math.min(10, 1 + Math.floor(-Math.log(1 - rng.next()) * 1.5));
      const perItem = delivery === '中英文成绩单' ? rng.int(2, 4) : delivery === '盖章认证件' ? rng.int(1, 3) : studentRecords ? rng.int(1, 8) : rng.int(3, 40);
      const pages = items * perItem;

      let hours = medianHours(channel, fy) * Math.exp(rng.normal(0, channel === '现场' ? 0.8 : 0.7));
      if (channel === '现场' && (delivery === '盖章认证件' || delivery === '中英文成绩单') && rng.chance(0.25)) hours += 20 + 30 * rng.next();
      if (!studentRecords) hours *= 1.5;
      const done = at + Math.max(60, Math.round(hours * 3600));
      let status = '已完成';
      let completed = '';
      if (rng.chance(0.02)) status = '已拒绝';
      else if (done > asOfEnd) status = '处理中';
      else if (!rng.chance(0.025)) completed = formatTimestamp(done);

      requests.push({
        at,
        line: `${formatTimestamp(at)},${completed},${requester},${purpose},${category},${channel},${delivery},${items},${pages},${status},${studentId}`,
      });
    }
    // Time order within the month; Array.prototype.sort is stable, so ties keep generation order.
    requests.sort((p, q) => p.at - q.at);
    const prefix = `LY${y}${m < 10 ? '0' + m : m}`;
    for (let i = 0; i < requests.length; i++) {
      out.row(`${prefix}${String(i + 1).padStart(6, '0')},${requests[i].line}`);
      if (out.full) await out.flush();
    }
  }
}
