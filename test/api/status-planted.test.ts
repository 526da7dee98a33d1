// The status analytics find the withdrawal rise the generator planted (analytics/generator/
// planted-patterns.ts, PLANTED.withdrawalSpike): in 机械工程学院 the entry cohort 2020 has its per-term
// withdrawal hazard multiplied by 5.
//
// Size: 20,000 students (the demo university, seed 42), not the 4,000 the other planted-pattern tests
// share. At 4,000 the planted group is about 38 students with some 2 expected withdrawals — measured: 1
// withdrawal of 38, indistinguishable from chance (log-rank p = 0.88). At 20,000 it is about 185
// students, and the rise stands out. The archive is built once and cached (test/helpers/generated.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { PLANTED } from '../../analytics/generator/planted-patterns.ts';
import { signIn, testApp, type Session } from '../helpers/app.ts';
import { generatedArchive } from '../helpers/generated.ts';

const planted = PLANTED.withdrawalSpike;
const COLLEGE = planted.collegeName;
const COHORT = planted.entryYear;
// Cohorts whose first years are long observed (the generator's as-of date is 2026-08-31).
const SPAN = { cohort_from: COHORT - 4, cohort_to: COHORT + 1 };

let app: FastifyInstance;
let teaching: Session;

beforeAll(async () => {
  app = await testApp(await generatedArchive(20000, 42));
  teaching = await signIn(app, 'teaching'); // unsuppressed
});

afterAll(async () => {
  await app?.close();
});

type Row = Record<string, unknown>;
async function get(route: string, query: Record<string, string | number>) {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const response = await app.inject({ url: `/api/status/${route}?${search}`, headers: teaching.headers });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { rows: Row[] }).rows;
}

/** The log-rank hazard ratio estimate (O_a / E_a) / (O_b / E_b) and the test's p-value. */
function compared(rows: Row[]) {
  const [a, b] = rows as { events: number; expected: number; p_value: number; n: number }[];
  return { n: a.n, events: a.events, expected: a.expected, p: a.p_value, hazardRatio: a.events / a.expected / (b.events / b.expected) };
}

describe(`the planted withdrawal rise: ${COLLEGE}, cohort ${COHORT}, hazard × ${planted.hazardMultiplier}`, () => {
  it(`sets cohort ${COHORT} apart from ${COLLEGE}’s other cohorts (log-rank)`, async () => {
    const result = compared(await get('logrank', { by: 'cohort', college: COLLEGE, a: COHORT, ...SPAN }));
    // Measured: 8 withdrawals of 185 against 2.7 expected; p = 0.0004, hazard ratio 4.9.
    expect(result.p).toBeLessThan(0.01);
    expect(result.hazardRatio).toBeGreaterThan(planted.hazardMultiplier / 2);
    expect(result.hazardRatio).toBeLessThan(planted.hazardMultiplier * 2);
  });

  it(`sets ${COLLEGE} apart from the other colleges in cohort ${COHORT}, and in no other cohort`, async () => {
    const years = [];
    for (let year = SPAN.cohort_from; year <= SPAN.cohort_to; year++) {
      years.push({ year, ...compared(await get('logrank', { by: 'college', a: COLLEGE, cohort_from: year, cohort_to: year })) });
    }
    const spike = years.find((y) => y.year === COHORT)!;
    // Measured: p = 0.006 in 2020; 0.08 to 0.93 in the other cohorts.
    expect(spike.p).toBeLessThan(0.05);
    expect(spike.hazardRatio).toBeGreaterThan(2);
    for (const other of years.filter((y) => y.year !== COHORT)) expect(other.p).toBeGreaterThan(spike.p);
  });

  it(`finds no other college whose cohort ${COHORT} rises as much`, async () => {
    const meta = (await (await app.inject({ url: '/api/meta', headers: teaching.headers })).json()) as { colleges: { name: string }[] };
    const results = [];
    for (const { name } of meta.colleges) {
      results.push({ name, ...compared(await get('logrank', { by: 'cohort', college: name, a: COHORT, ...SPAN })) });
    }
    results.sort((x, y) => x.p - y.p);
    expect(results[0].name).toBe(COLLEGE);
    // Measured: the next smallest p is 0.05 (艺术设计学院, 4 withdrawals against 1.7 expected).
    expect(results[1].p).toBeGreaterThan(0.01);
  });

  it(`draws cohort ${COHORT}’s Kaplan–Meier curve below its neighbours’, outside their bands`, async () => {
    const rows = await get('survival', { by: 'cohort', college: COLLEGE, ...SPAN });
    // After four years (term 8) of study: cumulative withdrawal 1 − S.
    const atTerm8 = new Map(rows.filter((r) => r.term === 8).map((r) => [r.group_name, r as { survival: number; lower: number; upper: number }]));
    const spike = atTerm8.get(String(COHORT))!;
    // Measured: 1 − S = 3.9 % for 2020; 0 to 2.1 % for 2016–2019 and 2021.
    for (const [group, other] of atTerm8) {
      if (group === String(COHORT)) continue;
      expect(spike.survival).toBeLessThan(other.survival);
    }
    const neighbours = [COHORT - 1, COHORT + 1].map((y) => atTerm8.get(String(y))!);
    expect(spike.upper).toBeLessThan(Math.max(...neighbours.map((n) => n.survival)));
    expect(1 - spike.survival).toBeGreaterThan(0.03);
  });
});
