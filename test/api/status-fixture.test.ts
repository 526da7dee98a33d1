// The status routes on the hand-built status-fixture package: every expected figure is worked out in
// data/samples/status-fixture/README.md, not by running the code under test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { signIn, testApp, type Session } from '../helpers/app.ts';
import { archiveFrom, SAMPLES } from '../helpers/archive.ts';

let app: FastifyInstance;
let cleanup: () => Promise<void>;
let teaching: Session;
let leader: Session;

beforeAll(async () => {
  const archive = await archiveFrom(path.join(SAMPLES, 'status-fixture'));
  cleanup = archive.cleanup;
  app = await testApp(archive.dataDir);
  // 教务处 sees unsuppressed aggregates: every cell of the fixture is below the threshold of 10.
  teaching = await signIn(app, 'teaching');
  leader = await signIn(app, 'leader');
});

afterAll(async () => {
  await app.close();
  await cleanup();
});

type Row = Record<string, unknown>;

async function get(route: string, query: Record<string, string | number> = {}, who: Session = teaching) {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const response = await app.inject({ url: `/api/status/${route}${search ? `?${search}` : ''}`, headers: who.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { version: string; as_of: string; rows: Row[]; suppression?: { threshold: number; cells: number } };
}

describe('the as-of date', () => {
  it('is the latest record: C03’s change of major on 2025-07-15', async () => {
    const body = await get('outcomes');
    expect(body.as_of).toBe('2025-07-15');
    expect(body.version).toMatch(/^v\d{8}T/);
  });
});

describe('GET /api/status/outcomes', () => {
  it('gives retention and graduation at 100/150 % with the counts behind them, and marks what is not yet measurable', async () => {
    const { rows } = await get('outcomes');
    expect(rows.map((r) => r.entry_year)).toEqual([2018, 2021, 2024]);
    const [c2018, c2021, c2024] = rows;

    expect(c2018).toMatchObject({
      n: 12, excluded: 1, n_adjusted: 11,
      retention_state: 'measured', retained: 10, on_leave_y1: 0,
      grad_100_state: 'measured', grad_100: 3,
      grad_150_state: 'measured', grad_150: 6, transferred_150: 1,
      grad_200_state: 'not_yet', grad_200: null, grad_200_rate: null,
      enrolled: 1, on_leave: 0, graduated: 6, completed: 1, withdrawn: 2, transferred: 1, deceased: 1, degrees: 5,
    });
    expect(c2018.retention_rate).toBeCloseTo(10 / 11, 12);
    expect(c2018.grad_100_rate).toBeCloseTo(3 / 11, 12);
    expect(c2018.grad_150_rate).toBeCloseTo(6 / 11, 12);
    expect(c2018.transferred_150_rate).toBeCloseTo(1 / 11, 12);
    expect(c2018.degree_rate).toBeCloseTo(5 / 6, 12);

    expect(c2021).toMatchObject({
      n: 5, excluded: 1, n_adjusted: 4,
      retention_state: 'measured', retained: 2, retention_rate: 0.5, on_leave_y1: 1,
      grad_100_state: 'not_yet', grad_100: null, grad_100_rate: null,
      grad_150_state: 'not_yet', grad_150: null,
      enrolled: 2, on_leave: 1, graduated: 1, withdrawn: 1, transferred: 0, deceased: 0,
    });

    expect(c2024).toMatchObject({
      n: 3, excluded: 0, n_adjusted: 3,
      retention_state: 'not_yet', retained: null, retention_rate: null,
      grad_100_state: 'not_yet', enrolled: 2, withdrawn: 1,
    });
  });

  it('cuts cohorts by the college students are in now', async () => {
    const { rows } = await get('outcomes', { by: 'college' });
    const cell = (year: number, college: string) => rows.find((r) => r.entry_year === year && r.group_name === college);
    expect(cell(2018, '机械工程学院')).toMatchObject({ n: 11, excluded: 1, graduated: 5, withdrawn: 2, grad_100: 2 });
    expect(cell(2018, '计算机学院')).toMatchObject({ n: 1, graduated: 1, grad_100: 1, grad_100_rate: 1 });
    expect(cell(2024, '机械工程学院')).toMatchObject({ n: 2, withdrawn: 1 });
    expect(cell(2024, '计算机学院')).toMatchObject({ n: 1, enrolled: 1 });
  });

  it('filters by cohort range and college', async () => {
    const { rows } = await get('outcomes', { cohort_from: 2021, college: '机械工程学院' });
    expect(rows.map((r) => [r.entry_year, r.n])).toEqual([
      [2021, 2],
      [2024, 2],
    ]);
  });
});

describe('GET /api/status/survival', () => {
  it('gives the Kaplan–Meier curves by cohort with their log-log bands, on a common grid of terms', async () => {
    const { rows } = await get('survival', { by: 'cohort' });
    const curve = (group: string) => rows.filter((r) => r.group_name === group);
    for (const group of ['2018', '2021', '2024']) expect(curve(group).map((r) => r.term)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));

    const c2018 = curve('2018');
    expect(c2018[0]).toMatchObject({ group_n: 12, undated: 0, at_risk: 12, events: 0, survival: 1, lower: 1, upper: 1 });
    expect(c2018[1]).toMatchObject({ at_risk: 12, events: 0, censored_count: 1, survival: 1 });
    expect(c2018[2]).toMatchObject({ at_risk: 11, events: 1, censored_count: 0 });
    expect(c2018[2].survival).toBeCloseTo(10 / 11, 12);
    expect(c2018[2].lower).toBeCloseTo(0.50808, 5);
    expect(c2018[2].upper).toBeCloseTo(0.986674, 5);
    expect(c2018[4]).toMatchObject({ at_risk: 10, events: 0, censored_count: 1 });
    expect(c2018[5]).toMatchObject({ at_risk: 9, events: 1 });
    expect(c2018[5].survival).toBeCloseTo(0.808081, 6);
    expect(c2018[5].lower).toBeCloseTo(0.423496, 5);
    expect(c2018[5].upper).toBeCloseTo(0.948523, 5);
    expect(c2018[13]).toMatchObject({ at_risk: 1, censored_count: 1 });
    expect(c2018[13].survival).toBeCloseTo(0.808081, 6);

    const c2021 = curve('2021');
    expect(c2021[0]).toMatchObject({ group_n: 5, at_risk: 5, events: 1, survival: 0.8 });
    expect(c2021[0].lower).toBeCloseTo(0.203809, 5);
    expect(c2021[0].upper).toBeCloseTo(0.96918, 5);
    expect(c2021[7]).toMatchObject({ at_risk: 4, censored_count: 4, survival: 0.8 });
    expect(c2021[8]).toMatchObject({ at_risk: 0, survival: null, lower: null, upper: null });

    const c2024 = curve('2024');
    expect(c2024[1]).toMatchObject({ at_risk: 3, events: 1, censored_count: 2 });
    expect(c2024[1].survival).toBeCloseTo(2 / 3, 12);
    expect(c2024[2]).toMatchObject({ at_risk: 0, survival: null });
  });

  it('draws only the groups asked for, and one curve for everyone with by=none', async () => {
    const some = await get('survival', { by: 'cohort', groups: 2021 });
    expect([...new Set(some.rows.map((r) => r.group_name))]).toEqual(['2021']);
    const all = await get('survival', { by: 'none' });
    // 20 students; withdrawals at t1 (B02), t2 (C02: 20 − 0 at risk … ), t3 (A04), t6 (A05).
    expect(all.rows[0]).toMatchObject({ group_name: null, group_n: 20, at_risk: 20, events: 1 });
    expect(all.rows.filter((r) => (r.events as number) > 0).map((r) => r.term)).toEqual([1, 2, 3, 6]);
  });

  it('hides a small group’s curve whole from a leader, and keeps the others', async () => {
    const body = await get('survival', { by: 'cohort' }, leader);
    const hidden = (group: string) => body.rows.filter((r) => r.group_name === group).every((r) => r.suppressed === true && r.survival === null && r.group_n === null);
    expect(hidden('2021')).toBe(true);
    expect(hidden('2024')).toBe(true);
    const c2018 = body.rows.filter((r) => r.group_name === '2018');
    expect(c2018.some((r) => r.suppressed)).toBe(false);
    expect(c2018[5].survival).toBeCloseTo(0.808081, 6);
    expect(body.suppression).toEqual({ threshold: 10, cells: 28 });
  });
});

describe('GET /api/status/logrank', () => {
  it('compares 2018 with 2021 as worked by hand: χ² = 0.028073, p = 0.866936', async () => {
    const { rows } = await get('logrank', { by: 'cohort', a: 2018, b: 2021 });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ side: 'a', group_name: '2018', n: 12, events: 2, df: 1 });
    expect(rows[1]).toMatchObject({ side: 'b', group_name: '2021', n: 5, events: 1, df: 1 });
    expect(rows[0].expected).toBeCloseTo(2.131523, 6);
    expect(rows[1].expected).toBeCloseTo(0.868477, 6);
    expect(rows[0].chi_square).toBeCloseTo(0.028073, 6);
    expect(rows[0].p_value).toBeCloseTo(0.866936, 6);
  });

  it('compares a group with everyone else when b is left out, and hides both rows from a leader', async () => {
    const { rows } = await get('logrank', { by: 'cohort', a: 2018 });
    expect(rows[1]).toMatchObject({ side: 'b', group_name: null, n: 8, events: 2 });
    const forLeader = await get('logrank', { by: 'cohort', a: 2018, b: 2021 }, leader);
    expect(forLeader.rows.every((r) => r.suppressed && r.chi_square === null && r.p_value === null)).toBe(true);
  });

  it.each([
    ['?by=cohort', /"a" is required/],
    ['?by=cohort&a=2018&b=2018', /same group/],
    ['?by=term&a=2018', /by.*must be one of/],
  ])('refuses %s with a message', async (query, message) => {
    const response = await app.inject({ url: `/api/status/logrank${query}`, headers: teaching.headers });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(message);
  });
});

describe('GET /api/status/changes', () => {
  it('counts changes per academic year and type, with rates per 1,000 on the register', async () => {
    const { rows } = await get('changes', { by: 'change_type', period: 'year' });
    const year = (y: number) => Object.fromEntries(rows.filter((r) => r.academic_year === y).map((r) => [r.group_name, r]));
    const y2019 = year(2019);
    expect(Object.keys(y2019).sort()).toEqual(['休学', '保留学籍', '退学', '降级'].sort());
    expect(y2019['休学']).toMatchObject({ changes: 2, students: 2, enrolled: 11 });
    expect(y2019['休学'].rate_per_1000).toBeCloseTo(2000 / 11, 9);
    expect(y2019['退学']).toMatchObject({ changes: 1, enrolled: 11 });
    expect(y2019['退学'].rate_per_1000).toBeCloseTo(1000 / 11, 9);
    const y2018 = year(2018);
    expect(y2018['转专业']).toMatchObject({ changes: 1, enrolled: 12 });
    expect(y2018['转学']).toMatchObject({ changes: 1, enrolled: 12 });
  });

  it('counts per term, with the register at the start of the term', async () => {
    const { rows } = await get('changes', { by: 'change_type', period: 'term', cohort_to: 2018 });
    const cells = rows.filter((r) => r.academic_year === 2019 && r.term === 2);
    expect(cells.map((r) => [r.group_name, r.changes, r.enrolled, r.rate_per_1000]).sort()).toEqual([
      ['休学', 1, 10, 100],
      ['降级', 1, 10, 100],
    ]);
  });

  it('counts by the college where the change happened, against that college’s register', async () => {
    const { rows } = await get('changes', { by: 'college', period: 'year', change_type: '退学' });
    expect(rows.find((r) => r.academic_year === 2019)).toMatchObject({ group_name: '机械工程学院', changes: 1, enrolled: 10, rate_per_1000: 100 });
  });

  it('pools months over the years for seasonality, without a denominator', async () => {
    const { rows } = await get('changes', { by: 'none', period: 'month' });
    const march = rows.find((r) => r.month === 3);
    // A05 退学 2021-03-10, A08 转学 2019-03-01, A05 休学 2020-03-05, A12 休学 2021-03-01, B03 休学 2022-03-01, C02 退学 2025-03-15.
    expect(march).toMatchObject({ academic_year: null, group_name: null, changes: 6, students: 5, enrolled: null, rate_per_1000: null });
    expect(rows.reduce((sum, r) => sum + (r.changes as number), 0)).toBe(21);
  });
});

describe('GET /api/status/sequences', () => {
  it('lists the sequences with the students who followed them', async () => {
    const { rows } = await get('sequences', { limit: 50 });
    expect(rows.reduce((sum, r) => sum + (r.students as number), 0)).toBe(15);
    expect(rows).toHaveLength(13);
    expect(rows[0]).toMatchObject({ sequence: '退学', outcome: 'withdrawn', students: 3, other: false });
    const find = (sequence: string) => rows.find((r) => r.sequence === sequence);
    expect(find('休学→复学→毕业')).toMatchObject({ students: 1, outcome: 'graduated' });
    expect(find('休学→退学→肄业')).toMatchObject({ students: 1, outcome: 'withdrawn' });
    expect(find('保留学籍→恢复学籍→毕业')).toMatchObject({ students: 1 });
    expect(find('死亡')).toMatchObject({ students: 1, outcome: 'deceased' });
    expect(find('休学→复学→延期毕业→在读')).toMatchObject({ students: 1, outcome: 'enrolled' });
    expect(find('保留学籍')).toMatchObject({ students: 1, outcome: 'on_leave' });
    expect(find('转专业→在读')).toMatchObject({ students: 1 });
  });

  it('pools the sequences past the limit into one row', async () => {
    const { rows } = await get('sequences', { limit: 3 });
    expect(rows).toHaveLength(4);
    expect(rows[3]).toMatchObject({ sequence: null, other: true, students: 10, sequences: 10 });
  });
});

describe('GET /api/status/flows', () => {
  it('links the 2018 cohort’s stages from entry to now', async () => {
    const { rows } = await get('flows', { cohort_from: 2018, cohort_to: 2018 });
    const links = Object.fromEntries(rows.map((r) => [`${r.source} → ${r.target}`, r.students]));
    expect(links).toEqual({
      '0:entry → 1:enrolled': 11,
      '0:entry → 1:transferred': 1,
      '1:enrolled → 2:enrolled': 7,
      '1:enrolled → 2:on_leave': 3,
      '1:enrolled → 2:withdrawn': 1,
      '2:enrolled → 3:enrolled': 5,
      '2:enrolled → 3:deceased': 1,
      '2:enrolled → 3:on_leave': 1,
      '2:on_leave → 3:enrolled': 1,
      '2:on_leave → 3:withdrawn': 1,
      '2:on_leave → 3:on_leave': 1,
      '3:enrolled → 4:graduated': 3,
      '3:enrolled → 4:enrolled': 3,
      '3:on_leave → 4:enrolled': 1,
      '3:on_leave → 4:on_leave': 1,
      '4:enrolled → 99:graduated': 3,
      '4:enrolled → 99:completed': 1,
      '4:on_leave → 99:enrolled': 1,
    });
  });
});

describe('GET /api/status/risk', () => {
  it('gives withdrawal by first-year GPA and failed credits, with Katz relative risks', async () => {
    const { rows } = await get('risk');
    const band = (factor: string, name: string) => rows.find((r) => r.factor === factor && r.band === name)!;
    expect(rows.filter((r) => r.factor === 'gpa').map((r) => [r.band, r.students, r.withdrawn])).toEqual([
      ['[0, 1)', 3, 2],
      ['[1, 2)', 2, 0],
      ['[2, 3)', 5, 0],
      ['[3, 4)', 3, 0],
    ]);
    expect(band('gpa', '[2, 3)')).toMatchObject({ reference: true, rr: 1, rr_lower: null });
    const low = band('gpa', '[0, 1)');
    expect(low).toMatchObject({ reference: false, corrected: true, rr: 7.5 });
    expect(low.rate).toBeCloseTo(2 / 3, 12);
    expect(low.rr_lower).toBeCloseTo(0.474577, 5);
    expect(low.rr_upper).toBeCloseTo(118.526588, 3);
    expect(band('gpa', '[1, 2)').rr).toBeCloseTo(2, 12);
    expect(band('gpa', '[3, 4)').rr).toBeCloseTo(1.5, 12);

    expect(rows.filter((r) => r.factor === 'failed_credits').map((r) => [r.band, r.students, r.withdrawn, r.reference])).toEqual([
      ['0', 10, 0, true],
      ['(0, 5]', 2, 1, false],
      ['(5, 10]', 1, 1, false],
    ]);
    const failed = band('failed_credits', '(0, 5]');
    expect(failed.rr).toBeCloseTo(11, 10);
    expect(failed.rr_lower).toBeCloseTo(0.584442, 5);
    expect(failed.rr_upper).toBeCloseTo(207.034961, 3);
    expect(band('failed_credits', '(5, 10]').rr).toBeCloseTo(16.5, 10);
  });
});

describe('college scope', () => {
  it('pins a college account to its own college (机械工程学院, the largest)', async () => {
    const college = await signIn(app, 'college');
    const body = await get('outcomes', {}, college);
    // 机械's cohorts: 2018 with 11 students (all but A06, who moved), shown; 2021 (B04, B05) and 2024
    // (C01, C02) under 10, hidden — two in the line of cohorts, so no complementary cell is needed.
    expect(body.rows.map((r) => [r.entry_year, r.n, r.suppressed ?? false])).toEqual([
      [2018, 11, false],
      [2021, null, true],
      [2024, null, true],
    ]);
    const refused = await app.inject({ url: `/api/status/outcomes?college=${encodeURIComponent('计算机学院')}`, headers: college.headers });
    expect(refused.statusCode).toBe(403);
  });
});
