// Every grades metric through the API on the hand-checked grades-fixture package
// (data/samples/grades-fixture/README.md shows the arithmetic; the numbers here were worked out there,
// not by running the code). 教务处 sees unsuppressed figures; the last block checks what a leader and a
// college account see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { signIn, testApp, type Session } from '../helpers/app.ts';
import { archiveFrom, SAMPLES } from '../helpers/archive.ts';

let app: FastifyInstance;
let cleanup: () => Promise<void>;
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  const archive = await archiveFrom(path.join(SAMPLES, 'grades-fixture'));
  cleanup = archive.cleanup;
  app = await testApp(archive.dataDir);
  for (const role of ['teaching', 'leader', 'college']) sessions[role] = await signIn(app, role);
});

afterAll(async () => {
  await app.close();
  await cleanup();
});

type Row = Record<string, unknown>;
async function get(route: string, query = '', role = 'teaching') {
  const response = await app.inject({ url: `/api/grades/${route}${query}`, headers: sessions[role].headers });
  return { status: response.statusCode, body: response.json() as { rows: Row[]; [key: string]: unknown } };
}
async function rows(route: string, query = '', role = 'teaching') {
  const { status, body } = await get(route, query, role);
  expect(status).toBe(200);
  return body.rows;
}
const find = (list: Row[], match: Row) => {
  const found = list.find((row) => Object.entries(match).every(([key, value]) => row[key] === value));
  if (!found) throw new Error(`no row ${JSON.stringify(match)} in ${JSON.stringify(list)}`);
  return found;
};

describe('trends', () => {
  it('gives the first-attempt figures per cohort and term', async () => {
    const list = await rows('trends');
    expect(list.map((r) => [r.entry_year, r.term_index, r.n, r.students])).toEqual([
      [2020, 1, 10, 6],
      [2020, 2, 4, 4],
      [2020, 3, 4, 4],
      [2020, 5, 2, 2],
      [2021, 1, 10, 5],
      [2021, 2, 3, 3],
      [2021, 3, 4, 4],
    ]);
    expect(list[0]).toMatchObject({ mean: 69.8, median: 80, p10: 45, p90: 90.5, fail_rate: 0.2 });
    expect(list[0].gpa).toBeCloseTo(63.6 / 28, 10);
    expect(list[1]).toMatchObject({ mean: 65, median: 65, p10: 46, p90: 84, fail_rate: 0.25, gpa: 1.75 });
    expect(list[4]).toMatchObject({ mean: 70.7, median: 73, p10: 48, fail_rate: 0.2 });
    expect(list[4].p90).toBeCloseTo(90.2, 10);
    expect(list[4].gpa).toBeCloseTo(52.4 / 26, 10);
    expect(list[5].mean).toBeCloseTo(205 / 3, 10);
    expect(list[6].gpa).toBeCloseTo(3.35, 10);
  });

  it('counts the best and the latest attempt in the first sitting’s term', async () => {
    const best = await rows('trends', '?attempt=best');
    expect(find(best, { entry_year: 2020, term_index: 1 })).toMatchObject({ n: 11, median: 80, p10: 65, p90: 90, fail_rate: 0 });
    expect(find(best, { entry_year: 2020, term_index: 1 }).mean).toBeCloseTo(860 / 11, 10);
    expect(find(best, { entry_year: 2020, term_index: 1 }).gpa).toBeCloseTo(2.78, 10);
    expect(find(best, { entry_year: 2021, term_index: 1 }).mean).toBeCloseTo(74.3, 10);
    expect(find(best, { entry_year: 2021, term_index: 2 })).toMatchObject({ n: 3, mean: 75, fail_rate: 0 });
    const latest = await rows('trends', '?attempt=latest');
    expect(find(latest, { entry_year: 2021, term_index: 1 }).mean).toBeCloseTo(73.8, 10);
    expect(find(latest, { entry_year: 2021, term_index: 1 }).fail_rate).toBeCloseTo(0.1, 10);
  });

  it('filters by course nature', async () => {
    // 选修 is L2 only: B2 88 in 2020 (B1's W has no score); D1 76 and D2 92 in 2021.
    const list = await rows('trends', `?course_nature=${encodeURIComponent('选修')}`);
    expect(list.map((r) => [r.entry_year, r.term_index, r.n, r.mean])).toEqual([
      [2020, 1, 1, 88],
      [2021, 1, 2, 84],
    ]);
  });

  it('gives the same figures per academic year', async () => {
    const list = await rows('trends/years');
    expect(list.map((r) => [r.academic_year, r.n, r.students, r.median])).toEqual([
      [2020, 14, 6, 75],
      [2021, 17, 9, 75],
      [2022, 6, 6, 85],
    ]);
    expect(list[0].mean).toBeCloseTo(958 / 14, 10);
    expect(list[0].fail_rate).toBeCloseTo(3 / 14, 10);
    expect(list[1].mean).toBeCloseTo(1212 / 17, 10);
    expect(list[1].fail_rate).toBeCloseTo(4 / 17, 10);
    expect(list[2]).toMatchObject({ mean: 84, fail_rate: 0 });
  });

  it('refuses an unknown attempt rule, naming the allowed ones', async () => {
    const { status, body } = await get('trends', '?attempt=worst');
    expect(status).toBe(400);
    expect(body.message).toMatch(/attempt.*first, best, latest/);
  });
});

describe('distributions', () => {
  it('bins the 2020 cohort’s scores', async () => {
    const list = (await rows('distribution/scores', '?by=cohort&bin=10')).filter((r) => r.grp === '2020');
    expect(list.map((r) => [r.bin_lower, r.bin_upper, r.results, r.students])).toEqual([
      [0, 10, 1, 1],
      [40, 50, 2, 2],
      [50, 60, 1, 1],
      [60, 70, 2, 2],
      [70, 80, 3, 1],
      [80, 90, 6, 4],
      [90, 100, 5, 2],
    ]);
    expect(list[5].share).toBeCloseTo(0.3, 12);
  });

  it('gives box-plot data with Tukey’s whiskers', async () => {
    const arts = find(await rows('distribution/boxplot', '?by=college'), { grp: '文学院' });
    expect(arts).toMatchObject({ n: 9, students: 4, q1: 76, median: 84, q3: 90, whisker_low: 60, whisker_high: 94, outliers_low: 1, outliers_high: 0 });
    expect(arts.mean).toBeCloseTo(714 / 9, 10);
    expect(arts.sd).toBeCloseTo(Math.sqrt(1832 / 8), 10);
  });

  it('counts students per GPA band, a band’s lower edge inside it', async () => {
    const list = await rows('distribution/gpa', '?by=cohort');
    expect(list.filter((r) => r.grp === '2020').map((r) => [r.band_lower, r.students])).toEqual([
      [0.5, 1],
      [1, 1],
      [2, 2],
      [3.5, 1],
      [4, 1],
    ]);
    expect(list.filter((r) => r.grp === '2021').map((r) => [r.band_lower, r.band_upper, r.students])).toEqual([
      [1, 1.5, 1],
      [1.5, 2, 1],
      [2, 2.5, 2], // C1 2.4615 and C3 exactly 2.0
      [4, 4.5, 1],
    ]);
  });
});

describe('course difficulty', () => {
  it('gives first-attempt DFW rates with Wilson intervals, z-scores against peers, ranks', async () => {
    const list = await rows('courses', '?min_n=3');
    const m1 = find(list, { course_id: 'M1' });
    expect(m1).toMatchObject({ n: 7, dfw: 3, volatile: false, peers: 3, outlier: null, rank: 1 });
    expect(m1.ci_low).toBeCloseTo(0.15822, 5);
    expect(m1.ci_high).toBeCloseTo(0.749542, 5);
    expect(m1.peer_mean).toBeCloseTo(0.242063, 6);
    expect(m1.z).toBeCloseTo(1.9533, 4);
    expect(find(list, { course_id: 'M2' })).toMatchObject({ outlier: 'low', rank: 5 });
    expect(find(list, { course_id: 'M2' }).z).toBeCloseTo(-2.1762, 4);
    expect(find(list, { course_id: 'L2' })).toMatchObject({ n: 4, dfw: 1, dfw_rate: 0.25, peers: 0, z: null, rank: 3 }); // the W counts
    expect(find(list, { course_id: 'L1' })).toMatchObject({ n: 10, dfw: 1, rank: 6 });
    expect(find(list, { course_id: 'L3' })).toMatchObject({ n: 3, dfw: 0, ci_low: 0, rank: 7 });
    expect(find(list, { course_id: 'L3' }).ci_high).toBeCloseTo(0.561497, 5);
  });

  it('flags M1 at a lower z limit and marks every course volatile at the default min_n', async () => {
    expect(find(await rows('courses', '?min_n=3&z=1.5'), { course_id: 'M1' }).outlier).toBe('high');
    for (const course of await rows('courses')) expect(course).toMatchObject({ volatile: true, z: null, rank: null });
  });

  it('pages the course table in the order asked, after the ranks were set over every course', async () => {
    // The ranks above (min_n 3): M1 1, L2 3, M2 5, L1 6, L3 7; M4 holds 2 and M3 shares L2's 3 (both
    // 1 in 4): a tie goes by course id, on every page alike.
    const page = async (query: string) => (await get('courses', `?min_n=3${query}`)).body as { rows: Row[]; page: Row };
    const first = await page('&limit=3');
    expect(first.page).toEqual({ total: 7, offset: 0, limit: 3, sort: 'rank', direction: 'asc' });
    expect(first.rows.map((r) => [r.rank, r.course_id])).toEqual([
      [1, 'M1'],
      [2, 'M4'],
      [3, 'L2'],
    ]);
    expect((await page('&limit=3&offset=3')).rows.map((r) => [r.rank, r.course_id])).toEqual([
      [3, 'M3'],
      [5, 'M2'],
      [6, 'L1'],
    ]);
    expect((await page('&limit=3&offset=6')).rows.map((r) => r.course_id)).toEqual(['L3']);
    expect((await page('&limit=3&offset=9')).rows).toEqual([]);
    // The DFW rate sorts high to low unless told otherwise: the rank order, and its reverse.
    const byRate = await page('&sort=dfw_rate');
    expect(byRate.page).toMatchObject({ total: 7, limit: null, direction: 'desc' });
    expect(byRate.rows.map((r) => r.course_id)).toEqual(['M1', 'M4', 'L2', 'M3', 'M2', 'L1', 'L3']);
    expect((await page('&sort=dfw_rate&direction=asc&limit=2')).rows.map((r) => r.course_id)).toEqual(['L3', 'L1']);
    // Only the outliers: M2 (z −2.18; M1's 1.95 is inside the limit of 2).
    const outliers = await page('&outliers_only=true&limit=50');
    expect(outliers.rows.map((r) => r.course_id)).toEqual(['M2']);
    expect(outliers.page.total).toBe(1);
  });

  it('pages a leader\'s course table after suppression: hidden rates sort last and stay hidden', async () => {
    // For a leader only L1 shows its rate (see the suppression test below); the hidden six follow by id.
    const whole = (await get('courses', '?min_n=3&sort=dfw_rate', 'leader')).body.rows;
    expect(whole.map((r) => r.course_id)).toEqual(['L1', 'L2', 'L3', 'M1', 'M2', 'M3', 'M4']);
    const pages = [];
    for (const offset of [0, 2, 4, 6]) pages.push(...(await get('courses', `?min_n=3&sort=dfw_rate&limit=2&offset=${offset}`, 'leader')).body.rows);
    expect(pages).toEqual(whole);
    expect(pages.filter((r) => r.dfw_rate !== null).map((r) => r.course_id)).toEqual(['L1']);
  });

  it('keeps one computed course table for all its pages, with an ETag per page', async () => {
    const before = app.responseCache.size;
    const etags = new Set<unknown>();
    for (const query of ['?limit=2', '?limit=2&offset=2', '?sort=course_name&limit=2', '?outliers_only=true']) {
      const response = await app.inject({ url: `/api/grades/courses${query}&z=1.9`, headers: sessions.teaching.headers });
      expect(response.statusCode).toBe(200);
      etags.add(response.headers.etag);
    }
    expect(app.responseCache.size - before).toBe(1);
    expect(etags.size).toBe(4);
  });

  it('refuses a page it cannot give, saying which parameter', async () => {
    for (const [query, name] of [
      ['?limit=0', 'limit'],
      ['?limit=5000', 'limit'],
      ['?offset=-1', 'offset'],
      ['?offset=1e309', 'offset'],
      ['?sort=name', 'sort'],
      ['?direction=up', 'direction'],
    ]) {
      const { status, body } = await get('courses', query);
      expect(status).toBe(400);
      expect(body.message).toContain(name);
    }
  });

  it('narrows to one teaching college', async () => {
    expect((await rows('courses', `?teaching_dept=${encodeURIComponent('文学院')}`)).map((r) => r.course_id)).toEqual(['L1', 'L2', 'L3']);
  });

  it('rates teaching colleges', async () => {
    const list = await rows('departments', '?min_n=3');
    expect(find(list, { teaching_dept: '理学院' })).toMatchObject({ courses: 4, n: 21, dfw: 6, students: 7, rank: 1 });
    expect(find(list, { teaching_dept: '文学院' })).toMatchObject({ courses: 3, n: 17, dfw: 2, students: 11, rank: 2 });
    expect(find(list, { teaching_dept: '理学院' }).ci_low).toBeCloseTo(0.138139, 5);
  });

  it('compares each course-year with the previous one, correcting for the number of comparisons', async () => {
    const list = await rows('courses/years', '?min_n=3');
    const m1 = find(list, { course_id: 'M1', academic_year: 2021 });
    expect(m1).toMatchObject({ previous_year: 2020, n: 3, dfw: 1, jump: null, course_name: '高等数学', teaching_dept: '理学院', course_nature: '必修' });
    expect(m1.change).toBeCloseTo(-1 / 6, 12);
    expect(m1.p_value).toBeCloseTo(0.659243, 6);
    expect(m1.q_value).toBeCloseTo(0.659243, 6);
    expect(find(list, { course_id: 'L1', academic_year: 2021 }).q_value).toBeCloseTo(0.5243625, 6);
    expect(find(list, { course_id: 'L2', academic_year: 2021 })).toMatchObject({ volatile: true, change: null, p_value: null });
    // One course asked for: the correction still counts every course under the filters.
    const one = await rows('courses/years', '?min_n=3&course_id=L1');
    expect(one.map((r) => r.academic_year)).toEqual([2020, 2021]);
    expect(one[1].q_value).toBeCloseTo(0.5243625, 6);
    expect(await rows('courses/years', '?min_n=3&jumps_only=true')).toEqual([]);
    // A teaching college asked for: its course-years only, with the q-values of the whole school.
    const literature = await rows('courses/years', `?min_n=3&teaching_dept=${encodeURIComponent('文学院')}`);
    expect([...new Set(literature.map((r) => r.course_id))].sort()).toEqual(['L1', 'L2', 'L3'].filter((id) => list.some((r) => r.course_id === id)));
    expect(find(literature, { course_id: 'L1', academic_year: 2021 })).toMatchObject({ course_name: '大学语文', course_nature: '公共必修' });
    expect(find(literature, { course_id: 'L1', academic_year: 2021 }).q_value).toBeCloseTo(0.5243625, 6);
  });
});

describe('grade inflation', () => {
  it('gives yearly means and shares of scores ≥ 90 per teaching college', async () => {
    const list = await rows('inflation');
    expect(list.map((r) => [r.grp, r.academic_year, r.n])).toEqual([
      ['文学院', 2020, 6],
      ['文学院', 2021, 7],
      ['文学院', 2022, 3],
      ['理学院', 2020, 8],
      ['理学院', 2021, 10],
      ['理学院', 2022, 3],
    ]);
    expect(find(list, { grp: '理学院', academic_year: 2020 })).toMatchObject({ mean: 60, share_90: 0.25 });
    expect(find(list, { grp: '文学院', academic_year: 2021 }).mean).toBeCloseTo(542 / 7, 10);
    expect(find(list, { grp: '文学院', academic_year: 2022 }).share_90).toBeCloseTo(2 / 3, 12);
  });

  it('fits the trend: slope, r², its 95% interval, and the within-course slope', async () => {
    const list = await rows('inflation/trends', '?min_year_n=1');
    const science = find(list, { grp: '理学院' });
    expect(science).toMatchObject({ years: 3, first_year: 2020, last_year: 2022, n: 21, students: 3, courses_over_years: 2 });
    expect(science.slope).toBeCloseTo(10, 10);
    expect(science.r2).toBeCloseTo(1 - 6 / 206, 10);
    expect(science.slope_low).toBeCloseTo(-12.0078, 3);
    expect(science.slope_high).toBeCloseTo(32.0078, 3);
    expect(science.within_course_slope).toBeCloseTo(6, 10);
    const arts = find(list, { grp: '文学院' });
    expect(arts.slope).toBeCloseTo(4.166667, 5);
    expect(arts.within_course_slope).toBeCloseTo(-32 / 3 / (19 / 6), 10);
    // With the default 30 results a year, no year of the fixture is fitted.
    expect(await rows('inflation/trends')).toEqual([]);
  });
});

describe('cohort comparison', () => {
  it('compares the two latest cohorts at the same point, per student, with Welch’s test', async () => {
    const [row] = await rows('compare');
    expect(row).toMatchObject({ by: 'cohort', measure: 'score', a: '2020', b: '2021', term_limit: 3, a_students: 6, b_students: 5, students: 5, effect: 'negligible' });
    expect(row.a_mean).toBeCloseTo(68.909091, 6);
    expect(row.b_mean).toBeCloseTo(71.945055, 6);
    expect(row.difference).toBeCloseTo(3.035964, 6);
    expect(row.t).toBeCloseTo(0.322039, 6);
    expect(row.df).toBeCloseTo(8.219192, 5);
    expect(row.p_value).toBeCloseTo(0.755462, 5);
    expect(row.ci_low).toBeCloseTo(-18.603, 3);
    expect(row.ci_high).toBeCloseTo(24.675, 3);
    expect(row.cohens_d).toBeCloseTo(0.18563, 5);
    expect(row.verdict_zh).toMatch(/^2021级与2020级的加权平均分没有统计上可靠的差异/);
    expect(row.verdict_en).toMatch(/^No reliable difference in credit-weighted mean score between the 2021 cohort and the 2020 cohort/);
  });

  it('compares two colleges over all terms', async () => {
    const [row] = await rows('compare', `?by=college&a=${encodeURIComponent('理学院')}&b=${encodeURIComponent('文学院')}`);
    expect(row).toMatchObject({ a_students: 7, b_students: 4, term_limit: null });
  });

  it.each([
    [`?by=college&college=${encodeURIComponent('理学院')}`, /cannot be combined with the college filter/],
    ['?a=2020&b=2020', /a and b must differ/],
    ['?a=twenty&b=2021', /a must be a cohort's entry year/],
    ['?term_to=1e309', /term_to.*finite/],
  ])('refuses %s', async (query, message) => {
    const { status, body } = await get('compare', query);
    expect(status).toBe(400);
    expect(body.message).toMatch(message);
  });
});

describe('student progress', () => {
  const bands = (list: Row[], year: number, term: number, kind: string) =>
    [0, 1, 2, 3].map((band) => (list.find((r) => r.entry_year === year && r.term_index === term && r.kind === kind && r.band === band)?.students as number) ?? 0);
  const query = '?warning_gpa=2&warning_credits=4&serious_credits=6';

  it('counts students by cumulative GPA band and failed credits, term by term', async () => {
    const { body } = await get('progress', query);
    expect(body.thresholds).toEqual({ warning_gpa: 2, warning_credits: 4, serious_credits: 6 });
    expect(bands(body.rows, 2020, 1, 'gpa')).toEqual([3, 0, 2, 1]);
    expect(bands(body.rows, 2020, 1, 'failed_credits')).toEqual([4, 0, 2, 0]);
    expect(bands(body.rows, 2020, 2, 'gpa')).toEqual([2, 1, 0, 1]);
    expect(bands(body.rows, 2020, 2, 'failed_credits')).toEqual([1, 1, 2, 0]);
    expect(bands(body.rows, 2020, 3, 'failed_credits')).toEqual([1, 1, 1, 1]);
    expect(bands(body.rows, 2021, 3, 'failed_credits')).toEqual([2, 0, 2, 0]);
    expect(find(body.rows, { entry_year: 2020, term_index: 1, kind: 'gpa', band: 0 })).toMatchObject({ lower: 0, upper: 2, warning: true, share: 0.5 });
    expect(find(body.rows, { entry_year: 2020, term_index: 3, kind: 'failed_credits', band: 3 })).toMatchObject({ lower: 6, upper: null, warning: true });
  });

  it('lets later attempts clear failures from the term they are sat in, under the best rule', async () => {
    const list = await rows('progress', `${query}&attempt=best`);
    expect(bands(list, 2021, 2, 'failed_credits')).toEqual([1, 0, 2, 0]); // C2's summer retake comes after term 2
    expect(bands(list, 2021, 3, 'failed_credits')).toEqual([4, 0, 0, 0]);
    expect(bands(list, 2020, 1, 'failed_credits')).toEqual([5, 0, 1, 0]); // A1's 补考 65 clears M1 in term 1; A2's 55 does not
    expect(bands(list, 2020, 3, 'failed_credits')).toEqual([3, 1, 0, 0]); // A2's 重修 72: only M3 (2) left; A3's 补考 cleared M2
  });

  it('takes the school’s lines from the configuration', async () => {
    const { body } = await get('progress');
    expect(body.thresholds).toEqual({ warning_gpa: 1.5, warning_credits: 10, serious_credits: 20 });
    const { status, body: refused } = await get('progress', '?warning_credits=8&serious_credits=8');
    expect(status).toBe(400);
    expect(refused.message).toMatch(/serious_credits \(8\) must be above warning_credits \(8\)/);
  });
});

describe('what other roles see', () => {
  it('hides every small cell from a leader, complementary cells included', async () => {
    const { body } = await get('trends/years', '', 'leader');
    expect(body.rows.every((r) => r.suppressed === true && r.mean === null)).toBe(true);
    expect(body.suppression).toEqual({ threshold: 10, cells: 3 });
    const [comparison] = (await get('compare', '', 'leader')).body.rows;
    expect(comparison).toMatchObject({ suppressed: true, a_mean: null, b_mean: null, difference: null, verdict_en: null });
    // Courses: all but L1 (10 students) are hidden; the two hidden in 文学院's line protect each other.
    // min_n is raised to the threshold for a leader, so every hidden course is volatile — nobody's peer.
    const courses = (await get('courses', '?min_n=3', 'leader')).body.rows;
    for (const course of courses.filter((c) => c.course_id !== 'L1')) {
      expect(course).toMatchObject({ suppressed: true, volatile: true, dfw_rate: null, z: null });
    }
    expect(find(courses, { course_id: 'L1' })).toMatchObject({ n: 10, dfw_rate: 0.1, volatile: false });
  });

  it('pins a college account to its own college', async () => {
    // The demo college account belongs to the largest college, 理学院 (7 students).
    expect((await rows('distribution/boxplot', '?by=college', 'college')).map((r) => r.grp)).toEqual(['理学院']);
    const { status } = await get('compare', `?by=college&a=${encodeURIComponent('理学院')}&b=${encodeURIComponent('文学院')}`, 'college');
    expect(status).toBe(400);
  });
});
