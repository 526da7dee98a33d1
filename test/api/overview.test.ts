// The overview's key figures on the hand-checked status fixture (data/samples/status-fixture/README.md
// shows the arithmetic), who sees which figures, and the college scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { signIn, testApp, type Session } from '../helpers/app.ts';
import { archiveFrom, SAMPLES } from '../helpers/archive.ts';

let app: FastifyInstance;
let cleanup: () => Promise<void>;
let teaching: Session;
let leader: Session;
let college: Session;

beforeAll(async () => {
  const archive = await archiveFrom(path.join(SAMPLES, 'status-fixture'));
  cleanup = archive.cleanup;
  app = await testApp(archive.dataDir);
  teaching = await signIn(app, 'teaching'); // unsuppressed
  leader = await signIn(app, 'leader');
  college = await signIn(app, 'college'); // 机械工程学院, the fixture's largest college
});

afterAll(async () => {
  await app.close();
  await cleanup();
});

interface Point {
  measure: string;
  year: number;
  value: number | null;
  n: number | null;
  suppressed?: boolean;
}

async function overview(who: Session, query = '') {
  const response = await app.inject({ url: `/api/overview${query}`, headers: who.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { measures: { measure: string; link: string }[]; rows: Point[] };
}

const point = (rows: Point[], measure: string, year: number) => rows.find((r) => r.measure === measure && r.year === year);

describe('GET /api/overview on the status fixture (教务处, unsuppressed)', () => {
  it('gives first-year retention and graduation within 100 % per cohort as the README works them out', async () => {
    const { rows } = await overview(teaching);
    expect(point(rows, 'retention_first_year', 2018)).toMatchObject({ n: 11 });
    expect(point(rows, 'retention_first_year', 2018)!.value).toBeCloseTo(10 / 11, 6);
    expect(point(rows, 'retention_first_year', 2021)!.value).toBeCloseTo(2 / 4, 6);
    expect(point(rows, 'grad_rate_100', 2018)!.value).toBeCloseTo(3 / 11, 6);
    // 2021's 100 % window ends 2025-08-31 for 4-year students: not measured for the whole cohort yet
    // (README: "not yet"); 2024 has no first year behind it.
    expect(point(rows, 'grad_rate_100', 2021)).toBeUndefined();
    expect(point(rows, 'retention_first_year', 2024)).toBeUndefined();
  });

  it('counts the students on the register at the start of each academic year, and changes per 1,000 of them', async () => {
    const { rows } = await overview(teaching);
    expect(point(rows, 'students_enrolled', 2018)).toMatchObject({ value: 12, n: 12 });
    expect(point(rows, 'students_enrolled', 2019)).toMatchObject({ value: 11, n: 11 });
    // 2019: 休学 ×2, 退学, 降级, 保留学籍 = 5 changes among 11 → 454.545 per 1,000.
    expect(point(rows, 'status_change_rate', 2019)!.value).toBeCloseTo((5 / 11) * 1000, 4);
    // 2018: 转专业 and 转学 among 12.
    expect(point(rows, 'status_change_rate', 2018)!.value).toBeCloseTo((2 / 12) * 1000, 4);
  });

  it('gives the mean GPA of each academic year exactly as the grades page shows it', async () => {
    const { rows } = await overview(teaching);
    const response = await app.inject({ url: '/api/grades/trends/years', headers: teaching.headers });
    const years = (response.json() as { rows: { academic_year: number; gpa: number }[] }).rows;
    const gpa = rows.filter((r) => r.measure === 'mean_gpa');
    expect(gpa.length).toBeGreaterThan(0);
    for (const p of gpa) expect(p.value).toBeCloseTo(years.find((y) => y.academic_year === p.year)!.gpa, 10);
  });

  it('shows utilization figures only to the roles that read utilization, and links each figure to its page', async () => {
    const forTeaching = await overview(teaching);
    expect(forTeaching.measures.map((m) => m.measure)).not.toContain('archive_requests');
    expect(forTeaching.rows.some((r) => r.measure === 'archive_requests')).toBe(false);
    const forLeader = await overview(leader);
    expect(forLeader.measures.map((m) => m.measure)).toContain('archive_requests');
    expect(forLeader.measures.find((m) => m.measure === 'grad_rate_100')!.link).toBe('/status?outcome_measure=grad_100');
  });
});

describe('warming', () => {
  it('computes the figures and the scan on the app npm start holds, before anyone asks', async () => {
    await app.warmOverview(); // start.ts calls it on the root app: a decoration an encapsulated plugin would hide
    const { rows } = await overview(teaching);
    expect(point(rows, 'students_enrolled', 2018)).toMatchObject({ value: 12 });
  });
});

describe('privacy of the overview', () => {
  it('hides the leader a point counting fewer than 10 people', async () => {
    const { rows } = await overview(leader);
    expect(point(rows, 'retention_first_year', 2018)!.value).toBeCloseTo(10 / 11, 6); // n 11
    expect(point(rows, 'retention_first_year', 2021)).toMatchObject({ suppressed: true, value: null }); // n 4
  });

  it('pins a college account to its own college and refuses another', async () => {
    const refused = await app.inject({ url: `/api/overview?college=${encodeURIComponent('计算机学院')}`, headers: college.headers });
    expect(refused.statusCode).toBe(403);
    const { rows, measures } = await overview(college);
    // README: as the 机械工程学院 account, n adjusted 10, retained 9 = 0.9 (n ≥ 10, so shown).
    expect(point(rows, 'retention_first_year', 2018)).toMatchObject({ n: 10 });
    expect(point(rows, 'retention_first_year', 2018)!.value).toBeCloseTo(0.9, 6);
    expect(measures.find((m) => m.measure === 'students_enrolled')!.link).toBe(`/status?college=${encodeURIComponent('机械工程学院')}`);
  });

  it('refuses unknown parameters values with a readable 400', async () => {
    const response = await app.inject({ url: '/api/insights?severity=urgent', headers: teaching.headers });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/severity/);
  });
});
