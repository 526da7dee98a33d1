// The cohort report (GET /api/reports/cohort) on the hand-checked status-fixture package: the expected
// figures are worked out in data/samples/status-fixture/README.md ("The 2018 cohort report"), not by
// running the code. Checked in the JSON preview, in the text extracted from the PDF, in the XLSX read
// back with exceljs and in the CSV; suppression for a leader, college scope, errors, audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { FastifyInstance } from 'fastify';
import { archiveFrom, SAMPLES } from '../helpers/archive.ts';
import { signIn, testApp, type Session } from '../helpers/app.ts';
import { findCjkFont, MissingCjkFontError } from '../../analytics/reports/cjk-font.ts';

let app: FastifyInstance;
let cleanup: () => Promise<void>;
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  const archive = await archiveFrom(path.join(SAMPLES, 'status-fixture'));
  cleanup = archive.cleanup;
  app = await testApp(archive.dataDir);
  for (const role of ['teaching', 'leader', 'college'] as const) sessions[role] = await signIn(app, role);
});

afterAll(async () => {
  await app.close();
  await cleanup();
});

const REPORT = '/api/reports/cohort?cohort=2018&min_n=5';
const get = (url: string, who: keyof typeof sessions) => app.inject({ url, headers: sessions[who].headers });

type Row = Record<string, unknown>;
interface Section {
  id: string;
  title: string;
  columns: { key: string; label: string; kind: string }[];
  rows: Row[];
}
const section = (body: { sections: Section[] }, id: string) => body.sections.find((s) => s.id === id)!;

/** Hand figures (README). */
const HAND = {
  students: 12,
  retention: 10 / 11,
  grad100: 3 / 11,
  grad150: 6 / 11,
  meanGpa: 134 / 70,
  failRate: 4 / 20,
  terms: [
    { term_index: 1, n: 10, students: 10, mean: 67.9, median: 70.5, p10: 49.5, p90: 85.5, fail_rate: 0.3, gpa: 1.79 },
    { term_index: 2, n: 10, students: 10, mean: 71.6, median: 71.5, p10: 61.6, p90: 80.8, fail_rate: 0.1, gpa: 2.08 },
  ],
  courses: [
    { rank: 1, course_id: 'MA101', course_name: '高等数学A', n: 10, dfw: 3, dfw_rate: 0.3, ci_low: 0.10779, ci_high: 0.603222 },
    { rank: 2, course_id: 'PH101', course_name: '大学物理', n: 10, dfw: 1, dfw_rate: 0.1, ci_low: 0.017876, ci_high: 0.40415 },
  ],
  changes: { 休学: 3, 退学: 3, 复学: 2, 延期毕业: 2, 保留学籍: 1, 恢复学籍: 1, 转专业: 1, 转学: 1, 降级: 1 } as Record<string, number>,
};

describe('the JSON preview', () => {
  it('gives the hand-checked overview, trends, courses, changes and outcomes', async () => {
    const response = await get(REPORT, 'teaching');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ as_of: '2025-07-15', scope: { cohort: 2018, college: null, major: null, minN: 5 }, suppression: null });
    expect(body.version).toMatch(/^v\d{8}T/);
    expect(body.generation_ms).toBeGreaterThanOrEqual(0);
    expect(Number(response.headers['x-generation-ms'])).toBeGreaterThanOrEqual(0);
    const o = body.overview;
    expect(o).toMatchObject({ students: 12, n_adjusted: 11, grad_200_rate: null, grad_200_state: 'not_yet', gpa_students: 10, results: 20 });
    expect(o.retention_rate).toBeCloseTo(HAND.retention, 9);
    expect(o.grad_100_rate).toBeCloseTo(HAND.grad100, 9);
    expect(o.grad_150_rate).toBeCloseTo(HAND.grad150, 9);
    expect(o.mean_gpa).toBeCloseTo(HAND.meanGpa, 9);
    expect(o.fail_rate).toBeCloseTo(HAND.failRate, 9);

    const trends = section(body, 'trends').rows;
    expect(trends).toHaveLength(2);
    HAND.terms.forEach((term, i) => {
      for (const [key, value] of Object.entries(term)) expect(trends[i][key], `term ${term.term_index} ${key}`).toBeCloseTo(value, 9);
    });
    const courses = section(body, 'courses').rows;
    expect(courses.map((c) => c.course_id)).toEqual(['MA101', 'PH101']);
    HAND.courses.forEach((course, i) => {
      expect(courses[i]).toMatchObject({ rank: course.rank, course_id: course.course_id, course_name: course.course_name, n: course.n, dfw: course.dfw, z: null });
      expect(courses[i].dfw_rate).toBeCloseTo(course.dfw_rate, 9);
      expect(courses[i].ci_low).toBeCloseTo(course.ci_low, 5);
      expect(courses[i].ci_high).toBeCloseTo(course.ci_high, 5);
    });
    const changes = Object.fromEntries(section(body, 'changes').rows.map((r) => [r.group_name, r.changes]));
    expect(changes).toEqual(HAND.changes);
    const outcomes = Object.fromEntries(section(body, 'outcomes').rows.map((r) => [r.outcome, [r.count, r.rate]]));
    expect(outcomes['入学']).toEqual([12, null]);
    expect(outcomes['排除（死亡、应征入伍）']).toEqual([1, null]);
    expect(outcomes['第一学年末保留'][0]).toBe(10);
    expect(outcomes['150% 学制内毕业'][0]).toBe(6);
    expect(outcomes['150% 学制内转学'][1]).toBeCloseTo(1 / 11, 9);
    expect(outcomes['200% 学制内毕业']).toEqual([null, null]);
    expect(outcomes['现状：毕业'][0]).toBe(6);
    expect(outcomes['现状：退学、肄业'][0]).toBe(2);
    expect(outcomes['获学位（占毕业生）'][0]).toBe(5);
    expect(outcomes['获学位（占毕业生）'][1]).toBeCloseTo(5 / 6, 9);
  });

  it('ranks no course under the default min_n (30)', async () => {
    const body = (await get('/api/reports/cohort?cohort=2018', 'teaching')).json();
    expect(section(body, 'courses').rows).toEqual([]);
  });
});

describe('the PDF', () => {
  it('holds the hand-checked figures, the scope, and page number, date and version on every page', async () => {
    const response = await get(`${REPORT}&format=pdf`, 'teaching');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="cohort-report-2018_v\d{8}T\d+Z\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(String(response.headers['content-disposition']).split("UTF-8''")[1])).toBe('入学年级报告-2018级-全校.pdf');
    expect(Number(response.headers['x-generation-ms'])).toBeGreaterThan(0);
    const version = (await get(REPORT, 'teaching')).json().version as string;

    const pdf = await getDocument({ data: new Uint8Array(response.rawPayload), useSystemFonts: false }).promise;
    const pages: string[] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const content = await (await pdf.getPage(i)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((text, i) => {
      expect(text).toContain(`第 ${i + 1} 页 / 共 ${pages.length} 页`);
      expect(text).toContain(`数据版本 ${version}`);
      expect(text).toMatch(/生成于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    });
    expect(pages[0]).toContain('入学年级报告');
    expect(pages[0]).toContain('2018级 · 全校');
    expect(pages[0]).toContain('数据截至：2025-07-15');
    const all = pages.join('\n');
    // Overview: 12 students, 90.9 %, 27.3 %, 54.5 %, GPA 1.91, fail rate 20.0 %.
    for (const figure of ['入学人数 12', '第一学年保留率 90.9%', '100% 学制内毕业率 27.3%', '150% 学制内毕业率 54.5%', '1.91', '20.0%']) {
      expect(all.replace(/\s+/g, ' ')).toContain(figure);
    }
    // Trends, courses with their Wilson intervals, a change type, the degree rate.
    for (const figure of ['67.90', '70.50', '49.50', '85.50', '71.60', '61.60', '80.80', '1.79', '2.08', '高等数学A', '30.0%', '10.8%', '60.3%', '1.8%', '40.4%', '延期毕业', '83.3%']) {
      expect(all).toContain(figure);
    }
  });
});

describe('the XLSX', () => {
  it('has one sheet per section with numbers stored as numbers, equal to the JSON and the hand figures', async () => {
    const json = (await get(REPORT, 'teaching')).json();
    const response = await get(`${REPORT}&format=xlsx`, 'teaching');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['报告信息', ...json.sections.map((s: Section) => s.title)]);

    for (const s of json.sections as Section[]) {
      const sheet = workbook.getWorksheet(s.title)!;
      const header = sheet.getRow(1);
      expect(s.columns.map((_, c) => header.getCell(c + 1).value)).toEqual(s.columns.map((c) => c.label));
      expect(header.font?.bold).toBe(true);
      s.rows.forEach((row, r) => {
        s.columns.forEach((column, c) => {
          const cell = sheet.getRow(r + 2).getCell(c + 1);
          const expected = row[column.key];
          if (typeof expected === 'number') {
            expect(typeof cell.value, `${s.id} ${column.key}`).toBe('number');
            expect(cell.value).toBeCloseTo(expected, 12);
          } else expect(cell.value ?? null, `${s.id} ${column.key}`).toEqual(expected === '' ? '' : (expected ?? null));
        });
      });
    }
    // The hand figures, read back from the sheets.
    const overview = workbook.getWorksheet('概况')!;
    const figures = new Map<string, unknown>();
    overview.eachRow((row, i) => i > 1 && figures.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(figures.get('入学人数')).toBe(12);
    expect(figures.get('第一学年保留率') as number).toBeCloseTo(HAND.retention, 9);
    expect(figures.get('平均绩点（学生 GPA 的平均）') as number).toBeCloseTo(HAND.meanGpa, 9);
    expect(figures.get('不及格率（首次修读）') as number).toBeCloseTo(HAND.failRate, 9);
    const rateCell = overview.getRow(4).getCell(2);
    expect(rateCell.numFmt).toBe('0.0%');
    const trends = workbook.getWorksheet('成绩趋势（按学期）')!;
    expect(trends.getRow(2).getCell(4).value).toBeCloseTo(67.9, 9);
    expect(trends.getRow(3).getCell(9).value).toBeCloseTo(2.08, 9);
    const courses = workbook.getWorksheet('不及格率最高的课程（DFW）')!;
    expect(courses.getRow(2).getCell(3).value).toBe('高等数学A');
    expect(courses.getRow(2).getCell(8).value as number).toBeCloseTo(0.10779, 5);
  });
});

describe('the CSV', () => {
  it('is one UTF-8 file with BOM, the sections one after another, Chinese intact', async () => {
    const response = await get(`${REPORT}&format=csv`, 'teaching');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(response.rawPayload.subarray(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('入学年级报告 2018级 · 全校');
    for (const title of ['概况', '成绩趋势（按学期）', '不及格率最高的课程（DFW）', '学籍异动（按类型）', '学业结果']) expect(lines).toContain(title);
    expect(lines).toContain('入学人数,12,');
    expect(lines).toContain('1,10,10,67.9,70.5,49.5,85.5,0.3,1.79');
    expect(lines.find((line) => line.startsWith('1,MA101,高等数学A,数学与统计学院,10,3,0.3,0.1077'))).toBeDefined();
    expect(lines).toContain('延期毕业,2,2');
  });
});

describe('privacy', () => {
  it('suppresses the small cells for a leader: the change types hidden and empty in the CSV', async () => {
    const body = (await get(REPORT, 'leader')).json();
    expect(body.suppression).toEqual({ threshold: 10, cells: 9 });
    expect(body.overview.students).toBe(12);
    expect(body.overview.mean_gpa).toBeCloseTo(HAND.meanGpa, 9);
    const changes = section(body, 'changes').rows;
    expect(changes).toHaveLength(9);
    for (const row of changes) expect(row).toMatchObject({ changes: null, students: null, suppressed: true });
    // Courses are ranked from 10 results for a leader (the threshold), so both stay.
    expect(section(body, 'courses').rows.map((c) => c.course_id)).toEqual(['MA101', 'PH101']);
    const lines = (await get(`${REPORT}&format=csv`, 'leader')).rawPayload.toString('utf8').split('\r\n');
    expect(lines).toContain('休学,,');
    expect(lines).toContain('转学,,');
  });

  it('gives a college account its own college, suppressed, and refuses another college with 403', async () => {
    const own = (await get('/api/reports/cohort?cohort=2018', 'college')).json();
    expect(own.scope.college).toBe('机械工程学院');
    expect(own.overview).toMatchObject({ students: 11, n_adjusted: 10, mean_gpa: null, fail_rate: null });
    expect(own.overview.retention_rate).toBeCloseTo(0.9, 9);
    expect(own.overview.grad_100_rate).toBeCloseTo(0.2, 9);
    expect(own.overview.grad_150_rate).toBeCloseTo(0.5, 9);
    expect(section(own, 'trends').rows.every((r) => r.suppressed === true && r.mean === null)).toBe(true);
    const csv = (await get('/api/reports/cohort?cohort=2018&format=csv', 'college')).rawPayload.toString('utf8');
    expect(csv).toContain('学院,机械工程学院');

    for (const format of ['json', 'pdf', 'xlsx', 'csv']) {
      const other = await get(`/api/reports/cohort?cohort=2018&college=${encodeURIComponent('计算机学院')}&format=${format}`, 'college');
      expect(other.statusCode).toBe(403);
      expect(other.json()).toMatchObject({ statusCode: 403, message: expect.stringMatching(/own college \(机械工程学院\)/) });
    }
    // 教务处 may ask for any college: 计算机学院 2018 is A06 alone.
    const computing = (await get(`/api/reports/cohort?cohort=2018&college=${encodeURIComponent('计算机学院')}`, 'teaching')).json();
    expect(computing.overview.students).toBe(1);
  });
});

describe('errors and audit', () => {
  it.each([
    ['/api/reports/cohort', 400, /"cohort" is required/],
    ['/api/reports/cohort?cohort=2018&format=docx', 400, /"format" must be one of json, pdf, xlsx, csv/],
    ['/api/reports/cohort?cohort=1800', 400, /cohort/],
    ['/api/reports/cohort?cohort=2030', 404, /No student entered in 2030/],
  ])('%s → %i', async (url, status, message) => {
    const response = await get(url, 'teaching');
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({ statusCode: status, error: expect.any(String), message: expect.stringMatching(message) });
  });

  it('writes each report to the audit log with its format and rows', async () => {
    await get(`${REPORT}&format=xlsx`, 'teaching');
    await app.auditLog.flush();
    const entries = (await readFile(app.auditLog.file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    const entry = entries.findLast((e) => e.route === '/api/reports/cohort' && e.params.format === 'xlsx');
    expect(entry).toMatchObject({ username: 'teaching', status: 200, params: { cohort: 2018, min_n: 5, format: 'xlsx' } });
    // 8 overview figures + 2 terms + 2 courses + 9 change types + 15 outcome lines.
    expect(entry.rows).toBe(8 + 2 + 2 + 9 + 15);
  });
});

describe('the CJK font', () => {
  it('is found among the installed fonts, or refused with what to install', () => {
    expect(findCjkFont().regular.name).toMatch(/^(NotoSansCJKsc-Regular|WenQuanYi)/);
    const missing = [{ regular: { file: '/nonexistent/font.ttc', name: 'X' }, bold: null }];
    expect(() => findCjkFont(missing)).toThrow(MissingCjkFontError);
    expect(() => findCjkFont(missing)).toThrow(/install fonts-noto-cjk/);
  });
});
