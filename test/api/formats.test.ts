// format=csv and format=arrow on the data routes (api/plugins/formats.ts), on the hand-checked
// tiny-university package (data/samples/tiny-university/README.md: the trend figures). The CSV must
// decode (BOM, Chinese names), hold exactly the JSON answer's fields and rows, leave suppressed cells
// empty, guard against formulas; Arrow must decode to the same rows; files respect college scope; a bad
// format is a 400; every rows-answering route lists `format` in the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { tableFromIPC } from 'apache-arrow';
import type { FastifyInstance } from 'fastify';
import { archiveFrom, SAMPLES } from '../helpers/archive.ts';
import { signIn, testApp, type Session } from '../helpers/app.ts';
import { csvField, csvLine } from '../../analytics/reports/csv.ts';
import { csvStream, exportFileName } from '../../api/plugins/formats.ts';

let app: FastifyInstance;
let cleanup: () => Promise<void>;
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  const archive = await archiveFrom(path.join(SAMPLES, 'tiny-university'));
  cleanup = archive.cleanup;
  app = await testApp(archive.dataDir);
  for (const role of ['teaching', 'leader', 'college'] as const) sessions[role] = await signIn(app, role);
});

afterAll(async () => {
  await app.close();
  await cleanup();
});

const get = (url: string, who: keyof typeof sessions) => app.inject({ url, headers: sessions[who].headers });

/** A small RFC 4180 reader for the tests (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

describe('format=csv', () => {
  it('gives the trends as UTF-8 CSV with BOM: the JSON fields as header, the hand-checked figures as numbers', async () => {
    const response = await get('/api/grades/trends?format=csv', 'teaching');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="grades-trends_v\d{8}T\d+Z\.csv"$/);
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = parseCsv(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes));
    expect(header).toEqual(['entry_year', 'term_index', 'n', 'students', 'mean', 'median', 'p10', 'p90', 'fail_rate', 'gpa', 'suppressed', 'censored']);
    expect(lines).toHaveLength(3);
    // README: 2020 term 1 = 0, 50, 60, 70, 80, 95 → n 6, mean 355/6, median 65, P10 25, P90 87.5, fail 2/6.
    const first = Object.fromEntries(header.map((name, i) => [name, lines[0][i]]));
    expect(first).toMatchObject({ entry_year: '2020', term_index: '1', n: '6', median: '65', p10: '25', p90: '87.5', suppressed: '', censored: '' });
    expect(Number(first.mean)).toBeCloseTo(355 / 6, 12);
    expect(Number(first.fail_rate)).toBeCloseTo(2 / 6, 12);
    const third = Object.fromEntries(header.map((name, i) => [name, lines[2][i]]));
    expect(third).toMatchObject({ entry_year: '2021', term_index: '1', n: '3', median: '72' });
    expect(Number(third.p10)).toBeCloseTo(46.4, 12);
  });

  it('keeps Chinese intact (计算机学院) and matches the JSON answer row for row', async () => {
    const url = '/api/grades/distribution/boxplot?by=college';
    const json = (await get(url, 'teaching')).json();
    const response = await get(`${url}&format=csv`, 'teaching');
    const text = response.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...lines] = parseCsv(text.slice(1));
    expect(lines.map((line) => line[header.indexOf('grp')]).sort()).toEqual(json.rows.map((r: { grp: string }) => r.grp).sort());
    expect(lines.map((line) => line[header.indexOf('grp')])).toContain('计算机学院');
    for (const [i, row] of (json.rows as Record<string, unknown>[]).entries()) {
      for (const [key, value] of Object.entries(row)) {
        const cell = lines[i][header.indexOf(key)];
        if (typeof value === 'number') expect(Number(cell)).toBeCloseTo(value, 9);
        else if (Array.isArray(value)) expect(JSON.parse(cell)).toEqual(value);
        else expect(cell).toBe(value === null ? '' : String(value));
      }
    }
  });

  it('leaves the cells suppressed for a leader empty, never 0', async () => {
    const json = (await get('/api/grades/trends', 'leader')).json();
    expect(json.suppression).toEqual({ threshold: 10, cells: 3 });
    const [header, ...lines] = parseCsv((await get('/api/grades/trends?format=csv', 'leader')).rawPayload.toString('utf8').slice(1));
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      const row = Object.fromEntries(header.map((name, i) => [name, line[i]]));
      expect(row).toMatchObject({ n: '', mean: '', median: '', p10: '', p90: '', fail_rate: '', gpa: '', suppressed: 'true' });
      expect(row.entry_year).toMatch(/^20\d\d$/);
    }
  });

  it('pins a college account to its college and refuses another college with 403', async () => {
    const own = parseCsv((await get('/api/grades/distribution/boxplot?by=college&format=csv', 'college')).rawPayload.toString('utf8').slice(1));
    expect(own.slice(1).map((line) => line[own[0].indexOf('grp')])).toEqual(['计算机学院']);
    const other = await get(`/api/grades/trends?college=${encodeURIComponent('外国语学院')}&format=csv`, 'college');
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ statusCode: 403, message: expect.stringMatching(/own college/) });
  });

  it('writes the call to the audit log with its format and rows', async () => {
    await get('/api/grades/trends/years?format=csv', 'teaching');
    await app.auditLog.flush();
    const entries = (await readFile(app.auditLog.file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    const entry = entries.findLast((e) => e.route === '/api/grades/trends/years');
    // 2020 and 2021 (README: the 2021 summer course has no term, but the years count it).
    expect(entry).toMatchObject({ username: 'teaching', status: 200, params: { format: 'csv' } });
    expect(entry.rows).toBeGreaterThan(0);
  });
});

describe('format=arrow', () => {
  it('decodes with apache-arrow to the JSON answer’s rows', async () => {
    const json = (await get('/api/grades/trends', 'teaching')).json();
    const response = await get('/api/grades/trends?format=arrow', 'teaching');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.apache.arrow.stream');
    expect(response.headers['content-disposition']).toMatch(/filename="grades-trends_v.+\.arrows"/);
    const table = tableFromIPC(response.rawPayload);
    expect(table.numRows).toBe(3);
    const rows = table.toArray().map((row) => row.toJSON());
    for (const [i, expected] of (json.rows as Record<string, unknown>[]).entries()) {
      for (const [key, value] of Object.entries(expected)) expect(rows[i][key]).toBe(value);
    }
    expect(rows[0].n).toBe(6);
    expect(rows[0].mean).toBeCloseTo(355 / 6, 12);
  });

  it('carries suppressed cells as nulls for a leader', async () => {
    const rows = tableFromIPC((await get('/api/grades/trends?format=arrow', 'leader')).rawPayload).toArray().map((r) => r.toJSON());
    expect(rows.map((r) => [r.n, r.mean, r.suppressed])).toEqual([[null, null, true], [null, null, true], [null, null, true]]);
  });
});

describe('the format parameter', () => {
  it('answers an unknown format with 400 in the one error shape', async () => {
    const response = await get('/api/grades/trends?format=xlsx', 'teaching');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: 'query parameter "format" must be one of json, csv, arrow' });
  });

  it('keeps json the default', async () => {
    const response = await get('/api/grades/trends?format=json', 'teaching');
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json().rows).toHaveLength(3);
  });

  it('is listed in the OpenAPI document for every route answering rows, and only there', async () => {
    const doc = (await app.inject({ url: '/api/docs/json' })).json();
    const withRows: string[] = [];
    for (const [route, ops] of Object.entries(doc.paths as Record<string, { get?: { parameters?: { name: string; schema: { enum?: string[] } }[]; responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }> } }>)) {
      const rows = ops.get?.responses['200']?.content?.['application/json']?.schema?.properties?.rows;
      const format = ops.get?.parameters?.find((p) => p.name === 'format');
      if (rows) {
        withRows.push(route);
        expect(format?.schema.enum, route).toEqual(['json', 'csv', 'arrow']);
      } else if (route !== '/api/reports/cohort') expect(format, route).toBeUndefined();
    }
    expect(withRows).toEqual(expect.arrayContaining(['/api/grades/trends', '/api/status/outcomes', '/api/utilization/breakdown']));
  });
});

describe('CSV cells and the stream', () => {
  it.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    [-2, '-2'],
    [0.1 + 0.2, '0.3'],
    [null, ''],
    [undefined, ''],
    [true, 'true'],
    ['a,b', '"a,b"'],
    [' 前后空格 ', '" 前后空格 "'],
    [{ fail_rate: '<5%' }, '"{""fail_rate"":""<5%""}"'],
  ])('writes %j as %s', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('ends lines with CRLF', () => {
    expect(csvLine(['计算机学院', 1])).toBe('计算机学院,1\r\n');
  });

  it('streams a large answer in chunks', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ id: i, name: `学生${i}` }));
    const chunks: string[] = [];
    for await (const chunk of csvStream(['id', 'name'], rows)) chunks.push(String(chunk));
    expect(chunks.length).toBeGreaterThan(2);
    const text = chunks.join('');
    expect(text.startsWith('\uFEFFid,name\r\n0,学生0\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(5002);
  });

  it('names files safely after the route and version', () => {
    expect(exportFileName('/api/grades/courses/years', 'v20261128T181100123Z', 'csv')).toBe('grades-courses-years_v20261128T181100123Z.csv');
    expect(exportFileName('/api/x', '../"evil"\r\n', 'csv')).toBe('x_-evil-.csv');
  });
});
